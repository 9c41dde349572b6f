package org.safecity.vision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PixelBoxTest {

    @Test
    void overlapping_boxes_are_joined_into_the_box_around_them_even_through_a_third_and_boxes_that_only_touch_are_not() {
        var left = new PixelBox(0, 0, 100, 50);
        var middle = new PixelBox(90, 40, 100, 50); // overlaps the left one
        var right = new PixelBox(180, 80, 50, 50); // overlaps only the middle one
        var touching = new PixelBox(300, 0, 20, 20);
        var beside = new PixelBox(320, 0, 20, 20); // starts where the touching one ends

        assertThat(PixelBox.joined(List.of(left, right, touching, middle, beside)))
            .containsExactlyInAnyOrder(new PixelBox(0, 0, 230, 130), touching, beside);
        assertThat(PixelBox.joined(List.of())).isEmpty();
    }

    @Test
    void two_boxes_share_the_pixels_both_cover_and_their_overlap_is_that_over_the_pixels_either_covers() {
        var a = new PixelBox(0, 0, 100, 50);
        var b = new PixelBox(50, 25, 100, 50);

        assertThat(a.area()).isEqualTo(5000);
        assertThat(a.sharedArea(b)).isEqualTo(50 * 25);
        assertThat(a.overlap(b)).isCloseTo(1250.0 / (5000 + 5000 - 1250), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(a.sharedArea(new PixelBox(100, 0, 10, 10))).as("only touching").isZero();
        assertThat(a.overlap(a)).isEqualTo(1.0);
    }
}
