package org.safecity.vision.internal.plates;

import org.safecity.vision.internal.PixelBox;

/**
 * A line of text found in a picture: a rectangle turned by {@code angle} (radians, its long side
 * along (cos, sin)), in the picture's pixels. Plates are seldom level in a camera's view, so a
 * level box would cut into the characters or take in the car around them.
 */
record TextRegion(double centreX, double centreY, double width, double height, double angle, double score) {

    /** The level box around the region, kept inside a picture of this size; null when nothing of it is inside. */
    PixelBox levelBox(int pictureWidth, int pictureHeight) {
        double cos = Math.abs(Math.cos(angle));
        double sin = Math.abs(Math.sin(angle));
        double halfW = (width * cos + height * sin) / 2;
        double halfH = (width * sin + height * cos) / 2;
        int x0 = (int) Math.max(0, Math.floor(centreX - halfW));
        int y0 = (int) Math.max(0, Math.floor(centreY - halfH));
        int x1 = (int) Math.min(pictureWidth, Math.ceil(centreX + halfW));
        int y1 = (int) Math.min(pictureHeight, Math.ceil(centreY + halfH));
        return x1 > x0 && y1 > y0 ? new PixelBox(x0, y0, x1 - x0, y1 - y0) : null;
    }

    TextRegion scaled(double sx, double sy) {
        // a non-uniform scale turns a rectangle into a parallelogram; close enough for the small stretch of rounding to 32
        double dx = Math.cos(angle) * width * sx;
        double dy = Math.sin(angle) * width * sy;
        double hx = -Math.sin(angle) * height * sx;
        double hy = Math.cos(angle) * height * sy;
        return new TextRegion(centreX * sx, centreY * sy, Math.hypot(dx, dy), Math.hypot(hx, hy), Math.atan2(dy, dx), score);
    }

    TextRegion moved(double dx, double dy) {
        return new TextRegion(centreX + dx, centreY + dy, width, height, angle, score);
    }
}
