package org.safecity.vision.internal.plates;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Draws a Pakistani number plate: the province's livery, its name, and the plate's characters in a
 * bold condensed face (DejaVu Sans Condensed Bold, shipped beside the formats, Bitstream Vera
 * licence). Used to make labelled pictures for measuring the reader, and moving scenes for the demo
 * camera; only draws, so it is as safe to call from several threads as the {@link Graphics2D} given.
 */
public final class PlateArtwork {

    /** Width over height of a car plate (about 12 x 4.3 inches) and of a two-line motorcycle plate. */
    public static final double ONE_LINE_ASPECT = 2.8;
    public static final double TWO_LINE_ASPECT = 1.6;

    private static final Font FACE = loadFace();

    private PlateArtwork() {
    }

    /** How a province's plates look. */
    public enum Livery {
        PUNJAB("PUNJAB", Color.WHITE, new Color(0x11, 0x11, 0x11), new Color(0x0B, 0x6E, 0x2E), true),
        SINDH("SINDH", new Color(0xF2, 0xC9, 0x1B), new Color(0x11, 0x11, 0x11), new Color(0x11, 0x11, 0x11), true),
        ISLAMABAD("ISLAMABAD", Color.WHITE, new Color(0x11, 0x11, 0x11), new Color(0x0B, 0x6E, 0x2E), false),
        KHYBER_PAKHTUNKHWA("KHYBER PAKHTUNKHWA", Color.WHITE, new Color(0x11, 0x11, 0x11), new Color(0x1D, 0x4E, 0x9E), true),
        BALOCHISTAN("BALOCHISTAN", Color.WHITE, new Color(0x11, 0x11, 0x11), new Color(0x8A, 0x1C, 0x1C), true);

        private final String name;
        private final Color background;
        private final Color characters;
        private final Color band;
        private final boolean nameOnTop;

        Livery(String name, Color background, Color characters, Color band, boolean nameOnTop) {
            this.name = name;
            this.background = background;
            this.characters = characters;
            this.band = band;
            this.nameOnTop = nameOnTop;
        }

        public Color background() {
            return background;
        }
    }

    /** Width over height of the plate for this printed text ({@code /} breaks a two-line plate). */
    public static double aspect(String printed) {
        return printed.indexOf('/') >= 0 ? TWO_LINE_ASPECT : ONE_LINE_ASPECT;
    }

    /**
     * Draws the plate with its top left corner at (x, y), {@code width} wide and as high as its aspect
     * makes it, in the graphics' current transform (so a caller may rotate, shear or scale it).
     *
     * @param printed the plate as printed, e.g. {@code LEA-12-1234}; {@code /} breaks a two-line plate
     * @return the plate's outline, in the graphics' coordinates before its transform
     */
    public static Rectangle2D draw(Graphics2D g, String printed, Livery livery, double x, double y, double width) {
        double height = width / aspect(printed);
        var saved = g.getRenderingHints();
        var savedColor = g.getColor();
        var savedStroke = g.getStroke();
        var savedFont = g.getFont();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        try {
            double corner = height * 0.12;
            g.setColor(livery.background);
            g.fill(new RoundRectangle2D.Double(x, y, width, height, corner, corner));
            g.setColor(livery.characters);
            float border = (float) Math.max(1, height * 0.03);
            g.setStroke(new BasicStroke(border));
            g.draw(new RoundRectangle2D.Double(x + border / 2, y + border / 2, width - border, height - border, corner, corner));

            double band = height * (printed.indexOf('/') >= 0 ? 0.14 : 0.2);
            double bandTop = livery.nameOnTop ? y + height * 0.05 : y + height - band - height * 0.05;
            g.setColor(livery.band);
            drawCentred(g, livery.name, x + width * 0.5, bandTop, width * 0.8, band * 0.85);

            double textTop = livery.nameOnTop ? bandTop + band : y + height * 0.08;
            double textHeight = height - band - height * 0.18;
            g.setColor(livery.characters);
            String[] lines = printed.split("/");
            double lineHeight = textHeight / lines.length;
            for (int i = 0; i < lines.length; i++) {
                drawCentred(g, lines[i], x + width * 0.5, textTop + i * lineHeight + lineHeight * 0.08, width * 0.86, lineHeight * 0.8);
            }
        } finally {
            g.setRenderingHints(saved);
            g.setColor(savedColor);
            g.setStroke(savedStroke);
            g.setFont(savedFont);
        }
        return new Rectangle2D.Double(x, y, width, height);
    }

    /** Draws text centred on {@code centreX}, its capitals {@code capHeight} high from {@code top}, no wider than {@code maxWidth}. */
    private static void drawCentred(Graphics2D g, String text, double centreX, double top, double maxWidth, double capHeight) {
        var context = new FontRenderContext(new AffineTransform(), true, true);
        Font probe = FACE.deriveFont(100f);
        var layout = new TextLayout(text, probe, context);
        double capAt100 = probe.createGlyphVector(context, "H").getVisualBounds().getHeight();
        double size = 100 * capHeight / capAt100;
        double widthAtSize = layout.getBounds().getWidth() * size / 100;
        double stretch = widthAtSize > maxWidth ? maxWidth / widthAtSize : 1;
        Font font = FACE.deriveFont(AffineTransform.getScaleInstance(stretch, 1)).deriveFont((float) size);
        var sized = new TextLayout(text, font, context);
        var bounds = sized.getBounds();
        float left = (float) (centreX - bounds.getWidth() / 2 - bounds.getX());
        sized.draw(g, left, (float) (top + capHeight));
    }

    private static Font loadFace() {
        try (var in = PlateArtwork.class.getResourceAsStream("/vision/DejaVuSansCondensed-Bold.ttf")) {
            if (in == null) {
                throw new IllegalStateException("/vision/DejaVuSansCondensed-Bold.ttf is missing from the classpath");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the plate face cannot be read", e);
        }
    }
}
