package org.safecity.traffic.internal.violations;

import static org.safecity.traffic.internal.rules.RuleStore.instant;
import static org.safecity.traffic.internal.rules.RuleStore.ts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.safecity.shared.Placement;
import java.util.Optional;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.PageOf;
import org.safecity.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.safecity.storage.Where;

/** Violations, their evidence images and their review history. */
@Repository
public class ViolationStore {

    private final JdbcClient jdbc;

    ViolationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Image(String name, String mediaType, byte[] content) {
    }

    public record Step(Instant at, String what, String by, String note) {
    }

    /** Inserts the violation unless its detection already has one; answers the new id, or empty. */
    public Optional<Long> insert(Violation v) {
        return jdbc.sql("""
                insert into traffic.violation (sighting_id, event_id, rule_id, camera_id, camera_name, site_name, city_code, zone_code,
                  offence, plate, plate_as_read, confidence, vehicle_type, observed_at, measurement, status, approvals_required, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), 'PENDING', ?, ?)
                on conflict (sighting_id) do nothing returning id""")
            .params(v.sightingId(), v.eventId(), v.ruleId(), v.placement().cameraId(), v.placement().cameraName(), v.placement().siteName(), v.placement().cityCode(), v.placement().zoneCode(),
                v.offence(), v.vehicle().plate(), v.vehicle().plateAsRead(), v.vehicle().confidence(), v.vehicle().vehicleType(), ts(v.observedAt()), v.measurement(),
                v.approvalsRequired(), ts(v.createdAt()))
            .query(Long.class).optional();
    }

    /**
     * Whether the same plate already has this offence at this site within the window. Takes a transaction-scoped lock on
     * plate and offence first, so two groups of detections handled at once cannot both record the vehicle.
     */
    boolean recentlyRecorded(String plate, String offence, String siteName, long cameraId, Instant from, Instant to) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("traffic.violation:" + plate + ":" + offence).query((rs, n) -> 1).list();
        return jdbc.sql("""
                select exists (select 1 from traffic.violation where plate = ? and offence = ?
                  and (site_name = ? or camera_id = ?) and observed_at between ? and ? and status <> 'REJECTED')""")
            .params(plate, offence, siteName, cameraId, ts(from), ts(to)).query(Boolean.class).single();
    }

    public void addImage(long violationId, Image image) {
        jdbc.sql("insert into traffic.violation_image (violation_id, name, media_type, content) values (?, ?, ?, ?) on conflict do nothing")
            .params(violationId, image.name(), image.mediaType(), image.content()).update();
    }

    public List<String> imageNames(long violationId) {
        return jdbc.sql("select name from traffic.violation_image where violation_id = ? order by name")
            .param(violationId).query(String.class).list();
    }

    public Optional<Image> image(long violationId, String name) {
        return jdbc.sql("select name, media_type, content from traffic.violation_image where violation_id = ? and name = ?")
            .params(violationId, name).query((rs, n) -> new Image(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** The first image, scene before plate crop: what a citizen is shown. */
    public Optional<Image> mainImage(long violationId) {
        return jdbc.sql("""
                select name, media_type, content from traffic.violation_image where violation_id = ?
                order by case when name like 'scene%' then 0 when name like 'image%' then 1 else 2 end, name limit 1""")
            .param(violationId).query((rs, n) -> new Image(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    public Optional<Violation> find(long id) {
        return jdbc.sql("select * from traffic.violation where id = ?").param(id).query(ViolationStore::violation).optional();
    }

    /** Locks the row for a review decision, so two reviewers deciding at once are serialised. */
    Optional<Violation> lock(long id) {
        return jdbc.sql("select * from traffic.violation where id = ? for update").param(id).query(ViolationStore::violation).optional();
    }

    PageOf<Violation> list(Jurisdiction scope, String status, String city, PageRequest page) {
        return new Where().equal("status", "status", status)
            .equal("city_code", "scopeCity", scope.cityCode()).equal("zone_code", "scopeZone", scope.zoneCode())
            .equal("city_code", "city", city == null || city.isBlank() ? null : city.strip().toUpperCase(java.util.Locale.ROOT))
            .page(jdbc, "*", "from traffic.violation", "observed_at, id", ViolationStore::violation, page);
    }

    void approve(long id, String plate, String plateAsRead, List<String> approvedBy, boolean complete) {
        jdbc.sql("update traffic.violation set plate = ?, plate_as_read = ?, approved_by = ?, status = ? where id = ?")
            .params(plate, plateAsRead, approvedBy.toArray(String[]::new), complete ? "APPROVED" : "PENDING", id).update();
    }

    void reject(long id, String reason) {
        jdbc.sql("update traffic.violation set status = 'REJECTED', reject_reason = ? where id = ?").params(reason, id).update();
    }

    public void issued(long id, String challanNumber) {
        jdbc.sql("update traffic.violation set challan_number = ? where id = ?").params(challanNumber, id).update();
    }

    public void step(long violationId, Instant at, String what, String by, String note) {
        jdbc.sql("insert into traffic.violation_step (violation_id, at, what, by_whom, note) values (?, ?, ?, ?, ?)")
            .params(violationId, ts(at), what, by, note).update();
    }

    public List<Step> steps(long violationId) {
        return jdbc.sql("select at, what, by_whom, note from traffic.violation_step where violation_id = ? order by id")
            .param(violationId).query((rs, n) -> new Step(instant(rs, "at"), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    private static Violation violation(ResultSet rs, int n) throws SQLException {
        Array approved = rs.getArray("approved_by");
        List<String> approvedBy = approved == null ? List.of() : Arrays.asList((String[]) approved.getArray());
        return new Violation(rs.getLong("id"), (Long) rs.getObject("sighting_id"), rs.getString("event_id"),
            (Long) rs.getObject("rule_id"), new Placement(rs.getLong("camera_id"), rs.getString("camera_name"), rs.getString("site_name"),
                rs.getString("city_code"), rs.getString("zone_code"), null), rs.getString("offence"),
            new Violation.Vehicle(rs.getString("plate"), rs.getString("plate_as_read"), (Double) rs.getObject("confidence"),
                rs.getString("vehicle_type")), instant(rs, "observed_at"), rs.getString("measurement"), Violation.Status.valueOf(rs.getString("status")),
            rs.getInt("approvals_required"), List.copyOf(approvedBy), rs.getString("reject_reason"), rs.getString("challan_number"),
            instant(rs, "created_at"));
    }
}
