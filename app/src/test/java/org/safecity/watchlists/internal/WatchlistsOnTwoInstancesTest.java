package org.safecity.watchlists.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.detections.Reporting;
import org.safecity.shared.InstanceNotices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lists are changed through this instance's HTTP API; a second instance on the same database (its own
 * index, its own notices) matches what was added and stops matching what was removed, without a restart.
 */
class WatchlistsOnTwoInstancesTest extends IntegrationTest {

    @Autowired
    WatchlistStore store;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    private InstanceNotices otherNotices;
    private LoadedWatchlists other;

    @BeforeEach
    void anotherInstance() {
        otherNotices = new InstanceNotices(dataSource);
        other = new LoadedWatchlists(store, transactions, otherNotices);
        otherNotices.start();
        other.index();
    }

    @AfterEach
    void stopIt() {
        otherNotices.stop();
    }

    @Test
    void a_plate_listed_or_removed_through_one_instance_is_matched_or_no_longer_matched_by_another() {
        var admin = admin();
        long list = admin.post("/api/v1/watchlists", vehicleList(Reporting.unique("Stolen on two"))).json().get("id").asLong();
        String plate = "TWO" + (System.nanoTime() % 100_000);

        long entry = admin.post("/api/v1/watchlists/" + list + "/entries", Map.of("plate", plate, "reason", "FIR 12/2026"))
            .json().get("id").asLong();

        await().atMost(Duration.ofSeconds(10)).until(() -> !other.index().matchPlate(plate, Instant.now()).isEmpty());
        var match = other.index().matchPlate(plate, Instant.now()).getFirst();
        assertThat(match.list().id()).isEqualTo(list);
        assertThat(match.entry().id()).isEqualTo(entry);

        assertThat(admin.delete("/api/v1/watchlists/" + list + "/entries/" + entry).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).until(() -> other.index().matchPlate(plate, Instant.now()).isEmpty());
    }

    @Test
    void a_csv_import_through_one_instance_is_matched_by_another_whole() {
        var admin = admin();
        long list = admin.post("/api/v1/watchlists", vehicleList(Reporting.unique("Imported on two"))).json().get("id").asLong();
        String prefix = "CSV" + (System.nanoTime() % 10_000);
        var csv = new StringBuilder("plate,reason\n");
        for (int i = 0; i < 50; i++) {
            csv.append(prefix).append(100 + i).append(",unpaid challans\n");
        }

        assertThat(admin.post("/api/v1/watchlists/" + list + "/entries.csv", "text/csv", csv.toString()).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !other.index().matchPlate(prefix + "149", Instant.now()).isEmpty());
        for (int i = 0; i < 50; i++) {
            assertThat(other.index().matchPlate(prefix + (100 + i), Instant.now())).as("plate %d", i).hasSize(1);
        }
    }

    @Test
    void an_instance_that_lost_its_notices_loads_the_lists_again() {
        var admin = admin();
        long list = admin.post("/api/v1/watchlists", vehicleList(Reporting.unique("Missed on two"))).json().get("id").asLong();
        otherNotices.stop(); // what is told now does not reach the other instance
        String plate = "MIS" + (System.nanoTime() % 100_000);
        admin.post("/api/v1/watchlists/" + list + "/entries", Map.of("plate", plate, "reason", "told while not listening"));
        assertThat(other.index().matchPlate(plate, Instant.now())).isEmpty();

        otherNotices.start();

        assertThat(other.index().matchPlate(plate, Instant.now())).hasSize(1);
    }

    private static Map<String, Object> vehicleList(String name) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put("kind", "VEHICLE");
        body.put("type", "STOLEN_VEHICLE");
        body.put("priority", "HIGH");
        return body;
    }
}
