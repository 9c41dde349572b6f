package org.safecity.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.safecity.ModuleScenarioTest;
import org.safecity.alerts.AlertEscalated;
import org.safecity.alerts.AlertPriority;
import org.safecity.alerts.AlertType;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.Placement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Emergency response's side of the alerts' escalation: an escalated alert is one incident where the alert was. */
@ModuleScenarioTest
class EmergencyModuleTest {

    @MockitoBean
    PremisesRegister premises;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_escalated_alert_becomes_one_incident_where_the_alert_was_however_often_it_is_delivered(Scenario scenario) {
        String alertId = Long.toString(System.currentTimeMillis() % 1_000_000_000L * 10 + 7);
        var placement = new Placement(1, null, "Mardan site", "MRD", null, new GeoPoint(34.2012, 72.0447));
        var escalated = new AlertEscalated(Long.parseLong(alertId), AlertType.WATCHLIST_HIT, AlertPriority.HIGH, placement, "PSH1234",
            Instant.now());

        scenario.publish(escalated)
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> jdbc.sql("select priority || ' ' || source || ' ' || city_code || ' ' || lat from emergency.incident "
                + "where alert_id = ?").param(alertId).query(String.class).optional().orElse(null))
            .andVerify(incident -> assertThat(incident).isEqualTo("P1 ALERT MRD 34.2012"));
        // handed over again (a publication resubmitted): still one incident
        scenario.publish(escalated)
            .andWaitAtMost(Duration.ofSeconds(30))
            .andWaitForStateChange(() -> jdbc.sql("select count(*) from event_publication where serialized_event like ? "
                + "and completion_date is null").param("%" + alertId + "%").query(Long.class).single(), n -> n == 0)
            .andVerify(n -> assertThat(jdbc.sql("select count(*) from emergency.incident where alert_id = ?").param(alertId)
                .query(Long.class).single()).isEqualTo(1L));
    }
}
