package org.safecity.traffic.internal.challans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.traffic.Roadside;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A challan not paid by its due date gets, once, the history step that its surcharge applies. */
class OverdueChallansTest extends IntegrationTest {

    @Autowired
    WatchingUnpaidChallans watching;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_overdue_challan_is_marked_once_in_its_history_with_the_surcharge() {
        var admin = admin();
        String number = Roadside.issue(admin, anonymous, "Wali Khan");
        LocalDate due = LocalDate.now(ZoneId.of("Asia/Karachi")).minusDays(2);
        jdbc.sql("update traffic.challan set due_date = ? where number = ?").params(due, number).update();

        watching.markOverdue();
        watching.markOverdue();

        var history = admin.get("/api/v1/challans/" + number).json().get("history");
        long overdueSteps = 0;
        for (var step : history) {
            overdueSteps += step.get("what").asString().equals("OVERDUE") ? 1 : 0;
        }
        assertThat(overdueSteps).isEqualTo(1);
        assertThat(history.toString()).contains("not paid by " + due + ": late surcharge Rs 400");
    }
}
