package org.safecity.emergency.internal.positions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.safecity.shared.GeoPoint;

class DemoPatrolsTest {

    private final DemoPatrols.Route route = DemoPatrols.routes().stream().filter(r -> r.name().equals("university-road"))
        .findFirst().orElseThrow();

    @Test
    void every_unit_has_a_route_of_its_own_name() {
        var names = DemoPatrols.routes().stream().map(DemoPatrols.Route::name).toList();
        assertThat(DemoUnitFeed.UNITS).allSatisfy(u -> assertThat(names).contains(u.route()));
        assertThat(DemoUnitFeed.UNITS).hasSize(12);
    }

    @Test
    void a_patrol_moves_at_its_pace_along_the_route_and_stays_on_it() {
        var before = DemoPatrols.patrolling(route, 0, 100);
        var after = DemoPatrols.patrolling(route, 0, 105);

        assertThat(before.metresTo(after)).isCloseTo(5 * DemoPatrols.PATROL_METRES_PER_SECOND, within(1.0));
        assertThat(route.at(0)).isEqualTo(route.points().getFirst());
        assertThat(route.at(route.length()).metresTo(route.points().getLast())).isLessThan(0.5);
    }

    @Test
    void a_patrol_turns_back_at_the_end_of_its_route() {
        double length = route.length();

        assertThat(route.at(length + 100).metresTo(route.at(length - 100))).isLessThan(0.5);
        assertThat(route.at(2 * length).metresTo(route.points().getFirst())).isLessThan(0.5);
    }

    @Test
    void a_unit_sent_to_an_incident_closes_in_and_stops_on_it() {
        var from = new GeoPoint(34.0000, 71.5000);
        var to = from.offset(200, 90);

        var step = DemoPatrols.toward(from, to, 5);

        assertThat(from.metresTo(step)).isCloseTo(5 * DemoPatrols.RESPONSE_METRES_PER_SECOND, within(0.5));
        assertThat(step.metresTo(to)).isLessThan(from.metresTo(to));
        assertThat(DemoPatrols.toward(step, to, 60)).isEqualTo(to);
    }
}
