package org.safecity.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.safecity.ModuleScenarioTest;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.AnalyticsDetected;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.Measurements;
import org.safecity.shared.Placement;
import org.safecity.video.CameraWentDark;
import org.safecity.watchlists.WatchlistHit;
import org.safecity.watchlists.WatchlistHits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

/**
 * The alerts' side of three contracts: a watchlist hit, an analytic detection and a camera gone dark each raise
 * an alert for the operators of the camera's city; a hit handed over twice raises one.
 */
@ModuleScenarioTest
class AlertsModuleTest {

    /** Cameras and sightings no other test uses: this test's alerts are never another's repeats. */
    private static final AtomicLong UNIQUE = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10 + 3);

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_watchlist_hit_raises_one_alert_at_its_camera_however_often_it_is_handed_over(Scenario scenario) {
        long camera = UNIQUE.incrementAndGet();
        String plate = "MT" + camera % 100_000;
        Instant at = Instant.now();
        var hit = new WatchlistHit(new WatchlistHit.Hotlist(UNIQUE.incrementAndGet(), "Stolen vehicles (module test)",
                WatchlistHit.ListType.STOLEN_VEHICLE, WatchlistHit.Priority.HIGH, "MRD"),
            new WatchlistHit.Entry(UNIQUE.incrementAndGet(), "stolen on 1 December", plate, null, null), UNIQUE.incrementAndGet(),
            // no point: the suite's maps are not to show this test's alert
            new Placement(camera, "MRD-C-001", "Mardan Chowk", "MRD", null, null), at, at, plate,
            WatchlistHit.MatchedBy.EXACT, 1.0);

        scenario.publish(new WatchlistHits(List.of(hit)))
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> jdbc.sql("select priority || ' ' || city_code || ' ' || count from alerts.alert where plate = ?")
                .param(plate).query(String.class).optional().orElse(null))
            .andVerify(alert -> assertThat(alert).isEqualTo("HIGH MRD 1"));
        scenario.publish(new WatchlistHits(List.of(hit)))
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> unfinished(plate), n -> n == 0)
            .andVerify(n -> assertThat(jdbc.sql("select count(*) || ' ' || sum(count) from alerts.alert where plate = ?").param(plate)
                .query(String.class).single()).isEqualTo("1 1"));
    }

    @Test
    void a_camera_gone_dark_raises_an_offline_alert_for_its_operators(Scenario scenario) {
        long camera = UNIQUE.incrementAndGet();
        Instant at = Instant.now();
        String reason = "connection refused " + camera;

        scenario.publish(new CameraWentDark(camera, at.minusSeconds(30), at, reason))
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> jdbc.sql("select count(*) from alerts.alert where camera_id = ? and type = 'CAMERA_OFFLINE' and reason like ?")
                .params(camera, "%" + reason).query(Long.class).single(), n -> n > 0)
            .andVerify(alerts -> assertThat(alerts).isEqualTo(1L));
    }

    @Test
    void each_public_safety_analytic_raises_an_alert_urgent_ones_high(Scenario scenario) {
        long camera = UNIQUE.incrementAndGet();
        Instant at = Instant.now();

        scenario.publish(new AnalyticsDetected(List.of(analytic(camera, "fire", at), analytic(camera, "loitering", at))))
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> jdbc.sql("select string_agg(analytic || ' ' || priority, ',') from alerts.alert where camera_id = ? and observed_at = ?")
                .params(camera, Timestamp.from(at)).query(String.class).optional().orElse(null))
            .andVerify(alerts -> assertThat(alerts.split(",")).containsExactlyInAnyOrder("fire HIGH", "loitering MEDIUM"));
    }

    private static AcceptedDetection analytic(long cameraId, String type, Instant at) {
        return new AcceptedDetection(UNIQUE.incrementAndGet(), 1, "contract-" + UNIQUE.get(), Placement.unknown(cameraId),
            DetectionKind.ANALYTIC, at, at, null, null, 0.9, null, null, type, Measurements.NONE);
    }

    private long unfinished(String plate) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ? and completion_date is null")
            .param("%" + plate + "%").query(Long.class).single();
    }
}
