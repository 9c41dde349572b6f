package org.safecity.vision.internal.plates;

import java.awt.image.BufferedImage;

/** A picture's pixels, read once, that regions are cut from at full resolution. */
final class Picture {

    final int width;
    final int height;
    private final int[] rgb;

    Picture(BufferedImage image) {
        width = image.getWidth();
        height = image.getHeight();
        rgb = pixels(image);
    }

    private Picture(int width, int height, int[] rgb) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /** A part of the picture, copied. */
    Picture part(int x, int y, int w, int h) {
        int[] part = new int[w * h];
        for (int row = 0; row < h; row++) {
            System.arraycopy(rgb, (y + row) * width + x, part, row * w, w);
        }
        return new Picture(w, h, part);
    }

    /** The pixels as 0xRRGGBB; the usual decoded layouts are read straight from the raster, others through getRGB. */
    private static int[] pixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && image.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferByte buffer
            && buffer.getNumBanks() == 1 && image.getRaster().getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel model
            && model.getPixelStride() == 3 && model.getScanlineStride() == 3 * w && image.getRaster().getSampleModelTranslateX() == 0
            && image.getRaster().getSampleModelTranslateY() == 0) {
            byte[] data = buffer.getData();
            int[] rgb = new int[w * h];
            for (int i = 0, j = 0; i < rgb.length; i++, j += 3) {
                rgb[i] = ((data[j + 2] & 0xFF) << 16) | ((data[j + 1] & 0xFF) << 8) | (data[j] & 0xFF);
            }
            return rgb;
        }
        return image.getRGB(0, 0, w, h, null, 0, w);
    }

    /**
     * The picture scaled to {@code outW × outH} (each output pixel the mean of the pixels it covers),
     * as BGR planes, each channel {@code (p / 255 - mean) / deviation}.
     */
    float[] planes(int outW, int outH, float[] mean, float[] deviation) {
        int plane = outW * outH;
        float[] out = new float[3 * plane];
        double sx = width / (double) outW;
        double sy = height / (double) outH;
        for (int y = 0; y < outH; y++) {
            int y0 = (int) (y * sy);
            int y1 = Math.max(y0 + 1, Math.min(height, (int) ((y + 1) * sy)));
            for (int x = 0; x < outW; x++) {
                int x0 = (int) (x * sx);
                int x1 = Math.max(x0 + 1, Math.min(width, (int) ((x + 1) * sx)));
                int r = 0, g = 0, b = 0;
                for (int yy = y0; yy < y1; yy++) {
                    int row = yy * width;
                    for (int xx = x0; xx < x1; xx++) {
                        int p = rgb[row + xx];
                        r += (p >> 16) & 0xFF;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                    }
                }
                float n = (y1 - y0) * (x1 - x0) * 255f;
                int at = y * outW + x;
                out[at] = (b / n - mean[0]) / deviation[0];
                out[plane + at] = (g / n - mean[1]) / deviation[1];
                out[2 * plane + at] = (r / n - mean[2]) / deviation[2];
            }
        }
        return out;
    }

    /**
     * Cuts the region out turned level, {@code outW × outH}, into BGR planes normalised to -1..1 at
     * {@code offset} of {@code into}, whose planes are {@code planeWidth} wide (the rest stays 0).
     * Shrinking by more than 1.5 averages four samples a pixel, so thin strokes do not vanish.
     */
    void cut(TextRegion region, int outW, int outH, float[] into, int offset, int planeWidth) {
        double cos = Math.cos(region.angle());
        double sin = Math.sin(region.angle());
        double stepU = region.width() / outW;
        double stepV = region.height() / outH;
        int samples = Math.max(stepU, stepV) > 1.5 ? 2 : 1;
        int plane = outH * planeWidth;
        float[] pixel = new float[3];
        for (int v = 0; v < outH; v++) {
            for (int u = 0; u < outW; u++) {
                float b = 0, g = 0, r = 0;
                for (int su = 0; su < samples; su++) {
                    for (int sv = 0; sv < samples; sv++) {
                        double du = (u + (su + 0.5) / samples) * stepU - region.width() / 2;
                        double dv = (v + (sv + 0.5) / samples) * stepV - region.height() / 2;
                        sample(region.centreX() + du * cos - dv * sin, region.centreY() + du * sin + dv * cos, pixel);
                        r += pixel[0];
                        g += pixel[1];
                        b += pixel[2];
                    }
                }
                float count = samples * samples * 255f;
                int at = offset + v * planeWidth + u;
                into[at] = (b / count - 0.5f) / 0.5f;
                into[at + plane] = (g / count - 0.5f) / 0.5f;
                into[at + 2 * plane] = (r / count - 0.5f) / 0.5f;
            }
        }
    }

    /** Bilinear sample at (x, y), pixel centres at +0.5, edges repeated. */
    private void sample(double x, double y, float[] rgbOut) {
        double fx = x - 0.5;
        double fy = y - 0.5;
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double ax = fx - x0;
        double ay = fy - y0;
        int xa = clamp(x0, width);
        int xb = clamp(x0 + 1, width);
        int ya = clamp(y0, height);
        int yb = clamp(y0 + 1, height);
        int p00 = rgb[ya * width + xa];
        int p10 = rgb[ya * width + xb];
        int p01 = rgb[yb * width + xa];
        int p11 = rgb[yb * width + xb];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            double top = ((p00 >> shift) & 0xFF) * (1 - ax) + ((p10 >> shift) & 0xFF) * ax;
            double bottom = ((p01 >> shift) & 0xFF) * (1 - ax) + ((p11 >> shift) & 0xFF) * ax;
            rgbOut[c] = (float) (top * (1 - ay) + bottom * ay);
        }
    }

    private static int clamp(int value, int size) {
        return value < 0 ? 0 : value >= size ? size - 1 : value;
    }
}
