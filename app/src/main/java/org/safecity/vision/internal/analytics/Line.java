package org.safecity.vision.internal.analytics;

import java.util.Optional;
import org.safecity.vision.internal.Point;

/**
 * A line drawn across a camera's picture, from {@code from} to {@code to}. Crossing it from its left to its
 * right (as seen walking from {@code from} to {@code to}, the picture's y axis pointing down) is travelling in
 * {@code direction} (e.g. {@code inbound}); the other way is {@code opposite}.
 */
record Line(Point from, Point to, String direction, String opposite) {

    /** The direction of a movement from {@code before} to {@code after} across this line (within its ends), if it crossed. */
    Optional<String> crossing(Point before, Point after) {
        double sideBefore = side(before);
        double sideAfter = side(after);
        if (sideBefore == 0 || sideAfter == 0 || (sideBefore > 0) == (sideAfter > 0)) {
            return Optional.empty();
        }
        // the movement crosses the infinite line; it must also cross between the line's ends
        double moveBefore = cross(before, after, from);
        double moveAfter = cross(before, after, to);
        if ((moveBefore > 0) == (moveAfter > 0)) {
            return Optional.empty();
        }
        // in picture coordinates (y down) a negative cross product is the left of from->to
        return Optional.of(sideBefore < 0 ? direction : opposite);
    }

    private double side(Point p) {
        return cross(from, to, p);
    }

    private static double cross(Point a, Point b, Point p) {
        return (b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x());
    }
}
