package org.safecity.detections.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.Measurements;
import org.safecity.detections.Reporting;
import org.safecity.detections.internal.intake.Detection;
import org.safecity.detections.internal.intake.IntakeRefused;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.Placement;
import org.safecity.shared.Plate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A value the database refuses, arriving past the intake's checks, costs only the request that sent
 * it: the writer stores the rest of its group and refuses that request as it is (400, not "retry").
 */
class PoisonedBatchTest extends IntegrationTest {

    @Autowired
    SightingWriter writer;

    @Test
    void a_request_whose_text_the_database_refuses_fails_alone_and_its_group_is_stored() {
        long camera = Reporting.camera(admin(), anonymous, "KHT", 33.60, 71.46).cameraId();
        Instant at = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.MICROS);
        var clean = new ArrayList<CompletableFuture<SightingWriter.Written>>();
        CompletableFuture<SightingWriter.Written> poisoned = null;
        for (int i = 0; i < 40; i++) {
            if (i == 20) {
                poisoned = writer.submit(List.of(row(camera, at, "{\"plate\":{\"colour\":\"white\u0000\"}}")));
            }
            clean.add(writer.submit(List.of(row(camera, at, "{\"plate\":{\"colour\":\"white\"}}"), row(camera, at, "{}"))));
        }

        var refusal = poisoned.handle((written, failure) -> failure).orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(refusal).isInstanceOf(IntakeRefused.class);
        for (var request : clean) {
            assertThat(request.orTimeout(30, TimeUnit.SECONDS).join().ids()).hasSize(2).doesNotContainNull();
        }
    }

    private static SightingRow row(long camera, Instant at, String details) {
        var detection = new Detection(UUID.randomUUID().toString(), camera, at, DetectionKind.PLATE, Plate.of("KHT4321"), 0.9, null, null,
            null, details, Measurements.NONE);
        return new SightingRow(1, at, detection, new Placement(camera, null, null, "KHT", null, new GeoPoint(33.60, 71.46)));
    }
}
