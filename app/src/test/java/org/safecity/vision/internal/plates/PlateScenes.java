package org.safecity.vision.internal.plates;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.safecity.shared.Plate;

/**
 * Labelled pictures of Pakistani plates for measuring the reader: a plate of every format, drawn by
 * {@link PlateArtwork} on a car or motorcycle in a street drawn here (painted, as no road photos
 * that may be shipped are at hand: sky, buildings, shop signs with words and telephone numbers
 * that no plate format accepts, road, lane marks), then turned, sheared, blurred, darkened, noised
 * and JPEG-compressed by amounts drawn from a seeded random, so the same seed makes the same set.
 *
 * <p>Run {@code main(dir, count, seed)} to write {@code dir/NNNN.jpg} and {@code dir/labels.csv}.
 */
public final class PlateScenes {

    private static final String[] SIGN_WORDS = {"AL MADINA STORE", "KHYBER BAKERS", "TEL 091 5701234", "PHARMACY", "SALE 50%",
        "NEW STAR MOBILES", "PESHAWAR CITY", "0300 1234567", "HOTEL SHAHEEN", "CNG", "BANK ISLAMI", "PIZZA POINT"};
    private static final Color[] CAR_COLOURS = {Color.WHITE, new Color(0xC0, 0xC0, 0xC0), Color.BLACK, new Color(0x8B, 0, 0),
        new Color(0x1E, 0x3A, 0x8A), new Color(0x55, 0x55, 0x55), new Color(0xE5, 0xE5, 0xDC)};

    private final PlateFormats formats = PlateFormats.standard();
    private final Random random;
    /** Gentle scenes (a plate of a good size, little blur, fair light) are what a specification can insist on reading. */
    private final boolean gentle;

    public PlateScenes(long seed) {
        this(seed, false);
    }

    public PlateScenes(long seed, boolean gentle) {
        this.random = new Random(seed);
        this.gentle = gentle;
    }

    /** One scene: the JPEG bytes and the plate in it, printed as its format prints it. */
    public record Scene(byte[] jpeg, String printed, String format) {

        public String normalized() {
            return Plate.normalise(printed);
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/plate-scenes");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2026;
        System.out.println("labels.csv sha-256 " + write(dir, count, seed));
    }

    /** Writes the set, returns the SHA-256 of its labels.csv (the same for the same count and seed). */
    public static String write(Path dir, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        var scenes = new PlateScenes(seed);
        var labels = new StringBuilder("file,plate\n");
        for (int i = 0; i < count; i++) {
            var scene = scenes.next(i);
            String file = "%04d.jpg".formatted(i);
            Files.write(dir.resolve(file), scene.jpeg());
            labels.append(file).append(',').append(scene.normalized()).append('\n');
        }
        byte[] csv = labels.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("labels.csv"), csv);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The i-th scene: formats in turn, so every format is equally present. */
    public Scene next(int i) {
        var format = formats.all().get(i % formats.all().size());
        return scene(format, text(format.template()));
    }

    /** A scene with this plate; sizes, angles and damage drawn from the random. */
    public Scene scene(PlateFormats.PlateFormat format, String printed) {
        boolean twoLine = printed.indexOf('/') >= 0;
        int width = 1280;
        int height = 720;
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        street(g, width, height);

        double plateWidth = twoLine ? (gentle ? 130 : 70) + random.nextDouble() * 110 : (gentle ? 200 : 100) + random.nextDouble() * 260;
        double plateHeight = plateWidth / PlateArtwork.aspect(printed);
        double cx = width * (0.25 + random.nextDouble() * 0.5);
        double cy = height * (0.55 + random.nextDouble() * 0.3);
        vehicle(g, cx, cy, plateWidth, plateHeight, twoLine);

        var saved = g.getTransform();
        g.translate(cx, cy);
        double turn = gentle ? 0.5 : 1;
        g.rotate(Math.toRadians(random.nextGaussian() * 4 * turn));
        g.shear(random.nextGaussian() * 0.08 * turn, random.nextGaussian() * 0.05 * turn);
        g.scale(1, 0.85 + random.nextDouble() * 0.15); // seen from a little above
        PlateArtwork.draw(g, printed, format.livery(), -plateWidth / 2, -plateHeight / 2, plateWidth);
        g.setTransform(saved);
        g.dispose();

        var damaged = damage(image);
        return new Scene(jpeg(damaged, gentle ? 0.85f : 0.4f + random.nextFloat() * 0.5f), printed, format.name());
    }

    /** A street with shop signs and no vehicle: nothing in it is a plate. */
    public byte[] streetWithoutPlates() {
        var image = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        street(g, 1280, 720);
        for (int i = 0; i < 4; i++) {
            sign(g, 40 + i * 300, 120 + random.nextInt(300), 260);
        }
        g.dispose();
        return jpeg(damage(image), 0.85f);
    }

    /** A text the template accepts, letters and digits drawn at random. */
    public String text(PlateFormats.Template template) {
        String text;
        do {
            text = anyText(template);
        } while (Plate.normalise(text).length() <= PlateCandidates.FEWEST_CHARACTERS); // shorter reads are taken for stray characters
        return text;
    }

    private String anyText(PlateFormats.Template template) {
        var text = new StringBuilder();
        for (var run : template.runs()) {
            if (run.kind() == '=') {
                text.append(run.fixed());
            } else {
                // most series are issued up to their longest numbers; short ones are rarer
                int n = run.kind() == '#' && random.nextInt(5) > 0 ? Math.max(run.min(), run.max() - random.nextInt(2))
                    : run.min() + random.nextInt(run.max() - run.min() + 1);
                for (int k = 0; k < n; k++) {
                    text.append(run.kind() == '@' ? (char) ('A' + random.nextInt(26)) : (char) ('0' + random.nextInt(10)));
                }
            }
            text.append(run.separatorAfter());
        }
        return text.toString();
    }

    private void street(Graphics2D g, int width, int height) {
        int horizon = (int) (height * (0.3 + random.nextDouble() * 0.15));
        g.setPaint(new GradientPaint(0, 0, new Color(0x9C, 0xC4, 0xE4), 0, horizon, new Color(0xE8, 0xE4, 0xD8)));
        g.fillRect(0, 0, width, horizon);
        for (int x = -20; x < width; ) { // buildings, some with a shop sign
            int w = 80 + random.nextInt(200);
            int h = 60 + random.nextInt(horizon + 40);
            int shade = 120 + random.nextInt(110);
            g.setColor(new Color(shade, shade - random.nextInt(30), shade - random.nextInt(50)));
            g.fillRect(x, horizon - h + 40, w, h + 40);
            g.setColor(new Color(60, 70, 80));
            for (int wy = horizon - h + 55; wy < horizon + 20; wy += 28) {
                for (int wx = x + 10; wx < x + w - 20; wx += 30) {
                    g.fillRect(wx, wy, 14, 16);
                }
            }
            if (random.nextInt(3) == 0) {
                sign(g, x + 6, horizon - 10 + random.nextInt(40), w - 12);
            }
            x += w;
        }
        g.setColor(new Color(0x5A, 0x5A, 0x5E));
        g.fillRect(0, horizon + 40, width, height - horizon - 40);
        g.setColor(new Color(0xEE, 0xEE, 0xEE));
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {40, 30}, random.nextInt(70)));
        g.drawLine(width / 2, horizon + 40, width / 2 + (random.nextInt(200) - 100), height);
        g.setStroke(new BasicStroke(1));
    }

    private void sign(Graphics2D g, int x, int y, int w) {
        String words = SIGN_WORDS[random.nextInt(SIGN_WORDS.length)];
        int h = 22 + random.nextInt(18);
        g.setColor(new Color(random.nextInt(200), random.nextInt(120), random.nextInt(120)));
        g.fillRect(x, y, w, h);
        g.setColor(random.nextBoolean() ? Color.WHITE : Color.YELLOW);
        var font = new Font(Font.SANS_SERIF, Font.BOLD, h - 8);
        g.setFont(font);
        var metrics = g.getFontMetrics();
        float scale = Math.min(1f, (w - 8) / (float) metrics.stringWidth(words));
        var saved = g.getTransform();
        g.translate(x + 4, y + h - 6);
        g.scale(scale, 1);
        g.drawString(words, 0, 0);
        g.setTransform(saved);
    }

    /** A car's rear (or a motorcycle's mudguard) around where the plate goes. */
    private void vehicle(Graphics2D g, double cx, double cy, double plateWidth, double plateHeight, boolean motorcycle) {
        Color body = CAR_COLOURS[random.nextInt(CAR_COLOURS.length)];
        if (motorcycle) {
            g.setColor(new Color(0x22, 0x22, 0x22));
            g.fillOval((int) (cx - plateWidth * 0.6), (int) (cy - plateHeight * 0.2), (int) (plateWidth * 1.2), (int) (plateHeight * 2.2));
            g.setColor(body);
            g.fill(new RoundRectangle2D.Double(cx - plateWidth * 0.75, cy - plateHeight * 1.3, plateWidth * 1.5, plateHeight * 1.6,
                plateHeight * 0.6, plateHeight * 0.6));
            return;
        }
        double carWidth = plateWidth * (3.6 + random.nextDouble());
        double carHeight = carWidth * 0.62;
        double left = cx - carWidth / 2;
        double top = cy - carHeight * 0.62;
        g.setColor(new Color(0x18, 0x18, 0x18));
        g.fillRect((int) (left + carWidth * 0.08), (int) (top + carHeight * 0.85), (int) (carWidth * 0.16), (int) (carHeight * 0.22));
        g.fillRect((int) (left + carWidth * 0.76), (int) (top + carHeight * 0.85), (int) (carWidth * 0.16), (int) (carHeight * 0.22));
        g.setColor(body);
        g.fill(new RoundRectangle2D.Double(left, top + carHeight * 0.3, carWidth, carHeight * 0.62, carHeight * 0.2, carHeight * 0.2));
        g.fill(new RoundRectangle2D.Double(left + carWidth * 0.15, top, carWidth * 0.7, carHeight * 0.45, carHeight * 0.3, carHeight * 0.3));
        g.setColor(new Color(0x30, 0x3C, 0x48));
        g.fill(new RoundRectangle2D.Double(left + carWidth * 0.2, top + carHeight * 0.05, carWidth * 0.6, carHeight * 0.3, 12, 12));
        g.setColor(new Color(0xB0, 0x10, 0x10));
        g.fillRect((int) (left + carWidth * 0.04), (int) (top + carHeight * 0.42), (int) (carWidth * 0.14), (int) (carHeight * 0.1));
        g.fillRect((int) (left + carWidth * 0.82), (int) (top + carHeight * 0.42), (int) (carWidth * 0.14), (int) (carHeight * 0.1));
    }

    /** Light, blur and sensor noise. */
    private BufferedImage damage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = image;
        int blur = gentle ? 0 : random.nextInt(4); // 0: sharp, then 3, 5, 7 pixel kernels at a third of the weight off-centre
        if (blur > 0) {
            int size = 2 * blur + 1;
            float[] kernel = new float[size * size];
            float sum = 0;
            double sigma = blur * (0.4 + random.nextDouble() * 0.4);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double d = (x - blur) * (x - blur) + (y - blur) * (y - blur);
                    kernel[y * size + x] = (float) Math.exp(-d / (2 * sigma * sigma));
                    sum += kernel[y * size + x];
                }
            }
            for (int k = 0; k < kernel.length; k++) {
                kernel[k] /= sum;
            }
            out = new ConvolveOp(new Kernel(size, size, kernel), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
        }
        double gain = gentle ? 0.8 + random.nextDouble() * 0.3 : 0.45 + random.nextDouble() * 0.85;
        double slope = (random.nextDouble() - 0.5) * (gentle ? 0.2 : 0.6); // light falling across the picture
        double noise = random.nextDouble() * (gentle ? 4 : 12);
        int[] rgb = out.getRGB(0, 0, w, h, null, 0, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = rgb[y * w + x];
                double light = gain * (1 + slope * (x / (double) w - 0.5));
                double n = noise * random.nextGaussian();
                int r = clamp(((p >> 16) & 0xFF) * light + n);
                int gr = clamp(((p >> 8) & 0xFF) * light + n);
                int b = clamp((p & 0xFF) * light + n);
                rgb[y * w + x] = (r << 16) | (gr << 8) | b;
            }
        }
        var result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, w, h, rgb, 0, w);
        return result;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        try (var bytes = new ByteArrayOutputStream(); var stream = new MemoryCacheImageOutputStream(bytes)) {
            var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var params = writer.getDefaultWriteParam();
            params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            params.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), params);
            writer.dispose();
            stream.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
