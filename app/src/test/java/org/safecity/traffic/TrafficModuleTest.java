package org.safecity.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.ModuleScenarioTest;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionConsumer;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.DetectionsAccepted;
import org.safecity.detections.Measurements;
import org.safecity.registry.PartnerCameraRegister;
import org.safecity.shared.Placement;
import org.safecity.traffic.internal.rules.Rule;
import org.safecity.traffic.internal.rules.RuleStore;
import org.safecity.traffic.internal.rules.SpotSpeedRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * E-challan's side of the detections handed to every consumer: a plate read over a speed camera's limit is one violation
 * awaiting review, however often the group is handed over. The camera stands in Karak, where none of the suite's maps or
 * reviewers' queues look.
 */
@ModuleScenarioTest
class TrafficModuleTest {

    /** The records module answers e-challan's owner lookups; nothing here is issued. */
    @MockitoBean
    VehicleRegistrations registrations;

    @Autowired
    List<DetectionConsumer> consumers;

    @Autowired
    RuleStore rules;

    @Autowired
    PartnerCameraRegister cameras;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_plate_read_over_the_limit_is_one_violation_however_often_it_is_handed_over(Scenario scenario) {
        long unique = System.nanoTime() % 1_000_000_000L;
        long camera = cameras.enrol(new PartnerCameraRegister.Premises(unique, "Indus Highway toll", "KRK", null, 33.1302, 71.0911),
            new PartnerCameraRegister.NewCamera("Speed camera " + unique, "rtsp://10.80.0.1:554/" + unique, null, "1920x1080", "Hikvision",
                "iDS-TCM403", false)).cameraId();
        rules.insert(new Rule(0, camera, "OVER_SPEEDING", new SpotSpeedRule(60, 5), true, "traffic module test", Instant.now()));
        String plate = "KRK" + unique % 10_000;
        Instant seen = Instant.now();
        var read = new AcceptedDetection(unique, 88, "traffic-module-" + unique,
            // no point: the suite's maps are not to show this test's violation
            new Placement(camera, "Speed camera " + unique, "Indus Highway toll", "KRK", null, null), DetectionKind.PLATE, seen, seen,
            plate, plate, 0.97, null, null, null, new Measurements(92.0, null, "CAR", null, null, null, null, List.of(), null));
        var traffic = consumers.stream().filter(c -> c.getClass().getPackageName().startsWith("org.safecity.traffic")).findFirst()
            .orElseThrow();

        scenario.stimulate(() -> traffic.on(new DetectionsAccepted(List.of(read))))
            .andWaitAtMost(Duration.ofSeconds(10))
            .andWaitForStateChange(() -> violation(plate), v -> !v.isEmpty())
            .andVerify(v -> assertThat(v).isEqualTo("OVER_SPEEDING PENDING KRK 92.0"));

        scenario.stimulate(() -> traffic.on(new DetectionsAccepted(List.of(read))))
            .andWaitAtMost(Duration.ofSeconds(10))
            .andWaitForStateChange(() -> jdbc.sql("select count(*) from traffic.violation where plate = ?").param(plate).query(Long.class)
                .single())
            .andVerify(n -> assertThat(n).isEqualTo(1L));
    }

    private String violation(String plate) {
        return jdbc.sql("select offence || ' ' || status || ' ' || city_code || ' ' || (measurement ->> 'speedKmh') from traffic.violation "
            + "where plate = ?").param(plate).query(String.class).optional().orElse("");
    }
}
