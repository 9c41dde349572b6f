package org.safecity.vision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.safecity.vision.internal.Picture.Layout;
import org.safecity.vision.internal.Picture.Window;

/** How model inputs are cut from a picture. */
class PictureTest {

    @Test
    void red_stays_red_in_every_picture_type_whatever_its_byte_order() {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_4BYTE_ABGR}) {
            var picture = Picture.of(Pictures.halves(type, Color.RED, Color.BLUE, 4, 2));

            float[] rgb = picture.sample(Window.stretch(0, 0, 1, 1, 1, 1), 1, 1, Layout.NHWC, 1f, 0f);

            assertThat(rgb).as("type " + type).containsExactly(255f, 0f, 0f);
        }
    }

    @Test
    void shrinking_averages_the_pixels_under_each_output_pixel() {
        var picture = Picture.of(Pictures.halves(BufferedImage.TYPE_3BYTE_BGR, Color.WHITE, Color.BLACK, 640, 480));

        float[] four = picture.sample(Window.stretch(0, 0, 640, 480, 4, 1), 4, 1, Layout.NCHW, 1f, 0f);
        float[] one = picture.sample(Window.stretch(0, 0, 640, 480, 1, 1), 1, 1, Layout.NCHW, 1f, 0f);

        assertThat(four).startsWith(255f, 255f, 0f, 0f);
        assertThat(one[0]).isCloseTo(127.5f, within(0.5f));
    }

    @Test
    void outside_the_picture_is_black_so_a_padded_square_keeps_the_picture_where_it_was() {
        var picture = Picture.of(Pictures.halves(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.WHITE, 200, 100));

        // the 200 × 100 picture padded to a 200 × 200 square, shrunk to 2 × 4: rows 0 and 3 are padding
        float[] square = picture.sample(Window.stretch(0, -50, 200, 200, 2, 4), 2, 4, Layout.NCHW, 1f, 0f);

        assertThat(square).startsWith(0f, 0f, 255f, 255f, 255f, 255f, 0f, 0f);
    }

    @Test
    void a_turned_window_samples_the_picture_turned() {
        // white on the left, black on the right; turned a quarter, the window's top is the picture's right
        var picture = Picture.of(Pictures.halves(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK, 100, 100));

        float[] turned = picture.sample(Window.turned(50, 50, 100, Math.PI / 2, 2), 2, 2, Layout.NCHW, 1f, 0f);

        assertThat(turned).startsWith(0f, 0f, 255f, 255f);
    }
}
