package org.safecity.partners.internal.applications;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Places;
import org.safecity.identity.Reach;
import org.safecity.partners.internal.compliance.EvaluatingCompliance;
import org.safecity.partners.internal.compliance.Requirements;
import org.safecity.partners.internal.premises.Premises;
import org.safecity.partners.internal.premises.PremisesInput;
import org.safecity.partners.internal.premises.PremisesRules;
import org.safecity.partners.internal.premises.PremisesStore;
import org.safecity.partners.internal.premises.Registration;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A premises' manager applies through the partner portal, without an account; the application waits
 * (PENDING) until the Authority's compliance staff approve it (REGISTERED) or refuse it with a reason.
 * Applications are limited per client address and hour, and sending the same application again
 * answers the one already made rather than a second.
 */
@Service
public class ApplyingForRegistration {

    /** What an application came to: the premises, and whether this request made it or found it. */
    record Applied(long premisesId, boolean created) {
    }

    /** Too many applications from one address within the hour. */
    static final class TooManyApplications extends RuntimeException {
        TooManyApplications(int limit) {
            super("At most " + limit + " applications may be sent from one address in an hour; try again later.");
        }
    }

    private final PremisesStore premises;
    private final Requirements requirements;
    private final Places places;
    private final EvaluatingCompliance evaluating;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perAddressPerHour;

    ApplyingForRegistration(PremisesStore premises, Requirements requirements, Places places, EvaluatingCompliance evaluating,
                            AuditTrail audit, JdbcClient jdbc, Clock clock,
                            @Value("${safecity.partners.applications-per-hour}") int perAddressPerHour) {
        this.premises = premises;
        this.requirements = requirements;
        this.places = places;
        this.evaluating = evaluating;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.perAddressPerHour = perAddressPerHour;
    }

    @Transactional
    Applied apply(PremisesInput input, String address) {
        if (input.registration() != null && !input.registration().isBlank()) {
            throw new InvalidInput("registration", "is decided by the Authority; leave it out of an application");
        }
        var draft = PremisesRules.check(input, requirements.categories(), places, Registration.APPLIED).orThrow();
        var existing = premises.idOf(draft.cityCode(), draft.licenceNumber());
        if (existing.isPresent()) {
            var known = premises.find(existing.get()).orElseThrow();
            if (known.registration() == Registration.APPLIED && known.name().equals(draft.name())) {
                return new Applied(known.id(), false);
            }
            throw new Conflict("Licence number " + draft.licenceNumber() + " of " + draft.cityCode()
                + " is already on the Authority's register; contact the Safe City Authority to be given access.");
        }
        int recent = jdbc.sql("select count(*) from partners.premises where applied_from = ? and created_at > ?")
            .params(address, java.sql.Timestamp.from(clock.instant().minus(Duration.ofHours(1)))).query(Integer.class).single();
        if (recent >= perAddressPerHour) {
            throw new TooManyApplications(perAddressPerHour);
        }
        long id = premises.insert(draft).orElseThrow(() -> new Conflict("Licence number " + draft.licenceNumber()
            + " was registered a moment ago; contact the Safe City Authority."));
        jdbc.sql("update partners.premises set applied_from = ? where id = ?").params(address, id).update();
        audit.record("partners.application-received", "premises", Long.toString(id), null,
            Map.of("licenceNumber", draft.licenceNumber(), "city", draft.cityCode(), "address", address));
        evaluating.evaluate(id);
        return new Applied(id, true);
    }

    /** The compliance staff approve an application: the premises is registered and judged under the Act from now on. */
    @Transactional
    public void approve(long id) {
        var p = applicationInReach(id);
        decide(p, Registration.REGISTERED, null);
    }

    @Transactional
    public void refuse(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "is required: why the application is refused, in words its applicant can act on");
        }
        var p = applicationInReach(id);
        decide(p, Registration.REFUSED, reason.strip());
    }

    private Premises applicationInReach(long id) {
        var p = premises.find(id).orElseThrow(() -> new NotFound("premises", id));
        Reach.record("premises", id, new Jurisdiction(p.cityCode(), p.zoneCode()));
        if (p.registration() != Registration.APPLIED) {
            throw new Conflict("Premises " + id + " is " + p.registration() + ", not an application awaiting a decision.");
        }
        return p;
    }

    private void decide(Premises p, Registration decision, String reason) {
        jdbc.sql("update partners.premises set registration = ?, decided_by = ?, decided_at = ?, decision_reason = ? where id = ?")
            .params(decision.name(), CurrentActor.name(), java.sql.Timestamp.from(clock.instant()), reason, p.id()).update();
        audit.record(decision == Registration.REGISTERED ? "partners.application-approved" : "partners.application-refused",
            "premises", Long.toString(p.id()), reason, Map.of());
        evaluating.evaluate(p.id());
    }
}
