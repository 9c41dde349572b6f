package org.safecity.watchlists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.ModuleScenarioTest;
import org.safecity.anchors.AnchorSigner;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionConsumer;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.DetectionsAccepted;
import org.safecity.detections.Measurements;
import org.safecity.identity.Places;
import org.safecity.shared.Placement;
import org.safecity.traffic.UnpaidChallansCleared;
import org.safecity.traffic.UnpaidChallansExceeded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The watchlists' side of e-challan's unpaid limit (a vehicle over it is listed in its city, and leaves once cleared) and of
 * the detections handed to every consumer (a stored sighting of a listed plate is a hit on its list).
 */
@ModuleScenarioTest
class WatchlistsModuleTest {

    /** The evidence module signs the custody anchors; this context anchors nothing. */
    @MockitoBean
    AnchorSigner signer;

    /** The registry knows the cities and zones accounts are scoped to; no account is made here. */
    @MockitoBean
    Places places;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<DetectionConsumer> consumers;

    @Test
    void a_vehicle_over_the_unpaid_limit_is_listed_once_in_its_city_and_leaves_the_list_once_cleared(Scenario scenario) {
        String plate = "UNP" + System.nanoTime() % 100_000;
        var exceeded = new UnpaidChallansExceeded(plate, "PSH", 4, "4 unpaid overdue challans (limit 3)");

        scenario.publish(exceeded)
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> listed(plate), list -> !list.isEmpty())
            .andVerify(list -> assertThat(list).isEqualTo("Unpaid challans PSH"));
        // handed over again (a publication resubmitted): still one entry
        scenario.publish(exceeded)
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> jdbc.sql("select count(*) from event_publication where serialized_event like ? "
                + "and completion_date is null").param("%" + plate + "%").query(Long.class).single(), n -> n == 0)
            .andVerify(n -> assertThat(jdbc.sql("select count(*) from watchlists.entry where plate = ? and removed_at is null")
                .param(plate).query(Long.class).single()).isEqualTo(1L));

        scenario.publish(new UnpaidChallansCleared(plate))
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> listed(plate), String::isEmpty)
            .andVerify(list -> assertThat(list).isEmpty());
    }

    @Test
    void a_stored_sighting_of_a_listed_plate_is_a_hit_on_its_list_where_the_camera_stands(Scenario scenario) {
        String plate = "UNP" + System.nanoTime() % 100_000;
        scenario.publish(new UnpaidChallansExceeded(plate, "PSH", 5, "5 unpaid overdue challans (limit 3)"))
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> listed(plate), list -> !list.isEmpty());

        Instant seen = Instant.now();
        long sighting = System.nanoTime();
        // no point: the suite's maps are not to show this test's camera
        var detection = new AcceptedDetection(sighting, 77, "watchlists-module-" + sighting, new Placement(9_000_077, "PSH-C-077",
            "Hashtnagri", "PSH", null, null), DetectionKind.PLATE, seen, seen, plate, plate.replace('1', 'I'), 0.93, null, null, null,
            Measurements.NONE);
        var watchlists = consumers.stream().filter(c -> c.getClass().getPackageName().startsWith("org.safecity.watchlists")).findFirst()
            .orElseThrow();

        scenario.stimulate(() -> watchlists.on(new DetectionsAccepted(List.of(detection))))
            .andWaitAtMost(Duration.ofSeconds(10))
            .andWaitForEventOfType(WatchlistHits.class)
            .matching(hits -> hits.hits().stream().anyMatch(hit -> hit.sightingId() == sighting))
            .toArriveAndVerify(hits -> assertThat(hits.hits()).singleElement().satisfies(hit -> {
                assertThat(hit.list().name()).isEqualTo("Unpaid challans PSH");
                assertThat(hit.list().type()).isEqualTo(WatchlistHit.ListType.UNPAID_CHALLANS);
                assertThat(hit.entry().plate()).isEqualTo(plate);
                assertThat(hit.placement().cameraId()).isEqualTo(9_000_077);
                assertThat(hit.matchedBy()).isEqualTo(WatchlistHit.MatchedBy.EXACT);
            }));
    }

    /** The name of the unpaid-challans list that lists the plate now, or empty. */
    private String listed(String plate) {
        return jdbc.sql("""
                select l.name from watchlists.entry e join watchlists.list l on l.id = e.list_id
                where e.plate = ? and e.removed_at is null and l.type = 'UNPAID_CHALLANS'""")
            .param(plate).query(String.class).optional().orElse("");
    }
}
