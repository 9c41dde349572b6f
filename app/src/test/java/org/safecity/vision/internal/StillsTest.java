package org.safecity.vision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.safecity.shared.InvalidInput;

/** Which uploads are read as pictures, and how the others are refused. */
class StillsTest {

    private static Stills.Still read(byte[] bytes) {
        return Stills.read("image", new ByteArrayInputStream(bytes), bytes.length);
    }

    @Test
    void a_jpeg_and_a_png_are_read_with_their_size_and_type() {
        var jpeg = read(Pictures.bytes("astronaut.jpg"));
        var png = read(Pictures.bytes("coffee.png"));

        assertThat(jpeg.mediaType()).isEqualTo("image/jpeg");
        assertThat(jpeg.image().getWidth()).isEqualTo(512);
        assertThat(png.mediaType()).isEqualTo("image/png");
        assertThat(png.image().getHeight()).isEqualTo(200);
    }

    @Test
    void a_png_named_and_sent_as_anything_is_still_a_png() {
        byte[] png = Pictures.bytes("coffee.png");

        assertThat(Stills.read("photo", new ByteArrayInputStream(png), -1).mediaType()).isEqualTo("image/png");
    }

    @Test
    void text_and_a_gif_are_refused_naming_the_field_and_what_they_are() {
        assertThatThrownBy(() -> read("not a picture".getBytes())).isInstanceOf(InvalidInput.class)
            .satisfies(e -> assertThat(((InvalidInput) e).errors().getFirst().field()).isEqualTo("image"))
            .hasMessageContaining("text/plain");
        assertThatThrownBy(() -> read("GIF89a\u0001\u0000\u0001\u0000".getBytes())).isInstanceOf(InvalidInput.class)
            .hasMessageContaining("image/gif");
    }

    @Test
    void a_jpeg_cut_short_after_its_header_is_refused_as_damaged() {
        byte[] cut = Arrays.copyOf(Pictures.bytes("astronaut.jpg"), 100);

        assertThatThrownBy(() -> read(cut)).isInstanceOf(InvalidInput.class).hasMessageContaining("damaged");
    }

    @Test
    void an_upload_over_twenty_megabytes_is_refused_before_it_is_read() {
        var never = new java.io.InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read although the declared size was over the limit");
            }
        };

        assertThatThrownBy(() -> Stills.read("image", never, Stills.MAX_BYTES + 1)).isInstanceOf(InvalidInput.class)
            .hasMessageContaining("20 MB");
    }
}
