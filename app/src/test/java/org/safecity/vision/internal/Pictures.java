package org.safecity.vision.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The real pictures in src/test/resources/vision (see PROVENANCE.md there), and frames made from them. */
public final class Pictures {

    private Pictures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Pictures.class.getResourceAsStream("/vision/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test picture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage read(String name) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A grey 1280 × 720 frame with the picture drawn at (x, y), scaled by the factor. */
    public static BufferedImage frameWith(BufferedImage picture, double scale, int x, int y) {
        var frame = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(120, 120, 120));
        g.fillRect(0, 0, 1280, 720);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(picture.getScaledInstance((int) (picture.getWidth() * scale), (int) (picture.getHeight() * scale),
            java.awt.Image.SCALE_AREA_AVERAGING), x, y, null);
        g.dispose();
        return frame;
    }

    /** The picture mirrored left to right: the same face, seen as in a mirror. */
    public static BufferedImage mirrored(BufferedImage picture) {
        var out = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(picture, picture.getWidth(), 0, -picture.getWidth(), picture.getHeight(), null);
        g.dispose();
        return out;
    }

    /** The picture turned by the angle (degrees, clockwise) about its centre, corners grey. */
    public static BufferedImage turned(BufferedImage picture, double degrees) {
        var out = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(120, 120, 120));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(picture, AffineTransform.getRotateInstance(Math.toRadians(degrees), picture.getWidth() / 2.0,
            picture.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    /** A picture of the given type, its left half one colour and its right half another. */
    public static BufferedImage halves(int type, Color left, Color right, int width, int height) {
        var image = new BufferedImage(width, height, type);
        var g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(right);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }
}
