package org.safecity.traffic.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.Measurements;
import org.safecity.detections.Reporting;
import org.safecity.shared.Placement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** What the rules cost the detection stream: a full group commit of reads at cameras with and without rules. */
class RuleCostTest extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(RuleCostTest.class);
    private static final int GROUP = 5000;

    @Autowired
    ApplyingRules rules;

    private static List<AcceptedDetection> reads(long cameraId, long firstSighting) {
        var group = new ArrayList<AcceptedDetection>(GROUP);
        Instant now = Instant.now();
        for (int i = 0; i < GROUP; i++) {
            String plate = "RC" + (100000 + i);
            group.add(new AcceptedDetection(firstSighting + i, 1, "cost-" + i, Placement.unknown(cameraId), DetectionKind.PLATE, now, now,
                plate, plate, 0.9, null, null, null, new Measurements(50.0, "N", "car", null, null, null, null, null, null)));
        }
        return group;
    }

    @Test
    void a_group_of_5000_reads_costs_one_query_at_cameras_without_rules_and_stays_under_a_millisecond_a_read_with_them() {
        var admin = admin();
        var field = Reporting.mardanCamera(admin, anonymous);
        admin.post("/api/v1/traffic/rules", Map.of("cameraId", field.cameraId(), "kind", "WRONG_WAY", "allowedDirection", "N"));
        admin.post("/api/v1/traffic/rules", Map.of("cameraId", field.cameraId(), "kind", "SPOT_SPEED", "limitKmh", 60));
        var unruled = reads(Long.MAX_VALUE / 2, -1_000_000_000L);
        var ruled = reads(field.cameraId(), -2_000_000_000L);
        rules.apply(unruled); // warm up
        rules.apply(ruled);

        long started = System.nanoTime();
        rules.apply(unruled);
        long withoutRules = System.nanoTime() - started;
        started = System.nanoTime();
        rules.apply(ruled);
        long withRules = System.nanoTime() - started;

        log.info("Rules over {} plate reads: {} ms at cameras without rules, {} ms at a camera with two rules (none broken)",
            GROUP, withoutRules / 1_000_000, withRules / 1_000_000);
        assertThat(withoutRules / 1_000_000).isLessThan(500);
        assertThat(withRules / 1_000_000).as("ms, i.e. under 1 ms a read").isLessThan(GROUP);
    }
}
