package org.safecity.vision.internal.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.vision.internal.ObjectFinder.FoundObject;
import org.safecity.vision.internal.ObjectFinder.ObjectClass;
import org.safecity.vision.internal.PixelBox;
import org.safecity.vision.internal.Point;

class TrackerTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private final Tracker tracker = new Tracker(0.3, 0.1, 3);

    @Test
    void a_car_moving_a_little_each_frame_keeps_its_track() {
        var first = tracker.update(List.of(car(100, 100)), 1000, 1000, T0);
        var second = tracker.update(List.of(car(120, 100)), 1000, 1000, T0.plusMillis(500));

        assertThat(second.live()).hasSize(1);
        assertThat(second.live().getFirst().id).isEqualTo(first.live().getFirst().id);
        assertThat(second.live().getFirst().previous).isEqualTo(new Point(0.15, 0.15));
        assertThat(second.live().getFirst().position).isEqualTo(new Point(0.17, 0.15));
    }

    @Test
    void a_car_that_jumped_beyond_its_box_is_still_followed_when_it_is_the_nearest() {
        var first = tracker.update(List.of(car(100, 100)), 1000, 1000, T0);
        var second = tracker.update(List.of(car(170, 100)), 1000, 1000, T0.plusMillis(500));

        assertThat(second.live()).extracting(t -> t.id).containsExactly(first.live().getFirst().id);
    }

    @Test
    void two_cars_side_by_side_keep_their_own_tracks() {
        var first = tracker.update(List.of(car(100, 100), car(400, 100)), 1000, 1000, T0);
        long left = first.live().get(0).id;
        long right = first.live().get(1).id;

        var second = tracker.update(List.of(car(410, 100), car(110, 100)), 1000, 1000, T0.plusMillis(500));

        assertThat(second.live()).filteredOn(t -> t.id == left).first().extracting(t -> t.box.x()).isEqualTo(110);
        assertThat(second.live()).filteredOn(t -> t.id == right).first().extracting(t -> t.box.x()).isEqualTo(410);
    }

    @Test
    void a_person_never_continues_a_vehicle_s_track() {
        tracker.update(List.of(car(100, 100)), 1000, 1000, T0);
        var second = tracker.update(List.of(new FoundObject(ObjectClass.PERSON, 0.9, new PixelBox(100, 100, 100, 100))), 1000, 1000,
            T0.plusMillis(500));

        assertThat(second.live()).hasSize(2);
    }

    @Test
    void a_track_missing_for_lost_after_frames_ends_and_not_before() {
        tracker.update(List.of(car(100, 100)), 1000, 1000, T0);
        var missedOnce = tracker.update(List.of(), 1000, 1000, T0.plusSeconds(1));
        var missedTwice = tracker.update(List.of(), 1000, 1000, T0.plusSeconds(2));
        var missedThrice = tracker.update(List.of(), 1000, 1000, T0.plusSeconds(3));

        assertThat(missedOnce.live()).hasSize(1);
        assertThat(missedOnce.live().getFirst().seenNow()).isFalse();
        assertThat(missedTwice.ended()).isEmpty();
        assertThat(missedThrice.ended()).hasSize(1);
        assertThat(missedThrice.live()).isEmpty();
    }

    @Test
    void a_car_coming_back_after_a_frame_missed_keeps_its_id() {
        long id = tracker.update(List.of(car(100, 100)), 1000, 1000, T0).live().getFirst().id;
        tracker.update(List.of(), 1000, 1000, T0.plusSeconds(1));
        var back = tracker.update(List.of(car(130, 100)), 1000, 1000, T0.plusSeconds(2));

        assertThat(back.live()).extracting(t -> t.id).containsExactly(id);
    }

    private static FoundObject car(int x, int y) {
        return new FoundObject(ObjectClass.CAR, 0.9, new PixelBox(x, y, 100, 50));
    }
}
