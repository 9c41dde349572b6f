package org.safecity.watchlists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.safecity.ModuleScenarioTest;
import org.safecity.anchors.AnchorSigner;
import org.safecity.identity.Places;
import org.safecity.traffic.UnpaidChallansCleared;
import org.safecity.traffic.UnpaidChallansExceeded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The watchlists' side of e-challan's unpaid limit: a vehicle over it is listed in its city, and leaves once cleared. */
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

    @Test
    void a_vehicle_over_the_unpaid_limit_is_listed_in_its_city_and_leaves_the_list_once_cleared(Scenario scenario) {
        String plate = "UNP" + System.nanoTime() % 100_000;

        scenario.publish(new UnpaidChallansExceeded(plate, "PSH", 4, "4 unpaid overdue challans (limit 3)"))
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> listed(plate), list -> !list.isEmpty())
            .andVerify(list -> assertThat(list).isEqualTo("Unpaid challans PSH"));

        scenario.publish(new UnpaidChallansCleared(plate))
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> listed(plate), String::isEmpty)
            .andVerify(list -> assertThat(list).isEmpty());
    }

    /** The name of the unpaid-challans list that lists the plate now, or empty. */
    private String listed(String plate) {
        return jdbc.sql("""
                select l.name from watchlists.entry e join watchlists.list l on l.id = e.list_id
                where e.plate = ? and e.removed_at is null and l.type = 'UNPAID_CHALLANS'""")
            .param(plate).query(String.class).optional().orElse("");
    }
}
