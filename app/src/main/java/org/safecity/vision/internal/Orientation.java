package org.safecity.vision.internal;

import java.awt.image.BufferedImage;

/**
 * The way up of a photograph. Phones store a JPEG as the sensor read it and say in its Exif
 * orientation tag how to turn it for viewing; Java's decoder ignores the tag, and a face on its
 * side is not found. {@link #upright} turns the pixels as a viewer would.
 */
public final class Orientation {

    private static final int ORIENTATION_TAG = 0x0112;

    private Orientation() {
    }

    /** The Exif orientation (1-8) of a JPEG, 1 (as stored) when it has none or it cannot be read. */
    public static int of(byte[] jpeg) {
        int at = 2; // after the start-of-image marker
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = (jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF);
            if (marker == 0xDA || length < 2) {
                return 1; // image data begins: no Exif before it
            }
            if (marker == 0xE1 && at + 4 + length - 2 <= jpeg.length && ascii(jpeg, at + 4, "Exif\0\0")) {
                return fromTiff(jpeg, at + 10, at + 2 + length);
            }
            at += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = b[tiff] == 'I';
        int ifd = tiff + (int) read(b, tiff + 4, 4, little);
        if (ifd + 2 > end || ifd < tiff) {
            return 1;
        }
        int count = (int) read(b, ifd, 2, little);
        for (int i = 0; i < count; i++) {
            int entry = ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (read(b, entry, 2, little) == ORIENTATION_TAG) {
                int value = (int) read(b, entry + 8, 2, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static long read(byte[] b, int at, int bytes, boolean little) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            int v = b[at + i] & 0xFF;
            value |= little ? (long) v << (8 * i) : (long) v << (8 * (bytes - 1 - i));
        }
        return value;
    }

    private static boolean ascii(byte[] b, int at, String text) {
        if (at + text.length() > b.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (b[at + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The picture as a viewer shows it for the Exif orientation: turned and, for 2, 4, 5 and 7, mirrored. */
    public static BufferedImage upright(BufferedImage stored, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        int[] in = stored.getRGB(0, 0, w, h, null, 0, w);
        boolean swaps = orientation >= 5;
        int ow = swaps ? h : w;
        int oh = swaps ? w : h;
        int[] out = new int[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; }
                }
                out[y * ow + x] = in[sy * w + sx];
            }
        }
        var upright = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        upright.setRGB(0, 0, ow, oh, out, 0, ow);
        return upright;
    }
}
