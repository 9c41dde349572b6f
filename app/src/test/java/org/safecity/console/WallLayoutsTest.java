package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.identity.Role;

/** Saved wall layouts and camera groups over the API: each person's own, checked before anything is stored. */
class WallLayoutsTest extends IntegrationTest {

    private static Map<String, Object> layout(String name, int size, int screens, List<?> tiles) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put("size", size);
        body.put("screens", screens);
        body.put("tiles", tiles);
        return body;
    }

    private static String unique(String name) {
        return name + " " + System.nanoTime();
    }

    @Test
    void a_layout_is_saved_with_its_tiles_and_comes_back_as_saved() {
        var operator = as("PSH", Role.OPERATOR);
        var group = operator.post("/api/v1/camera-groups", Map.of("name", unique("Saddar road"), "kind", "ROUTE", "cameraIds", List.of(5, 3, 9)));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        long groupId = group.json().get("id").asLong();
        assertThat(group.json().get("cameraIds").valueStream().map(n -> n.asLong()).toList()).as("a route keeps its order").containsExactly(5L, 3L, 9L);

        var made = operator.post("/api/v1/wall-layouts", layout(unique("Night shift"), 4, 2,
            Arrays.asList(Map.of("cameraId", 12), null, Map.of("groupId", groupId, "seconds", 5))));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        long id = made.json().get("id").asLong();

        var read = operator.get("/api/v1/wall-layouts/" + id).json();
        assertThat(read.get("size").asInt()).isEqualTo(4);
        assertThat(read.get("screens").asInt()).isEqualTo(2);
        assertThat(read.get("tiles")).as("size × screens tiles, the rest empty").hasSize(8);
        assertThat(read.get("tiles").get(0).get("cameraId").asLong()).isEqualTo(12);
        assertThat(read.get("tiles").get(1).isNull()).isTrue();
        assertThat(read.get("tiles").get(2).get("groupId").asLong()).isEqualTo(groupId);
        assertThat(read.get("tiles").get(2).get("seconds").asInt()).isEqualTo(5);

        var changed = new HashMap<>(layout(read.get("name").asString(), 16, 1, List.of(Map.of("cameraId", 7))));
        changed.put("sequence", Map.of("groupId", groupId, "seconds", 30));
        assertThat(operator.put("/api/v1/wall-layouts/" + id, changed).status()).isEqualTo(200);
        var again = operator.get("/api/v1/wall-layouts/" + id).json();
        assertThat(again.get("tiles")).hasSize(16);
        assertThat(again.get("sequence").get("groupId").asLong()).isEqualTo(groupId);
        assertThat(operator.get("/api/v1/wall-layouts").json().get("items").valueStream().map(l -> l.get("id").asLong()).toList()).contains(id);

        assertThat(operator.delete("/api/v1/wall-layouts/" + id).status()).isEqualTo(204);
        assertThat(operator.get("/api/v1/wall-layouts/" + id).status()).isEqualTo(404);
    }

    @Test
    void nobody_reads_changes_or_deletes_another_persons_layout_whatever_their_role() {
        var owner = as("PSH", Role.OPERATOR);
        long id = owner.post("/api/v1/wall-layouts", layout(unique("Mine"), 1, 1, List.of(Map.of("cameraId", 1)))).json().get("id").asLong();
        String before = owner.get("/api/v1/wall-layouts/" + id).body();

        for (SafeCityApi other : List.of(as("PSH", Role.OPERATOR), as(Role.ADMIN, Role.SUPERVISOR))) {
            assertThat(other.get("/api/v1/wall-layouts/" + id).status()).isEqualTo(404);
            var put = other.put("/api/v1/wall-layouts/" + id, layout("Taken", 4, 1, List.of()));
            assertThat(put.status()).isEqualTo(404);
            assertThat(put.isProblem()).isTrue();
            assertThat(other.delete("/api/v1/wall-layouts/" + id).status()).isEqualTo(404);
            assertThat(other.get("/api/v1/wall-layouts").json().get("items").valueStream().map(l -> l.get("id").asLong()).toList())
                .doesNotContain(id);
        }
        assertThat(owner.get("/api/v1/wall-layouts/" + id).body()).as("unchanged").isEqualTo(before);
    }

    @Test
    void a_bad_layout_is_refused_as_a_problem_naming_every_bad_field_and_nothing_is_stored() {
        var operator = as("PSH", Role.OPERATOR);
        int before = operator.get("/api/v1/wall-layouts").json().get("items").size();
        var bad = new HashMap<>(layout(" ", 6, 3, Arrays.asList(Map.of("cameraId", -4), Map.of("cameraId", 2, "groupId", 1),
            Map.of("groupId", 999999999, "seconds", 1))));
        bad.put("sequence", Map.of("cameraId", 3));

        var refused = operator.post("/api/v1/wall-layouts", bad);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
            .contains("name", "size", "screens", "tiles[0].cameraId", "tiles[1]", "tiles[2].groupId", "tiles[2].seconds", "sequence.cameraId");
        var tooMany = operator.post("/api/v1/wall-layouts", layout(unique("Too many"), 1, 1, List.of(Map.of("cameraId", 1), Map.of("cameraId", 2))));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("tiles");
        assertThat(operator.post("/api/v1/wall-layouts", "application/json", "{\"size\": \"four\"}").isProblem()).isTrue();
        assertThat(operator.get("/api/v1/wall-layouts").json().get("items").size()).isEqualTo(before);
    }

    @Test
    void a_supervisor_shares_a_group_with_the_city_and_only_the_supervisor_changes_it() {
        var supervisor = as("PSH", Role.SUPERVISOR);
        var shared = supervisor.post("/api/v1/camera-groups", Map.of("name", unique("Ring road"), "kind", "LIST", "cameraIds", List.of(1, 2),
            "shared", true));
        assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
        long id = shared.json().get("id").asLong();

        var colleague = as("PSH", Role.OPERATOR);
        var offered = colleague.get("/api/v1/camera-groups/" + id);
        assertThat(offered.status()).isEqualTo(200);
        assertThat(offered.json().get("mine").asBoolean()).isFalse();
        assertThat(colleague.post("/api/v1/wall-layouts", layout(unique("With the shared group"), 1, 1,
            List.of(Map.of("groupId", id, "seconds", 10)))).status()).as("a shared group can be cycled").isEqualTo(201);
        assertThat(colleague.put("/api/v1/camera-groups/" + id, Map.of("name", "Mine now", "kind", "LIST", "cameraIds", List.of(3))).status())
            .isEqualTo(403);
        assertThat(colleague.delete("/api/v1/camera-groups/" + id).status()).isEqualTo(403);
        assertThat(as(Role.OPERATOR).get("/api/v1/camera-groups/" + id).status()).as("the province overlaps Peshawar").isEqualTo(200);

        var elsewhere = as("MRD", Role.OPERATOR);
        assertThat(elsewhere.get("/api/v1/camera-groups/" + id).status()).isEqualTo(404);
        assertThat(elsewhere.post("/api/v1/wall-layouts", layout(unique("Not offered"), 1, 1,
            List.of(Map.of("groupId", id, "seconds", 10)))).status()).isEqualTo(400);

        var operatorShares = colleague.post("/api/v1/camera-groups", Map.of("name", unique("Mine to share"), "kind", "LIST",
            "cameraIds", List.of(1), "shared", true));
        assertThat(operatorShares.status()).as("only a supervisor shares").isEqualTo(403);
        assertThat(operatorShares.isProblem()).isTrue();
        var own = colleague.post("/api/v1/camera-groups", Map.of("name", unique("Mine"), "kind", "LIST", "cameraIds", List.of(1)));
        assertThat(own.status()).isEqualTo(201);
        assertThat(supervisor.get("/api/v1/camera-groups/" + own.json().get("id").asLong()).status()).as("an unshared group is its owner's").isEqualTo(404);
        assertThat(supervisor.put("/api/v1/camera-groups/" + id, Map.of("name", "Ring road and Saddar", "kind", "SITE", "siteId", 4)).status())
            .isEqualTo(200);
    }

    @Test
    void a_bad_group_is_refused_as_a_problem_naming_every_bad_field() {
        var operator = as("PSH", Role.OPERATOR);
        var refused = operator.post("/api/v1/camera-groups", Map.of("name", "", "kind", "TOUR", "cameraIds", List.of(1)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList()).contains("name", "kind");

        var site = operator.post("/api/v1/camera-groups", Map.of("name", unique("Site"), "kind", "SITE", "cameraIds", List.of(1)));
        assertThat(site.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList()).contains("siteId", "cameraIds");
        var twice = operator.post("/api/v1/camera-groups", Map.of("name", unique("Twice"), "kind", "LIST", "cameraIds", List.of(4, 0, 4)));
        assertThat(twice.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList()).contains("cameraIds[1]", "cameraIds[2]");
        var field = as("PSH", Role.FIELD_UNIT);
        assertThat(field.get("/api/v1/camera-groups").status()).isEqualTo(403);
    }
}
