package org.safecity.vision.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * A picture's pixels as packed RGB, read once, and the one way every model's input is cut from it:
 * an affine window (scale, shift, turn) sampled into a model-sized array. Downscaling averages
 * several samples per output pixel, so a 1280-pixel frame shrunk to 256 keeps its small faces
 * instead of aliasing them away. Outside the picture is black.
 */
public final class Picture {

    private final int[] rgb;
    private final int width;
    private final int height;

    private Picture(int[] rgb, int width, int height) {
        this.rgb = rgb;
        this.width = width;
        this.height = height;
    }

    public static Picture of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        var raster = image.getRaster();
        boolean whole = raster.getParent() == null && raster.getMinX() == 0 && raster.getMinY() == 0;
        // decoded JPEGs and video frames are 3-byte BGR; reading their bytes directly is ten times getRGB's speed
        if (whole && image.getType() == BufferedImage.TYPE_3BYTE_BGR && raster.getDataBuffer() instanceof DataBufferByte bytes
            && bytes.getNumBanks() == 1 && bytes.getData().length == w * h * 3) {
            byte[] data = bytes.getData();
            int[] rgb = new int[w * h];
            for (int i = 0, j = 0; i < rgb.length; i++, j += 3) {
                rgb[i] = (data[j + 2] & 0xFF) << 16 | (data[j + 1] & 0xFF) << 8 | (data[j] & 0xFF);
            }
            return new Picture(rgb, w, h);
        }
        if (whole && (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)
            && raster.getDataBuffer() instanceof DataBufferInt ints && ints.getData().length == w * h) {
            return new Picture(ints.getData().clone(), w, h);
        }
        return new Picture(image.getRGB(0, 0, w, h, null, 0, w), w, h);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** How a model lays out its input tensor. */
    public enum Layout { NHWC, NCHW }

    /**
     * Maps an output pixel (u, v), counted from the window's top left in output pixels, to the
     * picture: x = a·u + b·v + c, y = d·u + e·v + f.
     */
    public record Window(double a, double b, double c, double d, double e, double f) {

        /** The rectangle (x, y, w, h) of the picture stretched onto outW × outH. */
        public static Window stretch(double x, double y, double w, double h, int outW, int outH) {
            return new Window(w / outW, 0, x, 0, h / outH, y);
        }

        /** A square of the given side centred on (cx, cy), turned by angle radians, onto size × size. */
        public static Window turned(double cx, double cy, double side, double angle, int size) {
            double s = side / size;
            double cos = Math.cos(angle) * s;
            double sin = Math.sin(angle) * s;
            double half = size / 2.0;
            return new Window(cos, -sin, cx - cos * half + sin * half, sin, cos, cy - sin * half - cos * half);
        }
    }

    /**
     * Samples the window into outW × outH × 3 floats, RGB, each channel value p (0-255) written as
     * p · scale + offset.
     */
    public float[] sample(Window window, int outW, int outH, Layout layout, float scale, float offset) {
        if (window.b == 0 && window.d == 0 && window.a >= 1.5 && window.e >= 1.5) {
            return shrink(window, outW, outH, layout, scale, offset);
        }
        float[] out = new float[outW * outH * 3];
        double stepU = Math.hypot(window.a, window.d);
        double stepV = Math.hypot(window.b, window.e);
        int k = (int) Math.max(1, Math.min(4, Math.ceil(Math.max(stepU, stepV))));
        double inv = 1.0 / (k * k);
        int plane = outW * outH;
        for (int v = 0; v < outH; v++) {
            for (int u = 0; u < outW; u++) {
                double r = 0, g = 0, b = 0;
                for (int j = 0; j < k; j++) {
                    double vv = v + (j + 0.5) / k;
                    for (int i = 0; i < k; i++) {
                        double uu = u + (i + 0.5) / k;
                        double x = window.a * uu + window.b * vv + window.c - 0.5;
                        double y = window.d * uu + window.e * vv + window.f - 0.5;
                        int p = bilinear(x, y);
                        r += (p >> 16) & 0xFF;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                    }
                }
                put(out, layout, v * outW + u, plane, (float) (r * inv) * scale + offset, (float) (g * inv) * scale + offset,
                    (float) (b * inv) * scale + offset);
            }
        }
        return out;
    }

    /**
     * An upright window shrunk by at least 1.5: each output pixel is the mean of the picture's
     * pixels under it, which reads each pixel once instead of sampling it many times.
     */
    private float[] shrink(Window window, int outW, int outH, Layout layout, float scale, float offset) {
        int[] x0 = new int[outW + 1];
        for (int u = 0; u <= outW; u++) {
            x0[u] = (int) Math.round(window.a * u + window.c);
        }
        float[] out = new float[outW * outH * 3];
        int plane = outW * outH;
        long[] sums = new long[outW * 3];
        int[] counts = new int[outW];
        for (int v = 0; v < outH; v++) {
            int top = (int) Math.round(window.e * v + window.f);
            int bottom = Math.max(top + 1, (int) Math.round(window.e * (v + 1) + window.f));
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            for (int y = top; y < bottom; y++) {
                boolean rowInside = y >= 0 && y < height;
                for (int u = 0; u < outW; u++) {
                    int left = x0[u];
                    int right = Math.max(left + 1, x0[u + 1]);
                    counts[u] += right - left;
                    if (!rowInside) {
                        continue; // black
                    }
                    long r = 0, g = 0, b = 0;
                    int row = y * width;
                    for (int x = Math.max(0, left), end = Math.min(width, right); x < end; x++) {
                        int p = rgb[row + x];
                        r += (p >> 16) & 0xFF;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                    }
                    sums[u * 3] += r;
                    sums[u * 3 + 1] += g;
                    sums[u * 3 + 2] += b;
                }
            }
            for (int u = 0; u < outW; u++) {
                float inv = 1f / counts[u];
                put(out, layout, v * outW + u, plane, sums[u * 3] * inv * scale + offset, sums[u * 3 + 1] * inv * scale + offset,
                    sums[u * 3 + 2] * inv * scale + offset);
            }
        }
        return out;
    }

    private static void put(float[] out, Layout layout, int at, int plane, float r, float g, float b) {
        if (layout == Layout.NHWC) {
            out[at * 3] = r;
            out[at * 3 + 1] = g;
            out[at * 3 + 2] = b;
        } else {
            out[at] = r;
            out[plane + at] = g;
            out[2 * plane + at] = b;
        }
    }

    /** Bilinear RGB at a point in pixel-centre coordinates, black outside. */
    private int bilinear(double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        int p00 = at(x0, y0), p10 = at(x0 + 1, y0), p01 = at(x0, y0 + 1), p11 = at(x0 + 1, y0 + 1);
        int result = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = ((p00 >> shift) & 0xFF) * (1 - fx) + ((p10 >> shift) & 0xFF) * fx;
            double bottom = ((p01 >> shift) & 0xFF) * (1 - fx) + ((p11 >> shift) & 0xFF) * fx;
            result |= ((int) Math.round(top * (1 - fy) + bottom * fy)) << shift;
        }
        return result;
    }

    private int at(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return 0;
        }
        return rgb[y * width + x];
    }
}
