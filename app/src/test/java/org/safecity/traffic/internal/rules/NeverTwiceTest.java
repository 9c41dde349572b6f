package org.safecity.traffic.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.Measurements;
import org.safecity.detections.Reporting;
import org.safecity.shared.Placement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A detection delivered again (an event republished after a crash) yields no second violation. */
class NeverTwiceTest extends IntegrationTest {

    @Autowired
    ApplyingRules rules;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_same_detection_applied_twice_is_one_violation() {
        var admin = admin();
        var field = Reporting.mardanCamera(admin, anonymous);
        admin.post("/api/v1/traffic/rules", Map.of("cameraId", field.cameraId(), "kind", "WRONG_WAY", "allowedDirection", "S"));
        long sighting = -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 4);
        Instant now = Instant.now();
        var read = new AcceptedDetection(sighting, 1, "again", Placement.unknown(field.cameraId()), DetectionKind.PLATE, now, now, "NT12345",
            "NT-12345", 0.9, null, null, null, new Measurements(null, "N", null, null, null, null, null, null, null));

        rules.apply(List.of(read));
        jdbc.sql("update traffic.violation set status = 'REJECTED' where sighting_id = ?").param(sighting).update(); // not the window
        rules.apply(List.of(read));

        assertThat(jdbc.sql("select count(*) from traffic.violation where sighting_id = ?").param(sighting).query(Long.class).single())
            .isEqualTo(1);
    }
}
