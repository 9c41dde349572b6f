package org.safecity.vision.internal.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MotionGateTest {

    private final MotionGate gate = new MotionGate(12, 0.002, 0.05);

    @Test
    void a_still_scene_with_sensor_noise_does_not_pass_after_the_first_frame() {
        var random = new Random(7);
        assertThat(gate.look(street(random, -1)).moving()).as("first frame").isTrue();
        int passed = 0;
        for (int i = 0; i < 50; i++) {
            if (gate.look(street(random, -1)).moving()) {
                passed++;
            }
        }
        assertThat(passed).isZero();
    }

    @Test
    void a_car_driving_through_a_still_scene_passes_every_frame_it_moves_in() {
        var random = new Random(7);
        gate.look(street(random, -1));
        for (int i = 0; i < 10; i++) {
            gate.look(street(random, -1));
        }
        int passed = 0;
        for (int x = 100; x < 1100; x += 100) {
            if (gate.look(street(random, x)).moving()) {
                passed++;
            }
        }
        assertThat(passed).isEqualTo(10);
    }

    @Test
    void where_a_car_drives_into_a_still_scene_is_the_part_that_moves() {
        var random = new Random(7);
        assertThat(gate.look(street(random, -1)).parts()).as("the first frame, as a whole")
            .containsExactly(new org.safecity.vision.internal.PixelBox(0, 0, 1280, 720));
        for (int i = 0; i < 10; i++) {
            assertThat(gate.look(street(random, -1)).parts()).as("still").isEmpty();
        }

        var parts = gate.look(street(random, 600)).parts(); // the car: x 600-780, y 300-390

        assertThat(parts).hasSize(1);
        var part = parts.getFirst();
        assertThat(part.x()).isBetween(600 - 2 * 20, 600);
        assertThat(part.right()).isBetween(780, 780 + 2 * 20);
        assertThat(part.y()).isBetween(300 - 2 * 20, 300);
        assertThat(part.bottom()).isBetween(390, 390 + 2 * 20);
    }

    @Test
    void cars_in_most_of_the_frame_move_it_as_a_whole() {
        var random = new Random(7);
        gate.look(street(random, -1));
        var frame = street(random, -1);
        var g = frame.createGraphics();
        g.setColor(new Color(30, 40, 120));
        g.fillRect(0, 100, 1280, 500);
        g.dispose();

        assertThat(gate.look(frame).parts()).containsExactly(new org.safecity.vision.internal.PixelBox(0, 0, 1280, 720));
    }

    @Test
    void the_background_learns_a_change_that_stays_so_a_parked_car_stops_passing() {
        var random = new Random(7);
        gate.look(street(random, -1));
        boolean last = true;
        for (int i = 0; i < 100; i++) {
            last = gate.look(street(random, 600)).moving();
        }
        assertThat(last).isFalse();
    }

    @Test
    void a_dark_frame_after_a_light_one_passes() {
        gate.look(plain(new Color(200, 200, 200)));
        assertThat(gate.look(plain(new Color(20, 20, 20))).moving()).isTrue();
    }

    /** A grey road with texture and noise, and a dark car at {@code carX} (none when negative). */
    static BufferedImage street(Random random, int carX) {
        var image = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
        var g = image.createGraphics();
        g.setColor(new Color(120, 120, 118));
        g.fillRect(0, 0, 1280, 720);
        g.setColor(new Color(230, 230, 230));
        for (int x = 0; x < 1280; x += 160) {
            g.fillRect(x, 355, 80, 10);
        }
        if (carX >= 0) {
            g.setColor(new Color(30, 40, 120));
            g.fillRect(carX, 300, 180, 90);
        }
        g.dispose();
        byte[] bytes = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < bytes.length; i += 7) {
            bytes[i] = (byte) Math.max(0, Math.min(255, (bytes[i] & 0xFF) + random.nextInt(9) - 4));
        }
        return image;
    }

    private static BufferedImage plain(Color color) {
        var image = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 640, 360);
        g.dispose();
        return image;
    }
}
