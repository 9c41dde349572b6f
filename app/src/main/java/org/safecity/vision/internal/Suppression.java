package org.safecity.vision.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Non-maximum suppression: a detector answers many overlapping boxes for one thing; keep the best
 * and drop every box that overlaps a kept one by more than the limit (intersection over union).
 */
public final class Suppression {

    private Suppression() {
    }

    /** Candidates, best first after suppression. */
    public static <T> List<T> keepBest(List<T> candidates, ToDoubleFunction<T> score, Function<T, Box> box,
                                       double overlapLimit) {
        List<T> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(score).reversed());
        List<T> kept = new ArrayList<>();
        for (T candidate : sorted) {
            Box b = box.apply(candidate);
            boolean overlaps = false;
            for (T k : kept) {
                if (box.apply(k).overlap(b) > overlapLimit) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    /** A box in floating-point picture coordinates, before it is rounded into a {@link PixelBox}. */
    public record Box(double x1, double y1, double x2, double y2) {

        public double overlap(Box o) {
            double iw = Math.max(0, Math.min(x2, o.x2) - Math.max(x1, o.x1));
            double ih = Math.max(0, Math.min(y2, o.y2) - Math.max(y1, o.y1));
            double inter = iw * ih;
            double union = area() + o.area() - inter;
            return union <= 0 ? 0 : inter / union;
        }

        public double area() {
            return Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
        }

        /** Clipped to a width × height picture and rounded outwards; null when nothing of it is inside. */
        public PixelBox toPixels(int width, int height) {
            int left = (int) Math.max(0, Math.floor(x1));
            int top = (int) Math.max(0, Math.floor(y1));
            int right = (int) Math.min(width, Math.ceil(x2));
            int bottom = (int) Math.min(height, Math.ceil(y2));
            return right > left && bottom > top ? new PixelBox(left, top, right - left, bottom - top) : null;
        }
    }
}
