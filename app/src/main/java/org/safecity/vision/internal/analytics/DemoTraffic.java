package org.safecity.vision.internal.analytics;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import org.safecity.video.DemoScene;
import org.safecity.vision.internal.plates.PlateArtwork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo's street camera: a road seen from a pole, with cars driving towards the camera every six
 * seconds, their front plates readable (drawn by {@link PlateArtwork}); one of them is the demo's
 * watched plate ({@code safecity.demo-watched-plate}). The scene loops every 24 seconds without a jump.
 * Shown by the demo camera at {@code safecity.vision.demo-camera} among the demo cameras (0 first).
 */
@Component
class DemoTraffic implements DemoScene {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    static final int FPS = 25;
    static final int LOOP_SECONDS = 24;
    /** A car takes this long from the far end of the road until it has left the picture. */
    private static final double CROSSING_SECONDS = 5;
    private static final double HORIZON = 170;

    private record Car(String plate, PlateArtwork.Livery livery, Color paint, double lane, double enters) {
    }

    private final List<Car> cars;
    private final int position;

    DemoTraffic(@Value("${safecity.demo-watched-plate}") String watched, @Value("${safecity.vision.demo-camera}") int position) {
        this.position = position;
        this.cars = List.of(
            new Car("LEA-12-3456", PlateArtwork.Livery.PUNJAB, new Color(0xC8, 0xC8, 0xCC), -0.45, 0),
            new Car(watched, PlateArtwork.Livery.KHYBER_PAKHTUNKHWA, new Color(0x9A, 0x1F, 0x22), 0.4, 6),
            new Car("BKX-482", PlateArtwork.Livery.SINDH, new Color(0x1E, 0x3A, 0x6B), -0.4, 12),
            new Car("ICT-AB-123", PlateArtwork.Livery.ISLAMABAD, new Color(0xEE, 0xEE, 0xEA), 0.45, 18));
    }

    /** The printed plates the scene shows, in order of appearance. */
    List<String> plates() {
        return cars.stream().map(Car::plate).toList();
    }

    @Override
    public boolean shownBy(int demoPosition) {
        return demoPosition == position;
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public int height() {
        return HEIGHT;
    }

    @Override
    public int framesPerSecond() {
        return FPS;
    }

    @Override
    public int frames() {
        return FPS * LOOP_SECONDS;
    }

    @Override
    public String version() {
        return "traffic-2-" + Integer.toHexString(cars.hashCode());
    }

    @Override
    public void draw(int frame, Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        road(g);
        double seconds = (double) frame / FPS;
        record Placed(Car car, double progress) {
        }
        cars.stream().map(car -> new Placed(car, Math.floorMod(Math.round((seconds - car.enters()) * 1000), LOOP_SECONDS * 1000L) / 1000.0))
            .filter(p -> p.progress() < CROSSING_SECONDS)
            .sorted(java.util.Comparator.comparingDouble(Placed::progress)) // farthest first, so nearer cars cover them
            .forEach(p -> car(g, p.car(), p.progress() / CROSSING_SECONDS));
    }

    private static void road(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, new Color(0x9C, 0xC3, 0xE6), 0, (float) HORIZON, new Color(0xDD, 0xE8, 0xEE)));
        g.fillRect(0, 0, WIDTH, (int) HORIZON);
        g.setColor(new Color(0x8F, 0x9A, 0x6E));
        g.fillRect(0, (int) HORIZON, WIDTH, HEIGHT - (int) HORIZON);
        g.setColor(new Color(0x55, 0x57, 0x5B));
        g.fillPolygon(new Polygon(new int[] {560, 720, 1280 + 200, -200}, new int[] {(int) HORIZON, (int) HORIZON, HEIGHT, HEIGHT}, 4));
        g.setColor(new Color(0xE8, 0xE2, 0xC8));
        for (int i = 0; i < 8; i++) {
            double near = Math.pow((i + 0.5) / 8, 1.6);
            double far = Math.pow((i + 0.8) / 8, 1.6);
            double y1 = HORIZON + near * (HEIGHT - HORIZON);
            double y2 = HORIZON + far * (HEIGHT - HORIZON);
            double w1 = 2 + near * 10;
            double w2 = 2 + far * 10;
            g.fillPolygon(new Polygon(new int[] {(int) (640 - w1 / 2), (int) (640 + w1 / 2), (int) (640 + w2 / 2), (int) (640 - w2 / 2)},
                new int[] {(int) y1, (int) y1, (int) y2, (int) y2}, 4));
        }
    }

    /** A car seen from the front, {@code depth} 0 at the far end of the road to 1 leaving the picture. */
    private static void car(Graphics2D g, Car car, double depth) {
        double scale = 0.18 + 1.25 * Math.pow(depth, 1.5);
        double bottom = HORIZON + 20 + (HEIGHT + 140 - HORIZON - 20) * Math.pow(depth, 1.3);
        double width = 420 * scale;
        double height = 300 * scale;
        double roadHalf = 80 + (WIDTH / 2.0 + 120) * (bottom - HORIZON) / (HEIGHT - HORIZON);
        double centre = 640 + car.lane() * roadHalf * 0.5;
        double left = centre - width / 2;
        double top = bottom - height;
        g.setColor(new Color(0, 0, 0, 70));
        g.fill(new RoundRectangle2D.Double(left - width * 0.02, bottom - height * 0.08, width * 1.04, height * 0.12, 20 * scale, 20 * scale));
        g.setColor(car.paint().darker());
        g.fill(new RoundRectangle2D.Double(left + width * 0.12, top, width * 0.76, height * 0.45, 40 * scale, 40 * scale));
        g.setColor(new Color(0x2B, 0x3A, 0x48));
        g.fill(new RoundRectangle2D.Double(left + width * 0.17, top + height * 0.06, width * 0.66, height * 0.32, 26 * scale, 26 * scale));
        g.setColor(car.paint());
        g.fill(new RoundRectangle2D.Double(left, top + height * 0.38, width, height * 0.56, 36 * scale, 36 * scale));
        g.setColor(new Color(0xFF, 0xF4, 0xC8));
        g.fill(new RoundRectangle2D.Double(left + width * 0.05, top + height * 0.5, width * 0.2, height * 0.1, 10 * scale, 10 * scale));
        g.fill(new RoundRectangle2D.Double(left + width * 0.75, top + height * 0.5, width * 0.2, height * 0.1, 10 * scale, 10 * scale));
        g.setColor(new Color(0x1A, 0x1A, 0x1A));
        g.fill(new RoundRectangle2D.Double(left + width * 0.3, top + height * 0.52, width * 0.4, height * 0.1, 8 * scale, 8 * scale));
        double plateWidth = width * 0.44;
        PlateArtwork.draw(g, car.plate(), car.livery(), centre - plateWidth / 2, top + height * 0.66, plateWidth);
        g.setColor(new Color(0x15, 0x15, 0x15));
        g.fillRect((int) (left + width * 0.06), (int) (bottom - height * 0.07), (int) (width * 0.14), (int) (height * 0.08));
        g.fillRect((int) (left + width * 0.8), (int) (bottom - height * 0.07), (int) (width * 0.14), (int) (height * 0.08));
    }
}
