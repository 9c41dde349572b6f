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

    /** The boxes, overlapping ones joined into the box around both, until none overlap. */
    public static java.util.List<PixelBox> joined(java.util.List<PixelBox> boxes) {
        var joined = new java.util.ArrayList<>(boxes);
        boolean joining = true;
        while (joining) {
            joining = false;
            for (int i = 0; i < joined.size() && !joining; i++) {
                for (int j = i + 1; j < joined.size() && !joining; j++) {
                    var a = joined.get(i);
                    var b = joined.get(j);
                    if (a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()) {
                        int x0 = Math.min(a.x, b.x);
                        int y0 = Math.min(a.y, b.y);
                        joined.set(i, new PixelBox(x0, y0, Math.max(a.right(), b.right()) - x0, Math.max(a.bottom(), b.bottom()) - y0));
                        joined.remove(j);
                        joining = true;
                    }
                }
            }
        }
        return joined;
    }

    /** Intersection over union, the usual measure of how much two boxes are the same thing. */
    public double overlap(PixelBox other) {
        double intersection = sharedArea(other);
        double union = area() + other.area() - intersection;
        return union == 0 ? 0 : intersection / union;
    }

    /** The pixels the two boxes both cover. */
    public double sharedArea(PixelBox other) {
        int ix = Math.max(0, Math.min(right(), other.right()) - Math.max(x, other.x));
        int iy = Math.max(0, Math.min(bottom(), other.bottom()) - Math.max(y, other.y));
        return (double) ix * iy;
    }

    public double area() {
        return (double) width * height;
    }
}
