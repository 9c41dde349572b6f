package org.safecity.emergency.internal.positions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.safecity.shared.GeoPoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.safecity.emergency.Scene;
import tools.jackson.databind.JsonNode;

/** The Peshawar demo's units are real units on the roster whose AVL a demo feed sends through the units' own path. */
class DemoUnitsTest extends IntegrationTest {

    @Autowired
    DemoUnitFeed feed;

    private JsonNode unit(String callSign) {
        return as("PSH", Role.DISPATCHER).get("/api/v1/units").json().valueStream()
            .filter(u -> u.get("callSign").asString().equals(callSign)).findFirst().orElseThrow();
    }

    private static GeoPoint position(JsonNode unit) {
        var p = unit.get("position");
        return new GeoPoint(p.get("lat").asDouble(), p.get("lon").asDouble());
    }

    @Test
    void twelve_demo_units_patrol_peshawar_and_one_sent_to_an_incident_drives_there_and_arrives() {
        feed.registerMissing();
        feed.registerMissing();
        var units = as("PSH", Role.DISPATCHER).get("/api/v1/units").json();
        assertThat(units.valueStream().filter(u -> u.get("callSign").asString().matches("PSH-(MOB|ABD)-\\d\\d|R1122-PSH-\\d\\d")).count())
            .isEqualTo(12);

        // two half-minutes of patrol: a unit turning back at its route's end in one of them has driven the other straight on
        Instant now = Instant.now();
        feed.report(now.minusSeconds(60));
        var start = position(unit("PSH-MOB-02"));
        feed.report(now.minusSeconds(30));
        var half = position(unit("PSH-MOB-02"));
        feed.report(now);
        var after = position(unit("PSH-MOB-02"));
        double halfMax = 30 * DemoPatrols.PATROL_METRES_PER_SECOND + 1;
        assertThat(start.metresTo(half)).as("first half-minute of patrol, at most its pace").isLessThanOrEqualTo(halfMax);
        assertThat(half.metresTo(after)).as("second half-minute of patrol, at most its pace").isLessThanOrEqualTo(halfMax);
        assertThat(Math.max(start.metresTo(half), half.metresTo(after))).as("a half-minute of patrol").isGreaterThan(100.0);

        var where = after.offset(400, 0);
        var body = Scene.incidentBody("ROBBERY", where);
        body.put("cityCode", "PSH");
        var dispatcher = as("PSH", Role.DISPATCHER);
        long incident = dispatcher.post("/api/v1/incidents", body).json().get("id").asLong();
        long unitId = unit("PSH-MOB-02").get("id").asLong();
        assertThat(dispatcher.post("/api/v1/incidents/" + incident + "/dispatch", Map.of("unitIds", List.of(unitId))).status()).isLessThan(300);

        for (int i = 0; i < 10 && !unit("PSH-MOB-02").get("status").asString().equals("ON_SCENE"); i++) {
            feed.report(Instant.now());
        }

        assertThat(unit("PSH-MOB-02").get("status").asString()).isEqualTo("ON_SCENE");
        assertThat(position(unit("PSH-MOB-02")).metresTo(where)).isLessThan(100);
    }
}
