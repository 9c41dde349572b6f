package org.safecity.partners.internal.premises;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.partners.internal.compliance.Compliance;
import org.safecity.IntegrationTest;
import org.safecity.identity.Jurisdiction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trend reads premises by status at the end of past days, counted once from the history: each day
 * counts the change in force at midnight Pakistan time, and a day once counted is not counted again.
 */
class ComplianceDaysTest extends IntegrationTest {

    @Autowired
    PremisesStore store;
    @Autowired
    JdbcClient jdbc;

    private long premises(String city, String licence) {
        return jdbc.sql("""
                insert into partners.premises (name, category, owner_kind, owner_number, address, city_code, zone_code, lat, lon,
                    licence_number, act_applies_from, registration)
                values ('Days test', 'SCHOOL', 'NTN', '1234567-8', 'Road', ?, 'Z1', 34, 71.5, ?, date '2025-01-01', 'REGISTERED')
                returning id""").params(city, licence).query(Long.class).single();
    }

    private void change(long premisesId, String at, String to) {
        jdbc.sql("insert into partners.compliance_change (premises_id, changed_at, from_status, to_status, reasons) values (?, ?, null, ?, '[]')")
            .params(premisesId, Timestamp.from(Instant.parse(at)), to).update();
    }

    private Map<String, Integer> countedOn(String city, LocalDate day) {
        var counts = new java.util.TreeMap<String, Integer>();
        jdbc.sql("select status, premises from partners.compliance_day where city_code = ? and day = ?").params(city, day)
            .query((java.sql.ResultSet rs) -> {
                counts.put(rs.getString(1), rs.getInt(2));
            });
        return counts;
    }

    @Test
    void each_past_day_counts_the_status_in_force_at_its_end_once() {
        String city = "D" + (System.nanoTime() % 100_000);
        long a = premises(city, "DAYS-A-" + city);
        long b = premises(city, "DAYS-B-" + city);
        change(a, "2024-03-01T10:00:00Z", "PENDING");
        change(a, "2024-03-03T10:00:00Z", "NON_COMPLIANT");
        change(a, "2024-03-05T10:00:00Z", "COMPLIANT");
        // 19:00 UTC is midnight in Peshawar: this change belongs to the next day
        change(b, "2024-03-01T10:00:00Z", "NON_COMPLIANT");
        change(b, "2024-03-02T19:00:00Z", "COMPLIANT");
        var days = List.of(LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 6));

        store.countDays(days, Instant.now());

        assertThat(countedOn(city, days.get(0))).isEqualTo(Map.of("PENDING", 1, "NON_COMPLIANT", 1));
        assertThat(countedOn(city, days.get(1))).isEqualTo(Map.of("NON_COMPLIANT", 1, "COMPLIANT", 1));
        assertThat(countedOn(city, days.get(2))).isEqualTo(Map.of("COMPLIANT", 2));
        assertThat(countedOn(city, LocalDate.of(2024, 3, 3))).as("a day not asked for is not counted").isEmpty();

        // counted once: a day's count stands, however often it is asked for
        change(a, "2024-03-04T05:00:00Z", "PENDING");
        store.countDays(days, Instant.now());
        assertThat(countedOn(city, days.get(1))).isEqualTo(Map.of("NON_COMPLIANT", 1, "COMPLIANT", 1));
    }

    @Test
    void the_trend_of_a_jurisdiction_agrees_with_walking_its_history_and_counts_no_day_not_yet_over() {
        String city = "W" + (System.nanoTime() % 100_000);
        long a = premises(city, "WEEK-A-" + city);
        Instant now = Instant.now();
        // further back than other tests' trends reach, whose days are counted (and kept) before this history exists
        change(a, now.minus(java.time.Duration.ofDays(200)).toString(), "NON_COMPLIANT");
        change(a, now.minus(java.time.Duration.ofDays(150)).toString(), "COMPLIANT");
        var scope = new PremisesStore.Scope(new Jurisdiction(city, null), null);

        var trend = store.trend(scope, 30, now);

        assertThat(trend.get(0).values().stream().mapToLong(Long::longValue).sum()).as("week 0: the register now").isEqualTo(1);
        assertThat(trend.get(21)).isEqualTo(Map.of(Compliance.Status.COMPLIANT, 1L)); // 147 days ago
        assertThat(trend.get(22)).isEqualTo(Map.of(Compliance.Status.NON_COMPLIANT, 1L)); // 154 days ago
        assertThat(trend.get(28)).isEqualTo(Map.of(Compliance.Status.NON_COMPLIANT, 1L));
        assertThat(trend).doesNotContainKey(29); // 203 days ago: before its first change
        var walked = store.trendFromHistory(scope, 30, now);
        for (int k = 13; k < 30; k++) {
            assertThat(trend.get(k)).as("week " + k).isEqualTo(walked.get(k));
        }
        LocalDate today = now.atZone(org.safecity.shared.TimeConfiguration.DISPLAY_ZONE).toLocalDate();
        store.countDays(List.of(today), now);
        assertThat(jdbc.sql("select count(*) from partners.compliance_day_counted where day = ?").param(today).query(Long.class).single())
            .as("today is not over").isZero();
    }
}
