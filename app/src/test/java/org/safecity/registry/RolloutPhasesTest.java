package org.safecity.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import tools.jackson.databind.JsonNode;

class RolloutPhasesTest extends IntegrationTest {

    private JsonNode phase(int number) {
        var phases = as(Role.SUPERVISOR).get("/api/v1/phases");
        assertThat(phases.status()).isEqualTo(200);
        for (JsonNode p : phases.json()) {
            if (p.get("number").asInt() == number) {
                return p;
            }
        }
        throw new AssertionError("no phase " + number + " in " + phases.body());
    }

    @Test
    void the_phases_are_the_four_announced_with_their_cities() {
        var phases = as(Role.SUPERVISOR).get("/api/v1/phases").json();

        assertThat(phases.isArray()).isTrue();
        assertThat(phases.size()).isEqualTo(4);
        assertThat(phases.get(0).get("cities").get(0).asString()).isEqualTo("Peshawar");
        assertThat(phases.get(2).get("cities").size()).isEqualTo(5);
        assertThat(phases.get(3).get("cities").toString()).contains("Mardan", "Kohat", "Nowshera", "Swat", "Abbottabad");
    }

    @Test
    void phase_1_has_125_sites_and_710_cameras_in_peshawar_with_its_budget_and_deadline() {
        // online is what is observed, never what was planned: the cameras of phase 1 heard from now, and no more
        long observedOnline = admin().get("/api/v1/cameras?city=PSH&phase=1&status=ONLINE&size=1").json().get("total").asLong();
        var p = phase(1);

        assertThat(p.get("name").asString()).isEqualTo("Peshawar phase 1");
        assertThat(p.get("plannedSites").asInt()).isEqualTo(125);
        assertThat(p.get("plannedCameras").asInt()).isEqualTo(710);
        assertThat(p.get("sites").asInt()).isEqualTo(125);
        assertThat(p.get("cameras").asInt()).isEqualTo(710);
        assertThat(p.get("budgetPkr").asLong()).isEqualTo(2_200_000_000L);
        assertThat(p.get("startDate").asString()).isEqualTo("2026-06-01");
        assertThat(p.get("deadline").asString()).isEqualTo("2026-12-01");
        assertThat(p.get("installedCameras").asInt()).isBetween(1, 710);
        assertThat(p.get("onlineCameras").asLong()).isEqualTo(observedOnline).isLessThanOrEqualTo(p.get("installedCameras").asLong());
        assertThat(p.get("commissionedSites").asInt()).isBetween(1, 125);
    }

    @Test
    void the_projected_completion_carries_the_installation_rate_so_far_forward() {
        var p = phase(1);
        LocalDate today = LocalDate.now();
        LocalDate start = LocalDate.parse(p.get("startDate").asString());
        long installed = p.get("installedCameras").asLong();
        long remaining = 710 - installed;
        long elapsed = ChronoUnit.DAYS.between(start, today);
        LocalDate expected = today.plusDays((remaining * elapsed + installed - 1) / installed);

        assertThat(LocalDate.parse(p.get("projectedCompletion").asString())).isEqualTo(expected);
        assertThat(p.get("daysToDeadline").asLong()).isEqualTo(ChronoUnit.DAYS.between(today, LocalDate.parse("2026-12-01")));
        assertThat(p.get("onTrack").asBoolean()).isEqualTo(!expected.isAfter(LocalDate.parse("2026-12-01")));
    }

    @Test
    void phase_2_has_600_planned_sites_and_starts_when_phase_1_is_due() {
        var p = phase(2);

        assertThat(p.get("plannedSites").asInt()).isEqualTo(600);
        assertThat(p.get("sites").asInt()).isEqualTo(600);
        assertThat(p.get("plannedCameras").isNull()).isTrue();
        assertThat(p.get("cameras").asInt()).isZero();
        assertThat(p.get("budgetPkr").asLong()).isEqualTo(5_000_000_000L);
        assertThat(p.get("startDate").asString()).isEqualTo("2026-12-01");
        assertThat(p.get("deadline").asString()).isEqualTo("2027-12-01");
        assertThat(p.get("projectedCompletion").isNull()).isTrue();
    }

    @Test
    void phase_4_has_no_announced_budget_and_so_no_deadline() {
        var p = as(Role.OPERATOR).get("/api/v1/phases/4").json();

        assertThat(p.get("budgetPkr").isNull()).isTrue();
        assertThat(p.get("deadline").isNull()).isTrue();
        assertThat(p.get("daysToDeadline").isNull()).isTrue();
        assertThat(p.get("startDate").asString()).isEqualTo("2028-12-01");
    }

    @Test
    void an_admin_replans_a_phase_and_its_deadline_follows_the_new_start() {
        var original = admin().get("/api/v1/phases/3").json();
        var plan = new HashMap<String, Object>();
        plan.put("startDate", "2028-01-15");
        plan.put("budgetPkr", 6_500_000_000L);
        plan.put("plannedSites", 300);
        plan.put("plannedCameras", 1500);
        plan.put("durationMonths", 12);
        try {
            var changed = admin().put("/api/v1/phases/3", plan);

            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.json().get("deadline").asString()).isEqualTo("2029-01-15");
            assertThat(changed.json().get("budgetPkr").asLong()).isEqualTo(6_500_000_000L);
            assertThat(admin().get("/api/v1/phases/3").json().get("plannedCameras").asInt()).isEqualTo(1500);
        } finally {
            var back = new HashMap<String, Object>();
            back.put("startDate", original.get("startDate").asString());
            back.put("budgetPkr", original.get("budgetPkr").asLong());
            back.put("durationMonths", original.get("durationMonths").asInt());
            admin().put("/api/v1/phases/3", back);
        }
    }

    @Test
    void a_negative_budget_is_refused_with_the_field_named() {
        var response = admin().put("/api/v1/phases/3", java.util.Map.of("budgetPkr", -5, "durationMonths", 12));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("budgetPkr");
        assertThat(admin().get("/api/v1/phases/3").json().get("budgetPkr").asLong()).isEqualTo(6_000_000_000L);
    }

    @Test
    void only_an_admin_replans_a_phase() {
        for (var role : List.of(Role.SUPERVISOR, Role.OPERATOR)) {
            assertThat(as(role).put("/api/v1/phases/4", java.util.Map.of("budgetPkr", 1)).status()).isEqualTo(403);
        }
    }

    @Test
    void a_city_operator_sees_only_the_phases_of_their_city() {
        var phases = as("MRD", Role.OPERATOR).get("/api/v1/phases").json();

        assertThat(phases.size()).isEqualTo(1);
        assertThat(phases.get(0).get("number").asInt()).isEqualTo(4);
    }
}
