package org.safecity.vision.internal;

/** A point in a camera's picture, in fractions of its width and height (0 to 1), so it survives a change of resolution. */
public record Point(double x, double y) {

    public boolean valid() {
        return x >= 0 && x <= 1 && y >= 0 && y <= 1;
    }

    /** The centre of a box in a picture of this size. */
    public static Point centreOf(PixelBox box, int width, int height) {
        return new Point((box.x() + box.width() / 2.0) / width, (box.y() + box.height() / 2.0) / height);
    }

    /** Where a person stands or a vehicle touches the road: the middle of the box's bottom edge. */
    public static Point footOf(PixelBox box, int width, int height) {
        return new Point((box.x() + box.width() / 2.0) / width, (double) box.bottom() / height);
    }
}
