package org.safecity.vision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import javax.imageio.ImageIO;
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

    /** A JPEG of the picture with an Exif block whose only entry is the orientation, big- or little-endian. */
    private static byte[] jpegWithOrientation(BufferedImage picture, int orientation, boolean little) throws Exception {
        var encoded = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpg", encoded);
        byte[] jpeg = encoded.toByteArray();
        var tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        tiff.put(little ? (byte) 'I' : (byte) 'M').put(little ? (byte) 'I' : (byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        byte[] exif = ByteBuffer.allocate(6 + tiff.capacity()).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array())
            .array();
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) ((exif.length + 2) >> 8), (byte) (exif.length + 2)});
        out.write(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** 64 × 32, red on the left, blue on the right. */
    private static BufferedImage redLeftBlueRight() {
        return Pictures.halves(BufferedImage.TYPE_INT_RGB, Color.RED, Color.BLUE, 64, 32);
    }

    /** The picture as a phone stores it when the photograph must be turned a quarter clockwise to be seen (Exif 6). */
    private static BufferedImage storedSideways(BufferedImage upright) {
        var stored = new BufferedImage(upright.getHeight(), upright.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < stored.getHeight(); y++) {
            for (int x = 0; x < stored.getWidth(); x++) {
                stored.setRGB(x, y, upright.getRGB(upright.getWidth() - 1 - y, x));
            }
        }
        return stored;
    }

    @Test
    void a_phone_photograph_stored_sideways_is_read_upright_as_its_exif_orientation_says() throws Exception {
        for (boolean little : new boolean[] {true, false}) {
            var still = read(jpegWithOrientation(storedSideways(redLeftBlueRight()), 6, little));

            assertThat(still.image().getWidth()).as("width").isEqualTo(64);
            assertThat(still.image().getHeight()).as("height").isEqualTo(32);
            assertThat(new Color(still.image().getRGB(8, 16)).getRed()).as("left is red").isGreaterThan(200);
            assertThat(new Color(still.image().getRGB(56, 16)).getBlue()).as("right is blue").isGreaterThan(200);
        }
    }

    @Test
    void a_photograph_turned_half_round_or_mirrored_is_put_back() throws Exception {
        var upright = redLeftBlueRight();
        var halfRound = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        var g = halfRound.createGraphics();
        g.drawImage(upright, 64, 32, -64, -32, null);
        g.dispose();
        var mirrored = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        g = mirrored.createGraphics();
        g.drawImage(upright, 64, 0, -64, 32, null);
        g.dispose();

        assertThat(new Color(read(jpegWithOrientation(halfRound, 3, true)).image().getRGB(8, 16)).getRed()).isGreaterThan(200);
        assertThat(new Color(read(jpegWithOrientation(mirrored, 2, true)).image().getRGB(8, 16)).getRed()).isGreaterThan(200);
    }
}
