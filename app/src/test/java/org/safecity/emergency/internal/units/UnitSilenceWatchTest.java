package org.safecity.emergency.internal.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.emergency.Scene;
import org.safecity.emergency.UnitWentSilent;
import org.safecity.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** A unit in service that stops reporting is flagged once, until it is heard from again. */
@RecordApplicationEvents
class UnitSilenceWatchTest extends IntegrationTest {

    @Autowired
    UnitSilenceWatch watch;

    @Autowired
    ApplicationEvents events;

    @Test
    void a_unit_silent_for_longer_than_allowed_is_flagged_once_and_an_out_of_service_one_is_not() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        long reporting = scene.unit("AMBULANCE", scene.spot);
        long parked = scene.unit("AMBULANCE", scene.spot);
        dispatcher.post("/api/v1/units/" + parked + "/status", java.util.Map.of("status", "OUT_OF_SERVICE"));
        Instant lastSeen = Instant.parse(dispatcher.get("/api/v1/units/" + reporting).json().get("lastSeen").asString());

        watch.check(lastSeen.plusSeconds(240));
        assertThat(events.stream(UnitWentSilent.class).filter(e -> e.unitId() == reporting)).isEmpty();

        watch.check(lastSeen.plusSeconds(301));
        watch.check(lastSeen.plusSeconds(600));

        assertThat(events.stream(UnitWentSilent.class).filter(e -> e.unitId() == reporting)).hasSize(1);
        assertThat(events.stream(UnitWentSilent.class).filter(e -> e.unitId() == parked)).isEmpty();
    }
}
