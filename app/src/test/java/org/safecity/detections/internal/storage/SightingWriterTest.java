package org.safecity.detections.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.safecity.cluster.ClusterSettings;
import org.safecity.cluster.InstanceRoles;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.Measurements;
import org.safecity.detections.internal.DeliveringDetections;
import org.safecity.detections.internal.DetectionSettings;
import org.safecity.detections.internal.intake.Detection;
import org.safecity.detections.internal.intake.IntakeBusy;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.Placement;
import org.safecity.shared.Plate;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

class SightingWriterTest {

    private final CountDownLatch databaseHangs = new CountDownLatch(1);

    /** A database that does not answer: every commit waits until the test lets it go, then fails. */
    private final TransactionTemplate stalled = new TransactionTemplate() {
        @Override
        public <T> T execute(TransactionCallback<T> action) throws TransactionException {
            try {
                databaseHangs.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("database unavailable");
        }
    };

    private final DailyPartitions noPartitions = new DailyPartitions(null, null) {
        @Override
        void ensure(DetectionKind kind, LocalDate day) {
        }
    };

    private final DeliveringDetections noConsumers = new DeliveringDetections(null, null, null, null, null, null, null, null);

    private static final InstanceRoles EVERY_ROLE = new InstanceRoles(
        new ClusterSettings("all", "writer-test", "writer-test", Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMinutes(2)));

    private static DetectionSettings settings(int capacity) {
        return new DetectionSettings(capacity, 100, Duration.ofMillis(1), Duration.ofSeconds(5), Duration.ofSeconds(2),
            Duration.ofSeconds(10), 3, new DetectionSettings.RetentionDays(90, 30, 30, 90, 180, 180), 1000, Duration.ofDays(3), 1000);
    }

    private static List<SightingRow> rows(int n) {
        var detection = new Detection("e", 1, Instant.now(), DetectionKind.PLATE, Plate.of("ABC123"), 0.9, null, null, null, "{}",
            Measurements.NONE);
        return Collections.nCopies(n, new SightingRow(1, Instant.now(), detection,
            new Placement(1, null, null, "MRD", null, new GeoPoint(34.0, 72.0))));
    }

    @Test
    void a_full_queue_refuses_new_batches_at_once_instead_of_holding_them_in_memory() throws Exception {
        var writer = new SightingWriter(null, stalled, e -> { }, noPartitions, noConsumers, settings(10), Clock.systemUTC(), EVERY_ROLE, new SimpleMeterRegistry());
        writer.start();
        try {
            writer.submit(rows(5));
            writer.submit(rows(5));

            assertThatThrownBy(() -> writer.submit(rows(1))).isInstanceOf(IntakeBusy.class).hasMessageContaining("full");
        } finally {
            databaseHangs.countDown();
            writer.stop();
        }
    }

    @Test
    void a_batch_the_database_did_not_commit_is_answered_busy_not_accepted() {
        var writer = new SightingWriter(null, stalled, e -> { }, noPartitions, noConsumers, settings(10), Clock.systemUTC(), EVERY_ROLE, new SimpleMeterRegistry());
        writer.start();
        try {
            var pending = writer.submit(rows(3));
            databaseHangs.countDown();

            assertThatThrownBy(pending::join).hasCauseInstanceOf(IntakeBusy.class);
            assertThat(writer.queued()).isZero();
        } finally {
            writer.stop();
        }
    }
}
