package org.safecity.vision.internal.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.vision.internal.analytics.AnalyticsSettings.NamedLine;
import org.safecity.vision.internal.analytics.AnalyticsSettings.NamedZone;
import org.safecity.vision.internal.ObjectFinder.FoundObject;
import org.safecity.vision.internal.ObjectFinder.ObjectClass;
import org.safecity.vision.internal.PixelBox;
import org.safecity.vision.internal.Point;

/** Lines, zones and their rules over real tracks (a tracker fed boxes frame by frame, as the models would). */
class SceneRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    /** Across the picture's middle, left to right: crossing it downwards is inbound. */
    private static final Line GATE = new Line(new Point(0, 0.5), new Point(1, 0.5), "inbound", "outbound");
    private static final Area FOOTPATH = new Area(List.of(new Point(0, 0), new Point(0.5, 0), new Point(0.5, 0.4), new Point(0, 0.4)));

    private final Tracker tracker = new Tracker(0.3, 0.15, 3);
    private final SceneWatch scene = new SceneWatch();

    @Test
    void a_line_crossed_downwards_is_counted_inbound_and_upwards_outbound() {
        var settings = lines(new NamedLine("gate", GATE, List.of(new SceneRule.CountCrossings())));

        var events = drive(settings, ObjectClass.CAR, 0.40, 0.45, 0.55, 0.60);
        var back = drive(settings, ObjectClass.CAR, 0.60, 0.55, 0.45);

        assertThat(events).extracting(SceneEvent::analytic).containsExactly("line_crossing");
        assertThat(events.getFirst().more()).containsEntry("direction", "inbound").containsEntry("objectClass", "car");
        assertThat(back).extracting(e -> e.more().get("direction")).containsExactly("outbound");
    }

    @Test
    void a_movement_that_passes_beside_the_line_s_end_crosses_nothing() {
        var shortLine = new Line(new Point(0, 0.5), new Point(0.2, 0.5), "inbound", "outbound");
        var settings = lines(new NamedLine("kerb", shortLine, List.of(new SceneRule.CountCrossings())));

        assertThat(drive(settings, ObjectClass.CAR, 0.40, 0.45, 0.55, 0.60)).isEmpty();
    }

    @Test
    void a_vehicle_crossing_a_one_way_line_against_its_direction_goes_the_wrong_way_and_one_with_it_does_not() {
        var settings = lines(new NamedLine("one way", GATE, List.of(new SceneRule.WrongWay())));

        var against = drive(settings, ObjectClass.CAR, 0.60, 0.55, 0.45);
        var with = drive(settings, ObjectClass.TRUCK, 0.40, 0.45, 0.55);

        assertThat(against).extracting(SceneEvent::analytic).containsExactly("wrong_way");
        assertThat(against.getFirst().more()).containsEntry("direction", "outbound").containsEntry("allowedDirection", "inbound")
            .containsEntry("vehicleType", "car");
        assertThat(with).isEmpty();
    }

    @Test
    void a_person_walking_against_a_one_way_line_is_not_a_wrong_way_vehicle() {
        var settings = lines(new NamedLine("one way", GATE, List.of(new SceneRule.WrongWay())));

        assertThat(drive(settings, ObjectClass.PERSON, 0.60, 0.55, 0.45)).isEmpty();
    }

    @Test
    void a_person_staying_in_a_zone_beyond_the_limit_is_loitering_told_once() {
        var settings = zones(new NamedZone("footpath", FOOTPATH, List.of(new SceneRule.Loitering(30))));
        var events = new java.util.ArrayList<SceneEvent>();
        for (int second = 0; second <= 60; second += 5) {
            events.addAll(frame(settings, List.of(person(200, 200)), T0.plusSeconds(second)));
        }

        assertThat(events).extracting(SceneEvent::analytic).containsExactly("loitering");
        assertThat(events.getFirst().more()).containsEntry("seconds", 30L);
    }

    @Test
    void a_person_passing_through_a_zone_is_not_loitering() {
        var settings = zones(new NamedZone("footpath", FOOTPATH, List.of(new SceneRule.Loitering(30))));
        var events = new java.util.ArrayList<SceneEvent>();
        for (int step = 0; step < 12; step++) {
            events.addAll(frame(settings, List.of(person(100 + step * 100, 200)), T0.plusSeconds(step * 5L)));
        }

        assertThat(events).isEmpty();
    }

    @Test
    void more_people_than_allowed_in_a_zone_is_a_crowd_told_when_it_forms_and_again_after_it_thinned() {
        var settings = zones(new NamedZone("footpath", FOOTPATH, List.of(new SceneRule.Crowding(3))));
        var three = List.of(person(10, 10), person(120, 10), person(230, 10));
        var four = List.of(person(10, 10), person(120, 10), person(230, 10), person(340, 10));

        var atThree = frame(settings, three, T0);
        var formed = frame(settings, four, T0.plusSeconds(1));
        var lasting = frame(settings, four, T0.plusSeconds(2));
        frame(settings, three, T0.plusSeconds(3));
        var again = frame(settings, four, T0.plusSeconds(4));

        assertThat(atThree).isEmpty();
        assertThat(formed).extracting(SceneEvent::analytic).containsExactly("crowd");
        assertThat(formed.getFirst().more()).containsEntry("people", 4L);
        assertThat(lasting).isEmpty();
        assertThat(again).hasSize(1);
    }

    @Test
    void each_rule_refuses_its_own_impossible_settings() {
        assertThat(new SceneRule.Loitering(2).problems("zones[0].rules[0]")).extracting(e -> e.field())
            .containsExactly("zones[0].rules[0].seconds");
        assertThat(new SceneRule.Crowding(0).problems("z")).hasSize(1);
        assertThat(new SceneRule.Loitering(60).problems("z")).isEmpty();
        assertThat(new SceneRule.CountCrossings().problems("l")).isEmpty();
    }

    /** One object moving down (or up) the middle of the picture, its feet at these heights, one frame a second. */
    private List<SceneEvent> drive(AnalyticsSettings settings, ObjectClass kind, double... feet) {
        var events = new java.util.ArrayList<SceneEvent>();
        Instant at = T0.plusSeconds(tick += 100);
        for (double foot : feet) {
            int bottom = (int) Math.round(foot * 1000);
            events.addAll(frame(settings, List.of(new FoundObject(kind, 0.9, new PixelBox(450, bottom - 80, 100, 80))), at));
            at = at.plusSeconds(1);
        }
        // let the track end before the next drive
        for (int i = 0; i < 3; i++) {
            frame(settings, List.of(), at.plusSeconds(i + 1));
        }
        return events;
    }

    private long tick;

    private List<SceneEvent> frame(AnalyticsSettings settings, List<FoundObject> found, Instant at) {
        return scene.after(tracker.update(found, 1000, 1000, at), settings, at);
    }

    private static FoundObject person(int x, int y) {
        return new FoundObject(ObjectClass.PERSON, 0.9, new PixelBox(x, y, 40, 100));
    }

    private static AnalyticsSettings lines(NamedLine line) {
        return new AnalyticsSettings(false, false, true, 2, List.of(), List.of(line), List.of());
    }

    private static AnalyticsSettings zones(NamedZone zone) {
        return new AnalyticsSettings(false, false, true, 2, List.of(), List.of(), List.of(zone));
    }
}
