package org.safecity.vision.internal.plates;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.vision.internal.PixelBox;
import org.safecity.vision.internal.PlateReader;
import org.safecity.vision.internal.Point;

class PlateVotingTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private final PlateVoting voting = new PlateVoting(Duration.ofSeconds(2), Duration.ofSeconds(6), 3);

    @Test
    void a_plate_read_in_several_frames_gives_one_read_once_no_frame_has_read_it_for_the_quiet_time() {
        assertThat(voting.add(List.of(read("PRA-1234", 0.8, 0)), T0)).isEmpty();
        assertThat(voting.add(List.of(read("PRA-1234", 0.9, 1)), T0.plusMillis(500))).isEmpty();
        assertThat(voting.add(List.of(read("PRA-1234", 0.85, 2)), T0.plusMillis(1000))).isEmpty();
        assertThat(voting.add(List.of(), T0.plusMillis(2500))).isEmpty();

        var voted = voting.add(List.of(), T0.plusMillis(3000));

        assertThat(voted).hasSize(1);
        assertThat(voted.getFirst().normalized()).isEqualTo("PRA1234");
        assertThat(voted.getFirst().text()).isEqualTo("PRA-1234");
        assertThat(voted.getFirst().reads()).isEqualTo(3);
        assertThat(voted.getFirst().confidence()).isEqualTo(0.85);
    }

    @Test
    void misread_characters_are_outvoted_position_by_position() {
        voting.add(List.of(read("PRA-1284", 0.7, 0)), T0);
        voting.add(List.of(read("PRA-1234", 0.8, 1)), T0.plusMillis(500));
        voting.add(List.of(read("PRB-1234", 0.6, 2)), T0.plusMillis(1000));
        voting.add(List.of(read("PRA-1234", 0.8, 3)), T0.plusMillis(1500));

        var voted = voting.flush(T0.plusSeconds(2));

        assertThat(voted).extracting(PlateVoting.Voted::normalized).containsExactly("PRA1234");
        assertThat(voted.getFirst().confidence()).as("less than the reads' mean: they disagreed").isLessThan(0.725);
    }

    @Test
    void the_crop_kept_is_that_of_the_most_confident_read_that_says_the_result() {
        var best = read("PRA-1234", 0.95, 1);
        voting.add(List.of(read("PRA-1284", 0.97, 0)), T0);
        voting.add(List.of(best), T0.plusMillis(500));
        voting.add(List.of(read("PRA-1234", 0.6, 2)), T0.plusMillis(1000));

        var voted = voting.flush(T0.plusSeconds(2)).getFirst();

        assertThat(voted.crop()).isSameAs(best.crop());
        assertThat(voted.box()).isEqualTo(best.read().box());
    }

    @Test
    void two_plates_in_the_same_frames_give_two_reads() {
        voting.add(List.of(read("PRA-1234", 0.9, 0), read("LEB-5678", 0.9, 0)), T0);
        voting.add(List.of(read("PRA-1234", 0.9, 1), read("LEB-5678", 0.9, 1)), T0.plusMillis(500));

        assertThat(voting.flush(T0.plusSeconds(1))).extracting(PlateVoting.Voted::normalized)
            .containsExactlyInAnyOrder("PRA1234", "LEB5678");
    }

    @Test
    void a_car_standing_in_view_gives_one_read_at_the_longest_time_and_no_more_while_it_stays() {
        var voted = new java.util.ArrayList<PlateVoting.Voted>();
        for (int i = 0; i < 40; i++) {
            voted.addAll(voting.add(List.of(read("PRA-1234", 0.9, i)), T0.plusMillis(500L * i)));
        }
        voted.addAll(voting.add(List.of(), T0.plusSeconds(30)));

        assertThat(voted).hasSize(1);
        assertThat(voted.getFirst().lastAt()).isBeforeOrEqualTo(T0.plusSeconds(6));
    }

    @Test
    void the_same_plate_back_after_the_quiet_time_is_a_new_read() {
        voting.add(List.of(read("PRA-1234", 0.9, 0)), T0);
        var first = voting.add(List.of(), T0.plusSeconds(3));
        voting.add(List.of(read("PRA-1234", 0.9, 120)), T0.plusSeconds(60));
        var second = voting.add(List.of(), T0.plusSeconds(63));

        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
    }

    @Test
    void a_far_car_s_plate_read_in_part_joins_the_whole_plate_read_nearer_and_the_whole_wins() {
        voting.add(List.of(read("BKX-4", 0.93, 0)), T0);
        voting.add(List.of(read("BKX-482", 0.99, 1)), T0.plusMillis(500));
        voting.add(List.of(read("BKX-482", 0.98, 2)), T0.plusMillis(1000));

        var voted = voting.flush(T0.plusSeconds(2));

        assertThat(voted).extracting(PlateVoting.Voted::normalized).containsExactly("BKX482");
        assertThat(voted.getFirst().reads()).isEqualTo(3);
        assertThat(PlateVoting.alike("CTA12", "1CTA8123")).as("ICT-AB-123 read as CTA-12, folded").isTrue();
        assertThat(PlateVoting.alike("8KX4", "PRA1234")).isFalse();
    }

    @Test
    void plates_that_differ_in_more_than_two_places_are_different_vehicles() {
        assertThat(PlateVoting.alike("PRA1234", "PRA1284")).isTrue();
        assertThat(PlateVoting.alike("PRA1234", "PRA123")).isTrue();
        assertThat(PlateVoting.alike("PRA1234", "PRA9876")).isFalse();
    }

    @Test
    void a_plate_read_alike_three_times_in_a_row_and_surely_is_voted_at_once_not_after_the_quiet_time() {
        assertThat(voting.add(List.of(read("PRA-1234", 0.95, 0)), T0)).isEmpty();
        assertThat(voting.add(List.of(read("PRA-1234", 0.97, 1)), T0.plusMillis(500))).isEmpty();

        var voted = voting.add(List.of(read("PRA-1234", 0.96, 2)), T0.plusMillis(1000));

        assertThat(voted).extracting(PlateVoting.Voted::normalized).containsExactly("PRA1234");
        assertThat(voting.add(List.of(read("PRA-1234", 0.98, 3)), T0.plusMillis(1500))).isEmpty();
        assertThat(voting.add(List.of(), T0.plusSeconds(4))).as("the same vote when it falls due is not answered again").isEmpty();
    }

    @Test
    void with_agreeing_set_to_none_every_plate_waits_for_the_quiet_time() {
        var waiting = new PlateVoting(Duration.ofSeconds(2), Duration.ofSeconds(6), 0);
        for (int frame = 0; frame < 4; frame++) {
            assertThat(waiting.add(List.of(read("PRA-1234", 0.99, frame)), T0.plusMillis(500L * frame))).isEmpty();
        }
        assertThat(waiting.add(List.of(), T0.plusMillis(3500))).hasSize(1);
    }

    @Test
    void reads_that_agree_but_are_not_sure_wait_for_the_quiet_time() {
        voting.add(List.of(read("PRA-1234", 0.95, 0)), T0);
        voting.add(List.of(read("PRA-1234", 0.85, 1)), T0.plusMillis(500));

        assertThat(voting.add(List.of(read("PRA-1234", 0.95, 2)), T0.plusMillis(1000))).isEmpty();
        assertThat(voting.add(List.of(), T0.plusSeconds(3))).hasSize(1);
    }

    @Test
    void on_a_camera_with_a_line_agreeing_reads_wait_until_the_plate_has_crossed_it_so_its_direction_is_known() {
        PlateVoting.Path crossedTheLine = (first, last) -> first.x() < 0.15 && last.x() >= 0.15;
        var voted = new java.util.ArrayList<PlateVoting.Voted>();
        for (int frame = 0; frame < 3; frame++) {
            voted.addAll(voting.add(List.of(read("PRA-1234", 0.95, frame)), T0.plusMillis(500L * frame), crossedTheLine));
        }
        assertThat(voted).as("at x 0.10 to 0.14: not across yet").isEmpty();

        voted.addAll(voting.add(List.of(read("PRA-1234", 0.95, 3)), T0.plusMillis(1500), crossedTheLine));

        assertThat(voted).hasSize(1);
        assertThat(voted.getFirst().last().x()).isGreaterThanOrEqualTo(0.15);
    }

    @Test
    void a_plate_voted_early_that_the_later_reads_outvote_is_answered_again_corrected() {
        var voted = new java.util.ArrayList<PlateVoting.Voted>();
        for (int frame = 0; frame < 3; frame++) {
            voted.addAll(voting.add(List.of(read("BKX-4", 0.95, frame)), T0.plusMillis(500L * frame)));
        }
        for (int frame = 3; frame < 8; frame++) {
            voted.addAll(voting.add(List.of(read("BKX-482", 0.99, frame)), T0.plusMillis(500L * frame)));
        }
        voted.addAll(voting.add(List.of(), T0.plusSeconds(6)));

        assertThat(voted).extracting(PlateVoting.Voted::normalized).containsExactly("BKX4", "BKX482");
        assertThat(voted.getLast().reads()).isEqualTo(8);
    }

    private static PlateVoting.Read read(String text, double confidence, int frame) {
        var box = new PixelBox(100 + frame * 20, 400, 120, 40);
        var plate = new PlateReader.PlateRead(text, text.replace("-", ""), "khyber-pakhtunkhwa", confidence, box);
        return new PlateVoting.Read(T0.plusMillis(500L * frame), plate, new BufferedImage(120, 40, BufferedImage.TYPE_3BYTE_BGR),
            new Point(0.1 + frame * 0.02, 0.5));
    }
}
