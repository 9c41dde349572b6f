package org.safecity.vision.internal.plates;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Finds lines of text with the PP-OCR detector: the picture, scaled so its long side is at most
 * {@code longSide} (and at least 480) and both sides are multiples of 32, becomes a map of how likely each pixel is
 * text; connected regions of it become turned rectangles, grown back to the whole line (the
 * detector marks only the middle of a character), in the picture's own pixels.
 */
final class TextDetector {

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] DEVIATION = {0.229f, 0.224f, 0.225f};
    /** A pixel is text above this... */
    private static final float PIXEL_THRESHOLD = 0.3f;
    /** ...and a region is a line when its pixels average at least this. */
    private static final float REGION_THRESHOLD = 0.5f;
    /** How far the shrunk region is grown back: area × this ÷ perimeter, as PP-OCR was trained. */
    private static final double UNCLIP_RATIO = 1.6;
    private static final int SMALLEST_SIDE = 3;
    private static final int SMALLEST_LONG_SIDE = 480;

    private final OrtSession session;

    TextDetector(OrtSession session) {
        this.session = session;
    }

    List<TextRegion> find(Picture picture, int longSide) {
        return findScaled(picture, scale(picture, longSide));
    }

    /** The scale {@link #find} looks at the picture with. */
    static double scale(Picture picture, int longSide) {
        int pictureLongSide = Math.max(picture.width, picture.height);
        // small pictures (a plate cut out of a photo) are enlarged: the detector misses text only a few pixels high
        return pictureLongSide < SMALLEST_LONG_SIDE ? Math.min(4.0, SMALLEST_LONG_SIDE / (double) pictureLongSide)
            : Math.min(1.0, longSide / (double) pictureLongSide);
    }

    /** The lines of text in the picture scaled by {@code scale} (rounded so both sides are multiples of 32). */
    List<TextRegion> findScaled(Picture picture, double scale) {
        int w = picture.width;
        int h = picture.height;
        int inputW = Math.max(32, (int) Math.round(w * scale / 32) * 32);
        int inputH = Math.max(32, (int) Math.round(h * scale / 32) * 32);
        float[] input = picture.planes(inputW, inputH, MEAN, DEVIATION);
        float[] map;
        var environment = OrtEnvironment.getEnvironment();
        try (var tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), new long[] {1, 3, inputH, inputW});
             var result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            map = new float[out.remaining()];
            out.get(map);
        } catch (OrtException e) {
            throw new IllegalStateException("the text detector failed", e);
        }
        double sx = w / (double) inputW;
        double sy = h / (double) inputH;
        return regions(map, inputW, inputH).stream().map(r -> r.scaled(sx, sy)).toList();
    }

    /** Connected regions (8 neighbours) of the probability map, each as its smallest turned rectangle grown back. */
    static List<TextRegion> regions(float[] map, int w, int h) {
        var found = new ArrayList<TextRegion>();
        int[] label = new int[w * h];
        int[] queue = new int[w * h];
        int next = 0;
        for (int start = 0; start < map.length; start++) {
            if (map[start] <= PIXEL_THRESHOLD || label[start] != 0) {
                continue;
            }
            next++;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = next;
            double sum = 0;
            while (head < tail) {
                int p = queue[head++];
                sum += map[p];
                int px = p % w;
                int py = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = py + dy;
                    if (ny < 0 || ny >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        if (nx < 0 || nx >= w) {
                            continue;
                        }
                        int q = ny * w + nx;
                        if (label[q] == 0 && map[q] > PIXEL_THRESHOLD) {
                            label[q] = next;
                            queue[tail++] = q;
                        }
                    }
                }
            }
            int count = tail;
            if (count < SMALLEST_SIDE * SMALLEST_SIDE || sum / count < REGION_THRESHOLD) {
                continue;
            }
            var region = smallestRectangle(queue, count, w, sum / count);
            if (region == null || region.height() < SMALLEST_SIDE) {
                continue;
            }
            double area = region.width() * region.height();
            double grow = area * UNCLIP_RATIO / (2 * (region.width() + region.height()));
            found.add(new TextRegion(region.centreX(), region.centreY(), region.width() + 2 * grow, region.height() + 2 * grow,
                region.angle(), region.score()));
        }
        return found;
    }

    /** The smallest turned rectangle holding these pixels (each a unit square): rotating calipers over their convex hull. */
    private static TextRegion smallestRectangle(int[] pixels, int count, int w, double score) {
        // the hull of the pixels' corners: per row, the leftmost and rightmost pixel suffice
        var rows = new java.util.TreeMap<Integer, int[]>();
        for (int i = 0; i < count; i++) {
            int x = pixels[i] % w;
            int y = pixels[i] / w;
            rows.merge(y, new int[] {x, x}, (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        var points = new ArrayList<double[]>();
        rows.forEach((y, span) -> {
            points.add(new double[] {span[0], y});
            points.add(new double[] {span[0], y + 1});
            points.add(new double[] {span[1] + 1, y});
            points.add(new double[] {span[1] + 1, y + 1});
        });
        var hull = hull(points);
        double bestArea = Double.MAX_VALUE;
        TextRegion best = null;
        for (int i = 0; i < hull.size(); i++) {
            double[] a = hull.get(i);
            double[] b = hull.get((i + 1) % hull.size());
            double angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double minU = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
            for (double[] p : hull) {
                double u = p[0] * cos + p[1] * sin;
                double v = -p[0] * sin + p[1] * cos;
                minU = Math.min(minU, u);
                maxU = Math.max(maxU, u);
                minV = Math.min(minV, v);
                maxV = Math.max(maxV, v);
            }
            double area = (maxU - minU) * (maxV - minV);
            if (area < bestArea) {
                bestArea = area;
                double cu = (minU + maxU) / 2;
                double cv = (minV + maxV) / 2;
                double cx = cu * cos - cv * sin;
                double cy = cu * sin + cv * cos;
                double width = maxU - minU;
                double height = maxV - minV;
                double turned = angle;
                // plates are read left to right, near level: the side nearest level is the width, even when it is the shorter
                // (a lone "9" or "C" of a motorcycle plate is taller than wide, and turning it would read it sideways)
                while (turned > Math.PI / 4) {
                    turned -= Math.PI / 2;
                    double t = width;
                    width = height;
                    height = t;
                }
                while (turned <= -Math.PI / 4) {
                    turned += Math.PI / 2;
                    double t = width;
                    width = height;
                    height = t;
                }
                best = new TextRegion(cx, cy, width, height, turned, score);
            }
        }
        return best;
    }

    /** Andrew's monotone chain. */
    private static List<double[]> hull(List<double[]> points) {
        var sorted = points.toArray(new double[0][]);
        Arrays.sort(sorted, (p, q) -> p[0] != q[0] ? Double.compare(p[0], q[0]) : Double.compare(p[1], q[1]));
        int n = sorted.length;
        var hull = new double[2 * n][];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], sorted[i]) <= 0) {
                k--;
            }
            hull[k++] = sorted[i];
        }
        for (int i = n - 2, t = k + 1; i >= 0; i--) {
            while (k >= t && cross(hull[k - 2], hull[k - 1], sorted[i]) <= 0) {
                k--;
            }
            hull[k++] = sorted[i];
        }
        return Arrays.asList(Arrays.copyOf(hull, Math.max(1, k - 1)));
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}
