package org.safecity.vision.internal.analytics;

import java.util.List;
import org.safecity.vision.internal.Point;

/** A polygon in a camera's picture (normalised coordinates): a region of interest or a zone. */
record Area(List<Point> corners) {

    Area {
        corners = List.copyOf(corners);
    }

    /** Even-odd ray casting; a point on an edge may fall either way. */
    boolean contains(Point p) {
        boolean inside = false;
        for (int i = 0, j = corners.size() - 1; i < corners.size(); j = i++) {
            Point a = corners.get(i);
            Point b = corners.get(j);
            if ((a.y() > p.y()) != (b.y() > p.y()) && p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }
}
