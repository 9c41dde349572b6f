package org.safecity.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.safecity.shared.GeoPoint;
import tools.jackson.databind.JsonNode;

/** The figures (KPIs) are computed from the incidents' own timelines. */
class ResponseFiguresTest extends IntegrationTest {

    @Test
    void the_figures_of_a_zone_and_day_equal_those_computed_by_hand_from_the_timelines() throws Exception {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        String zone = "Z" + (System.nanoTime() % 1_000_000);
        int[] arrivalAfter = {30, 100, 60};
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            GeoPoint where = scene.at(3_000.0 * i, 90);
            long unit = scene.unit("POLICE_CAR", where.offset(1_000, 0));
            long id = open(dispatcher, i == 1 ? "ASSAULT" : "ROBBERY", where, zone);
            Thread.sleep(20L * (i + 1));
            scene.dispatch(id, List.of(unit));
            Instant dispatchedAt = Instant.parse(dispatcher.get("/api/v1/incidents/" + id).json().get("dispatchedAt").asString());
            var arrived = dispatcher.post("/api/v1/units/" + unit + "/position", Map.of("lat", where.lat(), "lon", where.lon(),
                "at", dispatchedAt.plusSeconds(arrivalAfter[i]).toString()));
            assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
            ids.add(id);
        }
        long waiting = open(dispatcher, "MEDICAL", scene.at(500, 270), zone);
        ids.add(waiting);

        List<JsonNode> incidents = ids.stream().map(id -> dispatcher.get("/api/v1/incidents/" + id).json()).toList();
        var figures = as(Scene.CITY, Role.SUPERVISOR).get("/api/v1/emergency/figures?city=KHT&zone=" + zone).json();

        assertThat(figures.get("groups")).hasSize(1);
        var group = figures.get("groups").get(0);
        assertThat(group.get("zoneCode").asString()).isEqualTo(zone);
        assertThat(group.get("incidents").asInt()).isEqualTo(4);
        assertThat(group.get("byType").get("ROBBERY").asInt()).isEqualTo(2);
        assertThat(group.get("byType").get("ASSAULT").asInt()).isEqualTo(1);
        assertThat(group.get("byType").get("MEDICAL").asInt()).isEqualTo(1);
        assertThat(group.get("byPriority").get("P1").asInt()).isEqualTo(2);
        assertThat(group.get("byPriority").get("P2").asInt()).isEqualTo(2);

        // call to dispatch: three dispatched incidents, median is the middle one, the 90th percentile
        // lies 80% of the way from the second to the third
        double[] callToDispatch = incidents.stream().filter(i -> i.hasNonNull("dispatchedAt"))
            .mapToDouble(i -> seconds(i.get("openedAt"), i.get("dispatchedAt"))).sorted().toArray();
        assertThat(callToDispatch).hasSize(3);
        assertThat(group.get("callToDispatch").get("count").asInt()).isEqualTo(3);
        assertThat(group.get("callToDispatch").get("medianSeconds").asDouble()).isEqualTo(tenth(callToDispatch[1]));
        assertThat(group.get("callToDispatch").get("p90Seconds").asDouble())
            .isEqualTo(tenth(callToDispatch[1] + 0.8 * (callToDispatch[2] - callToDispatch[1])));

        // dispatch to arrival: 30, 60 and 100 seconds by the positions' own times
        assertThat(incidents.stream().filter(i -> i.hasNonNull("arrivedAt"))
            .mapToDouble(i -> seconds(i.get("dispatchedAt"), i.get("arrivedAt"))).sorted().toArray())
            .containsExactly(30, 60, 100);
        assertThat(group.get("dispatchToArrival").get("count").asInt()).isEqualTo(3);
        assertThat(group.get("dispatchToArrival").get("medianSeconds").asDouble()).isEqualTo(60.0);
        assertThat(group.get("dispatchToArrival").get("p90Seconds").asDouble()).isEqualTo(92.0);

        int breachesOnTimelines = incidents.stream().mapToInt(i -> i.path("breaches").size()).sum();
        assertThat(group.get("callToDispatchBreaches").asInt() + group.get("dispatchToArrivalBreaches").asInt())
            .isEqualTo(breachesOnTimelines);
    }

    @Test
    void figures_are_for_supervisors_and_a_city_outside_the_jurisdiction_is_refused() {
        assertThat(as(Scene.CITY, Role.OPERATOR).get("/api/v1/emergency/figures").status()).isEqualTo(403);
        assertThat(as(Scene.CITY, Role.SUPERVISOR).get("/api/v1/emergency/figures?city=PSH").status()).isEqualTo(400);
    }

    private static long open(org.safecity.SafeCityApi api, String type, GeoPoint where, String zone) {
        var body = Scene.incidentBody(type, where);
        body.put("zoneCode", zone);
        var created = api.post("/api/v1/incidents", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static double seconds(JsonNode from, JsonNode to) {
        return Duration.between(Instant.parse(from.asString()), Instant.parse(to.asString())).toMillis() / 1000.0;
    }

    private static double tenth(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
