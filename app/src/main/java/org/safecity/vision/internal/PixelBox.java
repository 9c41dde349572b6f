package org.safecity.vision.internal;

/** A rectangle in an image's pixels, origin top left; what every analyser answers in. */
public record PixelBox(int x, int y, int width, int height) {

    public PixelBox {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a box needs x, y >= 0 and a positive size, not " + x + "," + y + " " + width + "x" + height);
        }
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    /** Intersection over union, the usual measure of how much two boxes are the same thing. */
    public double overlap(PixelBox other) {
        int ix = Math.max(0, Math.min(right(), other.right()) - Math.max(x, other.x));
        int iy = Math.max(0, Math.min(bottom(), other.bottom()) - Math.max(y, other.y));
        double intersection = (double) ix * iy;
        double union = (double) width * height + (double) other.width * other.height - intersection;
        return union == 0 ? 0 : intersection / union;
    }
}
