package org.safecity.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.alerts.AlertEscalated;
import org.safecity.alerts.AlertPriority;
import org.safecity.alerts.AlertType;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.AnalyticsDetected;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.Measurements;
import org.safecity.detections.Reporting;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.Placement;
import org.safecity.traffic.UnpaidChallansCleared;
import org.safecity.traffic.UnpaidChallansExceeded;
import org.safecity.video.CameraWentDark;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * The event contracts between modules, one scenario each: the publishing module's event is published
 * as that module would publish it (in a transaction), and the listening module's promised change is
 * awaited in its own tables. They run in the suite's one application context: a context of only the
 * listening module would boot most of the application anyway, since every module stands on storage
 * and identity.
 */
@EnableScenarios
class EventContractsTest extends IntegrationTest {

    private static final AtomicLong UNIQUE = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10);

    @Autowired
    JdbcClient jdbc;

    private long camera;

    /** A camera of its own for each scenario, so that no alert of another test makes this one's a repeat. */
    @BeforeEach
    void aCameraOfItsOwn() {
        camera = Reporting.mardanCamera(admin(), anonymous).cameraId();
    }

    @Test
    void an_escalated_alert_becomes_one_incident_where_the_alert_was(Scenario scenario) {
        long alertId = UNIQUE.incrementAndGet();

        var placement = new Placement(camera, null, "Mardan site", "MRD", null, new GeoPoint(34.2012, 72.0447));

        scenario.publish(new AlertEscalated(alertId, AlertType.WATCHLIST_HIT, AlertPriority.HIGH, placement, "PSH1234", Instant.now()))
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> jdbc.sql("select priority || ' ' || source || ' ' || lat from emergency.incident where alert_id = ?")
                .param(Long.toString(alertId)).query(String.class).optional().orElse(null))
            .andVerify(incident -> assertThat(incident).isEqualTo("P1 ALERT 34.2012"));
    }

    @Test
    void a_vehicle_over_the_unpaid_limit_is_listed_in_its_city_and_leaves_the_list_once_cleared(Scenario scenario) {
        String plate = "UNP" + UNIQUE.incrementAndGet() % 100_000;

        scenario.publish(new UnpaidChallansExceeded(plate, "PSH", 4, "4 unpaid overdue challans (limit 3)"))
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> listed(plate), list -> !list.isEmpty())
            .andVerify(list -> assertThat(list).isEqualTo("Unpaid challans PSH"));

        scenario.publish(new UnpaidChallansCleared(plate))
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> listed(plate), String::isEmpty)
            .andVerify(list -> assertThat(list).isEmpty());
    }

    @Test
    void a_camera_gone_dark_raises_an_offline_alert_for_its_operators(Scenario scenario) {
        Instant at = Instant.now();
        String reason = "connection refused " + UNIQUE.incrementAndGet();

        scenario.publish(new CameraWentDark(camera, at.minusSeconds(30), at, reason))
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> jdbc.sql("select count(*) from alerts.alert where camera_id = ? and type = 'CAMERA_OFFLINE' and reason like ?")
                .params(camera, "%" + reason).query(Long.class).single(), n -> n > 0)
            .andVerify(alerts -> assertThat(alerts).isEqualTo(1L));
    }

    @Test
    void each_public_safety_analytic_raises_an_alert_urgent_ones_high(Scenario scenario) {
        long otherCamera = camera;
        Instant at = Instant.now();

        scenario.publish(new AnalyticsDetected(List.of(analytic(otherCamera, "fire", at), analytic(otherCamera, "loitering", at))))
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> jdbc.sql("select string_agg(analytic || ' ' || priority, ',') from alerts.alert where camera_id = ? and observed_at = ?")
                .params(otherCamera, java.sql.Timestamp.from(at)).query(String.class).optional().orElse(null))
            .andVerify(alerts -> assertThat(alerts.split(",")).containsExactlyInAnyOrder("fire HIGH", "loitering MEDIUM"));
    }

    private static AcceptedDetection analytic(long cameraId, String type, Instant at) {
        return new AcceptedDetection(UNIQUE.incrementAndGet(), 1, "contract-" + UNIQUE.get(), Placement.unknown(cameraId),
            DetectionKind.ANALYTIC, at, at, null, null, 0.9, null, null, type, Measurements.NONE);
    }

    /** The name of the unpaid-challans list that lists the plate now, or empty. */
    private String listed(String plate) {
        return jdbc.sql("""
                select l.name from watchlists.entry e join watchlists.list l on l.id = e.list_id
                where e.plate = ? and e.removed_at is null and l.type = 'UNPAID_CHALLANS'""")
            .param(plate).query(String.class).optional().orElse("");
    }
}
