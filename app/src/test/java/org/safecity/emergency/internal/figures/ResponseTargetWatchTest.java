package org.safecity.emergency.internal.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.emergency.ResponseTargetBreached;
import org.safecity.emergency.Scene;
import org.safecity.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Response timers: a missed target is recorded once, written on the timeline and published. */
@RecordApplicationEvents
class ResponseTargetWatchTest extends IntegrationTest {

    @Autowired
    ResponseTargetWatch watch;

    @Autowired
    ApplicationEvents events;

    @Test
    void a_p1_incident_without_a_dispatch_after_two_minutes_breaches_its_target_once() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        var incident = scene.incident("ROBBERY", scene.spot);
        long id = incident.get("id").asLong();
        Instant opened = Instant.parse(incident.get("openedAt").asString());

        watch.check(opened.plusSeconds(119));
        assertThat(dispatcher.get("/api/v1/incidents/" + id).json().path("breaches")).isEmpty();

        watch.check(opened.plusSeconds(121));
        watch.check(opened.plusSeconds(300));

        var breached = dispatcher.get("/api/v1/incidents/" + id).json();
        assertThat(breached.get("breaches")).hasSize(1);
        assertThat(breached.get("breaches").get(0).get("measure").asString()).isEqualTo("CALL_TO_DISPATCH");
        assertThat(breached.get("breaches").get(0).get("targetSeconds").asInt()).isEqualTo(120);
        assertThat(breached.get("timeline").valueStream().filter(e -> e.get("kind").asString().equals("BREACH"))).hasSize(1);
        assertThat(events.stream(ResponseTargetBreached.class).filter(e -> e.incidentId() == id)).hasSize(1);
        assertThat(as(Scene.CITY, Role.SUPERVISOR).get("/api/v1/emergency/breaches").json().valueStream()
            .map(b -> b.get("incidentId").asLong())).contains(id);
    }

    @Test
    void a_dispatched_unit_not_arrived_within_the_target_breaches_dispatch_to_arrival_only() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        long unit = scene.unit("AMBULANCE", scene.at(5_000, 0));
        long id = scene.incident("MEDICAL", scene.spot).get("id").asLong();
        var sent = scene.dispatch(id, List.of(unit)).get("incident");
        Instant dispatched = Instant.parse(sent.get("dispatchedAt").asString());

        watch.check(dispatched.plusSeconds(901));

        var measures = dispatcher.get("/api/v1/incidents/" + id).json().get("breaches").valueStream()
            .map(b -> b.get("measure").asString()).toList();
        assertThat(measures).containsExactly("DISPATCH_TO_ARRIVAL");
    }
}
