package org.safecity.emergency.internal.panic;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safecity.shared.BearerSecret;
import org.safecity.emergency.PanicButtonsOfPremises;
import org.safecity.emergency.PremisesRegister;
import org.safecity.emergency.internal.incidents.IncidentStore;
import org.safecity.emergency.internal.units.Whereabouts;
import org.safecity.identity.Actor;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.DeviceKeyRevoked;
import org.safecity.identity.DeviceKeys;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.Conflict;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;
import org.safecity.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Panic buttons of registered premises (banks, plazas, fuel stations): an administrator registers
 * one with the premises' name, kind, address and map point and gets its key once; only the key's
 * SHA-256 hash is kept; revoking stops it at once. The identity module asks here whether a
 * presented key is a panic button's; such a key authenticates as a machine that may only press.
 */
@Service
class PanicButtons implements DeviceKeys, PanicButtonsOfPremises {

    static final String PREFIX = "scp_";
    private static final String COLUMNS = "id, premises_name, premises_kind, address, lat, lon, city_code, zone_code, created_at, revoked_at, premises_id";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Whereabouts whereabouts;
    private final ApplicationEventPublisher events;
    private final PremisesRegister premises;
    private static final BearerSecret KEYS = new BearerSecret(PREFIX);

    PanicButtons(JdbcClient jdbc, AuditTrail audit, Clock clock, Whereabouts whereabouts, ApplicationEventPublisher events,
                 PremisesRegister premises) {
        this.events = events;
        this.premises = premises;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.whereabouts = whereabouts;
    }

    /** @param premisesId the premises of the partners register the button belongs to, or null */
    record Registration(String premisesName, String premisesKind, String address, GeoPoint location, String cityCode,
                        String zoneCode, Long premisesId) {
    }

    record Issued(PanicButton button, String key) {
    }

    @Transactional
    Issued register(Registration given, Jurisdiction scope) {
        var r = placed(given);
        List<FieldError> errors = new ArrayList<>();
        require(r.premisesName(), "premisesName", "the premises' name, such as 'HBL Saddar Road branch'", errors);
        require(r.premisesKind(), "premisesKind", "such as BANK, PLAZA, HOTEL or FUEL_STATION", errors);
        require(r.address(), "address", "the premises' street address", errors);
        if (r.location() == null) {
            errors.add(new FieldError("location", "is required: the premises' map point"));
        }
        if (r.cityCode() == null || !r.cityCode().matches("[A-Z]{3}")) {
            errors.add(new FieldError("cityCode", "is required when the location is outside the camera network: a city code such as PSH"));
        } else if (!scope.covers(r.cityCode(), r.zoneCode() == null ? scope.zoneCode() : r.zoneCode())) {
            errors.add(new FieldError("cityCode", "is outside your jurisdiction (" + scope + ")"));
        }
        if (r.premisesId() != null) {
            var place = premises.placeOf(r.premisesId());
            if (place.isEmpty()) {
                errors.add(new FieldError("premisesId", "is not a premises of the register: " + r.premisesId()));
            } else if (!place.get().cityCode().equals(r.cityCode())) {
                errors.add(new FieldError("premisesId", "names a premises of " + place.get().cityCode() + ", not of " + r.cityCode()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String key = KEYS.issue();
        long id = jdbc.sql("""
                insert into emergency.panic_button (premises_name, premises_kind, address, lat, lon, city_code, zone_code, key_hash, created_at,
                    premises_id)
                values (:n, :k, :a, :lat, :lon, :city, :zone, :hash, :at, :premises) returning id""")
            .param("premises", r.premisesId())
            .param("n", r.premisesName().strip()).param("k", r.premisesKind().strip().toUpperCase(java.util.Locale.ROOT))
            .param("a", r.address().strip()).param("lat", r.location().lat()).param("lon", r.location().lon())
            .param("city", r.cityCode()).param("zone", r.zoneCode()).param("hash", BearerSecret.hash(key))
            .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record("emergency.panic-button-registered", "panic-button", Long.toString(id), null,
            Map.of("premises", r.premisesName().strip(), "city", r.cityCode()));
        return new Issued(find(id, Jurisdiction.PROVINCE).orElseThrow(), key);
    }

    /** The premises' map point names its city and zone when the caller leaves them out, as for a call. */
    private Registration placed(Registration r) {
        if ((r.cityCode() != null && !r.cityCode().isBlank()) || r.location() == null) {
            return r;
        }
        return whereabouts.of(r.location())
            .map(place -> new Registration(r.premisesName(), r.premisesKind(), r.address(), r.location(), place.cityCode(),
                r.zoneCode() != null ? r.zoneCode() : place.zoneCode(), r.premisesId()))
            .orElse(r);
    }

    @Transactional
    void revoke(long id, Jurisdiction scope) {
        var button = find(id, scope).orElseThrow(() -> new NotFound("panic button", id));
        if (button.revoked()) {
            throw new Conflict("Panic button " + id + " was already revoked at " + button.revokedAt() + ".");
        }
        jdbc.sql("update emergency.panic_button set revoked_at = :at where id = :id")
            .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record("emergency.panic-button-revoked", "panic-button", Long.toString(id), null,
            Map.of("premises", button.premisesName()));
        events.publishEvent(new DeviceKeyRevoked("emergency", id));
    }

    Optional<PanicButton> find(long id, Jurisdiction scope) {
        return jdbc.sql("select " + COLUMNS + " from emergency.panic_button where id = :id "
                + "and (cast(:city as text) is null or city_code = :city) and (cast(:zone as text) is null or zone_code = :zone)")
            .param("id", id).param("city", scope.cityCode()).param("zone", scope.zoneCode())
            .query((rs, n) -> button(rs)).optional();
    }

    List<PanicButton> list(Jurisdiction scope) {
        return jdbc.sql("select " + COLUMNS + " from emergency.panic_button where "
                + "(cast(:city as text) is null or city_code = :city) and (cast(:zone as text) is null or zone_code = :zone) order by id")
            .param("city", scope.cityCode()).param("zone", scope.zoneCode())
            .query((rs, n) -> button(rs)).list();
    }

    /**
     * A working button as the map shows it: its latest press, and the incident that press opened while
     * that incident is open (null once it is resolved or closed, or when the button was never pressed).
     */
    record OnMap(PanicButton button, Instant lastPressedAt, Long openIncidentId) {
    }

    /** The working buttons of the jurisdiction, each with its latest press. */
    List<OnMap> onMap(Jurisdiction scope) {
        return jdbc.sql("select b." + COLUMNS.replace(", ", ", b.") + """
                , p.pressed_at, case when i.status in ('NEW', 'DISPATCHED', 'EN_ROUTE', 'ON_SCENE') then i.id end as open_incident
                from emergency.panic_button b
                left join lateral (select pressed_at, incident_id from emergency.panic_press
                                   where panic_button_id = b.id order by pressed_at desc limit 1) p on true
                left join emergency.incident i on i.id = p.incident_id
                where b.revoked_at is null and (cast(:city as text) is null or b.city_code = :city)
                  and (cast(:zone as text) is null or b.zone_code = :zone)
                order by b.id""")
            .param("city", scope.cityCode()).param("zone", scope.zoneCode())
            .query((rs, n) -> new OnMap(button(rs), IncidentStore.instant(rs, "pressed_at"), (Long) rs.getObject("open_incident")))
            .list();
    }

    @Override
    public List<PanicButtonSummary> of(long premisesId) {
        return jdbc.sql("select " + COLUMNS + " from emergency.panic_button where premises_id = :p order by id").param("p", premisesId)
            .query((rs, n) -> button(rs)).list().stream()
            .map(b -> new PanicButtonSummary(b.id(), b.address(), b.createdAt(), b.revokedAt())).toList();
    }

    /** The panic button a presented key belongs to, if it is one and not revoked. */
    Optional<PanicButton> byKey(String presentedKey) {
        if (!KEYS.isOfKind(presentedKey)) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from emergency.panic_button where key_hash = :h and revoked_at is null")
            .param("h", BearerSecret.hash(presentedKey)).query((rs, n) -> button(rs)).optional();
    }

    @Override
    public Optional<Actor.Machine> authenticate(String presentedKey) {
        return byKey(presentedKey).map(b -> new Actor.Machine(b.id(), "panic button " + b.id() + " (" + b.premisesName() + ")", Set.of()));
    }

    private static PanicButton button(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PanicButton(rs.getLong("id"), rs.getString("premises_name"), rs.getString("premises_kind"),
            rs.getString("address"), new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon")), rs.getString("city_code"),
            rs.getString("zone_code"), IncidentStore.instant(rs, "created_at"), IncidentStore.instant(rs, "revoked_at"),
            (Long) rs.getObject("premises_id"));
    }

    private static void require(String value, String field, String hint, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required: " + hint));
        } else if (value.strip().length() > 200) {
            errors.add(new FieldError(field, "must be at most 200 characters"));
        }
    }
}
