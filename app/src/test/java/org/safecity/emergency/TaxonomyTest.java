package org.safecity.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;

/** Administrators keep the incident types and the response targets. */
class TaxonomyTest extends IntegrationTest {

    @Test
    void a_new_incident_type_opens_incidents_at_its_default_priority_and_recommends_its_unit_types() {
        String code = "KIDNAPPING_" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase().replaceAll("[0-9]", "X");
        var saved = admin().put("/api/v1/incident-types/" + code, Map.of("name", "Kidnapping", "defaultPriority", "P1",
            "unitTypes", List.of("POLICE_CAR")));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        long car = scene.unit("POLICE_CAR", scene.at(500, 0));
        long motorcycle = scene.unit("POLICE_MOTORCYCLE", scene.at(200, 0));
        var incident = scene.incident(code, scene.spot);

        assertThat(incident.get("priority").asString()).isEqualTo("P1");
        var ranked = dispatcher.get("/api/v1/incidents/" + incident.get("id").asLong() + "/recommendations").json();
        assertThat(ranked.valueStream().map(r -> r.get("unitId").asLong())).contains(car).doesNotContain(motorcycle);
    }

    @Test
    void the_types_and_targets_are_read_by_the_control_room_and_changed_only_by_administrators() {
        var types = as(Role.OPERATOR).get("/api/v1/incident-types").json();
        assertThat(types.valueStream().map(t -> t.get("code").asString()))
            .contains("ROBBERY", "ASSAULT", "ROAD_ACCIDENT", "FIRE", "MEDICAL", "TERRORISM", "PANIC_ALARM");
        var p4 = as(Role.SUPERVISOR).get("/api/v1/response-targets").json().get(3);
        assertThat(p4.get("priority").asString()).isEqualTo("P4");

        assertThat(as(Role.SUPERVISOR).put("/api/v1/response-targets/P4", Map.of("callToDispatchSeconds", 10,
            "dispatchToArrivalSeconds", 10)).status()).isEqualTo(403);
        var refused = admin().put("/api/v1/response-targets/P4", Map.of("callToDispatchSeconds", 0, "dispatchToArrivalSeconds", 3600));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("callToDispatchSeconds");
        var same = admin().put("/api/v1/response-targets/P4", Map.of("callToDispatchSeconds", p4.get("callToDispatchSeconds").asLong(),
            "dispatchToArrivalSeconds", p4.get("dispatchToArrivalSeconds").asLong()));
        assertThat(same.status()).isEqualTo(200);
    }
}
