package org.safecity.traffic.internal.rules;

import static org.safecity.traffic.internal.rules.RuleStore.ts;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.safecity.traffic.internal.TrafficSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What rules remember of the road between detections: the phases signal heads report, and the
 * passages of plates at a section's entry. A report is kept once however many rules need it.
 */
@Repository
class RoadMemory {

    private final JdbcClient jdbc;
    private final TrafficSettings settings;

    RoadMemory(JdbcClient jdbc, TrafficSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    void signalPhase(long signalCameraId, String approach, String phase, Instant at) {
        jdbc.sql("insert into traffic.signal_phase (camera_id, approach, phase, at) values (?, ?, ?, ?) on conflict do nothing")
            .params(signalCameraId, approach(approach), phase, ts(at)).update();
    }

    /** The latest phase the signal head reported for the approach within the signal memory before {@code at}. */
    String phaseAt(long signalCameraId, String approach, Instant at) {
        return jdbc.sql("""
                select phase from traffic.signal_phase where camera_id = ? and approach = ? and at <= ? and at > ?
                order by at desc limit 1""")
            .params(signalCameraId, approach(approach), ts(at), ts(at.minus(settings.signalMemory())))
            .query(String.class).optional().orElse("unknown");
    }

    void passage(long cameraId, String plate, Instant at) {
        jdbc.sql("insert into traffic.passage (camera_id, plate, observed_at) values (?, ?, ?) on conflict do nothing")
            .params(cameraId, plate, ts(at)).update();
    }

    /** When the plate last passed the entry camera within the section time before {@code exitAt}. */
    Optional<Instant> enteredAt(long entryCameraId, String plate, Instant exitAt) {
        return jdbc.sql("""
                select max(observed_at) as max from traffic.passage where camera_id = ? and plate = ? and observed_at < ? and observed_at > ?""")
            .params(entryCameraId, plate, ts(exitAt), ts(exitAt.minus(settings.sectionTime())))
            .query((rs, n) -> RuleStore.instant(rs, "max")).optional().filter(Objects::nonNull);
    }

    /** Approaches are compared as the signal head names them, whatever the case. */
    static String approach(String approach) {
        return approach == null ? "" : approach.strip().toUpperCase(Locale.ROOT);
    }
}
