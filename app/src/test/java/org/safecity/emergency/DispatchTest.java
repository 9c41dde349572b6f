package org.safecity.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.identity.Role;
import tools.jackson.databind.JsonNode;

/** Recommending units, dispatching them, and following them to the scene and back. */
class DispatchTest extends IntegrationTest {

    private static List<Long> ids(JsonNode list, String field) {
        return list.valueStream().map(n -> n.get(field).asLong()).toList();
    }

    @Test
    void the_nearest_available_suitable_unit_is_recommended_first_and_busy_or_unsuitable_ones_are_left_out() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        long near = scene.unit("POLICE_CAR", scene.at(400, 90));
        long far = scene.unit("POLICE_CAR", scene.at(2_000, 180));
        long motorcycleMidway = scene.unit("POLICE_MOTORCYCLE", scene.at(1_000, 0));
        long ambulanceNearest = scene.unit("AMBULANCE", scene.at(100, 0));
        long busy = scene.unit("POLICE_CAR", scene.at(150, 270));
        long outOfService = scene.unit("POLICE_CAR", scene.at(200, 45));
        dispatcher.post("/api/v1/units/" + outOfService + "/status", Map.of("status", "OUT_OF_SERVICE"));
        long elsewhere = scene.incident("ASSAULT", scene.at(300, 270)).get("id").asLong();
        scene.dispatch(elsewhere, List.of(busy));
        long robbery = scene.incident("ROBBERY", scene.spot).get("id").asLong();

        var ranked = dispatcher.get("/api/v1/incidents/" + robbery + "/recommendations").json();

        assertThat(ids(ranked, "unitId")).startsWith(near, motorcycleMidway, far)
            .doesNotContain(ambulanceNearest, busy, outOfService);
        // units of the city heard from recently first, fastest first; silent ones (of earlier tests, too) after them
        var silent = ranked.valueStream().map(r -> r.get("silent").asBoolean()).toList();
        assertThat(silent).isSorted();
        var etas = ranked.valueStream().filter(r -> !r.get("silent").asBoolean()).map(r -> r.get("etaSeconds").asLong()).toList();
        assertThat(etas).isSorted();
        assertThat(etas.getFirst()).isPositive();
    }

    @Test
    void the_eta_is_distance_with_the_road_factor_at_the_unit_type_s_speed_after_turnout() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        var position = scene.at(1_000, 90);
        long ambulance = scene.unit("AMBULANCE", position);
        long medical = scene.incident("MEDICAL", scene.spot).get("id").asLong();

        var first = dispatcher.get("/api/v1/incidents/" + medical + "/recommendations").json().get(0);

        // 1,000 m x 1.4 road factor at 32 km/h = 157.5 s, after 60 s turnout
        double metres = position.metresTo(scene.spot);
        long expected = 60 + Math.round(metres * 1.4 / (32 / 3.6));
        assertThat(first.get("unitId").asLong()).isEqualTo(ambulance);
        assertThat(first.get("etaSeconds").asLong()).isEqualTo(expected);
        assertThat(first.get("distanceMetres").asLong()).isEqualTo(Math.round(metres));
    }

    @Test
    void a_dispatched_unit_travels_arrives_by_its_position_and_is_released_when_the_incident_is_resolved() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        long car = scene.unit("POLICE_CAR", scene.at(1_500, 0));
        long id = scene.incident("ROBBERY", scene.spot).get("id").asLong();

        var sent = scene.dispatch(id, List.of(car));
        assertThat(sent.get("dispatched").get(0).asLong()).isEqualTo(car);
        assertThat(sent.get("incident").get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(dispatcher.get("/api/v1/units/" + car).json().get("status").asString()).isEqualTo("DISPATCHED");

        scene.move(car, scene.at(900, 0));
        assertThat(dispatcher.post("/api/v1/units/" + car + "/status", Map.of("status", "EN_ROUTE")).status()).isEqualTo(200);
        assertThat(dispatcher.get("/api/v1/incidents/" + id).json().get("status").asString()).isEqualTo("EN_ROUTE");
        scene.move(car, scene.at(300, 0));
        assertThat(dispatcher.get("/api/v1/incidents/" + id).json().get("status").asString()).isEqualTo("EN_ROUTE");
        scene.move(car, scene.at(40, 0));

        var onScene = dispatcher.get("/api/v1/incidents/" + id).json();
        assertThat(onScene.get("status").asString()).isEqualTo("ON_SCENE");
        assertThat(onScene.get("arrivedAt")).isNotNull();
        assertThat(dispatcher.get("/api/v1/units/" + car).json().get("status").asString()).isEqualTo("ON_SCENE");

        var unsaid = dispatcher.post("/api/v1/incidents/" + id + "/status", Map.of("status", "RESOLVED", "note", "suspects arrested"));
        assertThat(unsaid.status()).as("resolving without saying how it ended").isEqualTo(400);
        assertThat(unsaid.body()).contains("disposition", "ARREST_MADE");
        assertThat(dispatcher.post("/api/v1/incidents/" + id + "/status", Map.of("status", "RESOLVED", "disposition", "DUPLICATE")).status())
            .as("duplicate is for merging").isEqualTo(400);
        assertThat(dispatcher.get("/api/v1/incidents/" + id).json().get("status").asString()).isEqualTo("ON_SCENE");

        var resolved = dispatcher.post("/api/v1/incidents/" + id + "/status",
            Map.of("status", "RESOLVED", "note", "suspects arrested", "disposition", "ARREST_MADE"));
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().get("disposition").get("label").asString()).isEqualTo("Arrest made");
        var closed = dispatcher.post("/api/v1/incidents/" + id + "/status", Map.of("status", "CLOSED"));
        assertThat(closed.status()).as("closing keeps the disposition given at resolving").isEqualTo(200);
        assertThat(closed.json().get("disposition").get("code").asString()).isEqualTo("ARREST_MADE");
        assertThat(dispatcher.get("/api/v1/incident-dispositions").json().valueStream().map(d -> d.get("code").asString()).toList())
            .contains("ARREST_MADE", "FALSE_ALARM").doesNotContain("DUPLICATE");
        assertThat(dispatcher.get("/api/v1/units/" + car).json().get("status").asString()).isEqualTo("AVAILABLE");
        var kinds = resolved.json().get("timeline").valueStream().map(e -> e.get("kind").asString()).toList();
        assertThat(kinds).containsSubsequence("OPENED", "ASSIGNED", "STATUS", "UNIT", "ARRIVED", "CLEARED", "STATUS");
        assertThat(resolved.json().get("timeline").valueStream().allMatch(e -> e.hasNonNull("actor") && e.hasNonNull("at"))).isTrue();
    }

    @Test
    void sending_a_unit_already_on_the_incident_again_changes_nothing() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        long car = scene.unit("POLICE_CAR", scene.at(500, 0));
        long id = scene.incident("ASSAULT", scene.spot).get("id").asLong();
        scene.dispatch(id, List.of(car));
        int entries = dispatcher.get("/api/v1/incidents/" + id).json().get("timeline").size();

        var again = scene.dispatch(id, List.of(car));

        assertThat(again.get("dispatched")).isEmpty();
        assertThat(again.get("alreadyAssigned").get(0).asLong()).isEqualTo(car);
        assertThat(again.get("incident").get("timeline").size()).isEqualTo(entries);
        assertThat(again.get("incident").get("units")).hasSize(1);
    }

    @Test
    void sending_a_unit_busy_on_another_incident_is_a_conflict_and_sends_none_of_the_units() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        long free = scene.unit("POLICE_CAR", scene.at(500, 0));
        long busy = scene.unit("POLICE_CAR", scene.at(600, 0));
        long first = scene.incident("ASSAULT", scene.at(700, 0)).get("id").asLong();
        scene.dispatch(first, List.of(busy));
        long second = scene.incident("ROBBERY", scene.spot).get("id").asLong();

        var refused = dispatcher.post("/api/v1/incidents/" + second + "/dispatch", Map.of("unitIds", List.of(free, busy)));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(dispatcher.get("/api/v1/units/" + free).json().get("status").asString()).isEqualTo("AVAILABLE");
        assertThat(dispatcher.get("/api/v1/incidents/" + second).json().get("status").asString()).isEqualTo("NEW");
    }

    @Test
    void a_field_unit_acknowledges_and_reports_for_its_own_unit_and_is_refused_for_another() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        long own = scene.unit("AMBULANCE", scene.at(800, 0));
        long other = scene.unit("AMBULANCE", scene.at(900, 0));
        SafeCityApi crew = as(Scene.CITY, Role.FIELD_UNIT);
        long accountId = crewAccountId(crew);
        assertThat(as(Scene.CITY, Role.SUPERVISOR).post("/api/v1/units/" + own + "/crew", Map.of("accountId", accountId)).status())
            .isEqualTo(200);
        long id = scene.incident("MEDICAL", scene.spot).get("id").asLong();
        scene.dispatch(id, List.of(own));

        var mine = crew.get("/api/v1/field/unit").json();
        assertThat(mine.get("unit").get("id").asLong()).isEqualTo(own);
        assertThat(mine.get("assignment").get("incidentId").asLong()).isEqualTo(id);
        assertThat(crew.post("/api/v1/field/acknowledge", Map.of()).json().get("assignment").get("acknowledgedAt")).isNotNull();
        assertThat(crew.post("/api/v1/field/notes", Map.of("text", "patient conscious, moving to LRH")).status()).isEqualTo(201);
        assertThat(crew.post("/api/v1/field/status", Map.of("status", "EN_ROUTE")).status()).isEqualTo(200);
        assertThat(crew.post("/api/v1/units/" + own + "/position",
            Map.of("lat", scene.spot.lat(), "lon", scene.spot.lon(), "at", Instant.now().toString())).status())
            .isEqualTo(200);

        assertThat(crew.post("/api/v1/units/" + other + "/status", Map.of("status", "OUT_OF_SERVICE")).status()).isEqualTo(403);
        assertThat(crew.post("/api/v1/units/" + other + "/position", Map.of("lat", 33.6, "lon", 71.4)).status()).isEqualTo(403);
        var incident = dispatcher.get("/api/v1/incidents/" + id).json();
        assertThat(incident.get("status").asString()).isEqualTo("ON_SCENE");
        assertThat(incident.get("timeline").valueStream().map(e -> e.get("kind").asString()))
            .contains("ACKNOWLEDGED", "NOTE", "ARRIVED");
    }

    @Test
    void a_unit_not_heard_from_is_shown_silent() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        long neverReported = scene.unit("POLICE_MOTORCYCLE", null);
        long reported = scene.unit("POLICE_MOTORCYCLE", scene.spot);

        assertThat(dispatcher.get("/api/v1/units/" + neverReported).json().get("silent").asBoolean()).isTrue();
        assertThat(dispatcher.get("/api/v1/units/" + reported).json().get("silent").asBoolean()).isFalse();
    }

    @Test
    void a_position_stamped_in_the_future_is_refused() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        long car = scene.unit("POLICE_CAR", null);

        var refused = dispatcher.post("/api/v1/units/" + car + "/position",
            Map.of("lat", 33.6, "lon", 71.4, "at", Instant.now().plus(1, ChronoUnit.HOURS).toString()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("at");
    }

    @Test
    void two_reports_of_the_same_type_close_in_place_and_time_are_suggested_as_duplicates_and_can_be_merged() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        long car = scene.unit("FIRE_TENDER", scene.at(900, 0));
        long first = scene.incident("FIRE", scene.spot).get("id").asLong();
        long second = scene.incident("FIRE", scene.at(120, 45)).get("id").asLong();
        long otherType = scene.incident("MEDICAL", scene.at(50, 45)).get("id").asLong();
        long farAway = scene.incident("FIRE", scene.at(2_000, 45)).get("id").asLong();
        scene.dispatch(second, List.of(car));

        var suggested = dispatcher.get("/api/v1/incidents/" + first).json().get("possibleDuplicates");
        assertThat(ids(suggested, "id")).contains(second).doesNotContain(otherType, farAway, first);

        var merged = dispatcher.post("/api/v1/incidents/" + first + "/merge", Map.of("duplicateId", second));

        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().get("calls")).hasSize(2);
        assertThat(merged.json().get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(ids(merged.json().get("units"), "unitId")).containsExactly(car);
        var duplicate = dispatcher.get("/api/v1/incidents/" + second).json();
        assertThat(duplicate.get("status").asString()).isEqualTo("CLOSED");
        assertThat(duplicate.get("disposition").get("code").asString()).isEqualTo("DUPLICATE");
        assertThat(duplicate.get("mergedInto").asLong()).isEqualTo(first);
    }

    private long crewAccountId(SafeCityApi crew) {
        // The account list is the administrator's; the newest account is the crew member just created.
        var accounts = admin().get("/api/v1/accounts?size=1000").json().get("items");
        return accounts.valueStream().filter(a -> a.get("roles").toString().contains("FIELD_UNIT"))
            .mapToLong(a -> a.get("id").asLong()).max().orElseThrow();
    }
}
