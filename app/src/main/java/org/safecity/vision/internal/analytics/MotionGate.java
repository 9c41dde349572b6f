package org.safecity.vision.internal.analytics;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import org.safecity.vision.internal.PixelBox;

/**
 * Decides whether a frame is worth showing to the models, and where in it: the frame, reduced to a small grey picture
 * (block averages), is compared with a running background; when more than {@code minShare} of its
 * cells differ by more than {@code threshold} grey levels, something moves, and the changed cells, in touching groups,
 * are where. The background follows
 * slow changes (light, shadows) by blending in each frame. Costs a pass over the frame's bytes and
 * a few thousand cells: nothing against a model's tens of milliseconds.
 */
final class MotionGate {

    static final int COLUMNS = 64;
    static final int ROWS = 36;

    private final int threshold;
    private final double minShare;
    private final double learning;
    private float[] background;

    /**
     * @param threshold grey levels (0-255) a cell must differ by to count as changed
     * @param minShare share of cells (0-1) that must change for the frame to pass
     * @param learning how much of each frame the background takes in (0-1)
     */
    MotionGate(int threshold, double minShare, double learning) {
        this.threshold = threshold;
        this.minShare = minShare;
        this.learning = learning;
    }

    /**
     * What moves in a frame: nothing, the whole frame, or parts of it, in the frame's pixels.
     *
     * @param parts where it moves, each a group of touching changed cells with a cell's margin around it (overlapping ones
     *              joined); the whole frame when they cover most of it. Empty when the frame does not move enough.
     */
    record Movement(List<PixelBox> parts) {

        boolean moving() {
            return !parts.isEmpty();
        }
    }

    /** Beyond this share of the frame, the moving parts are taken as the whole frame: looking at them one by one would cost more. */
    private static final double MOSTLY = 0.5;

    /** What moves in the frame against the background; the first frame moves as a whole. Updates the background. */
    Movement look(BufferedImage frame) {
        float[] cells = cells(frame);
        var whole = List.of(new PixelBox(0, 0, frame.getWidth(), frame.getHeight()));
        if (background == null) {
            background = cells;
            return new Movement(whole);
        }
        boolean[] changed = new boolean[cells.length];
        int count = 0;
        for (int i = 0; i < cells.length; i++) {
            if (Math.abs(cells[i] - background[i]) > threshold) {
                changed[i] = true;
                count++;
            }
            background[i] += (float) ((cells[i] - background[i]) * learning);
        }
        if (count <= minShare * cells.length) {
            return new Movement(List.of());
        }
        var parts = parts(changed, frame.getWidth(), frame.getHeight());
        double area = parts.stream().mapToDouble(PixelBox::area).sum();
        return new Movement(area > MOSTLY * frame.getWidth() * frame.getHeight() ? whole : parts);
    }

    /** The groups of touching changed cells (diagonals touch), each as the frame's pixels under it and one cell around. */
    private static List<PixelBox> parts(boolean[] changed, int width, int height) {
        var groups = new ArrayList<PixelBox>();
        boolean[] seen = new boolean[changed.length];
        int[] queue = new int[changed.length];
        for (int start = 0; start < changed.length; start++) {
            if (!changed[start] || seen[start]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            int[] box = {COLUMNS, ROWS, -1, -1}; // cells: first column, first row, last column, last row
            while (head < tail) {
                int cell = queue[head++];
                int cx = cell % COLUMNS;
                int cy = cell / COLUMNS;
                box[0] = Math.min(box[0], cx);
                box[1] = Math.min(box[1], cy);
                box[2] = Math.max(box[2], cx);
                box[3] = Math.max(box[3], cy);
                for (int ny = Math.max(0, cy - 1); ny <= Math.min(ROWS - 1, cy + 1); ny++) {
                    for (int nx = Math.max(0, cx - 1); nx <= Math.min(COLUMNS - 1, cx + 1); nx++) {
                        int next = ny * COLUMNS + nx;
                        if (changed[next] && !seen[next]) {
                            seen[next] = true;
                            queue[tail++] = next;
                        }
                    }
                }
            }
            // a cell covers the pixels cells() averages into it (x * COLUMNS / width == column); one cell more around
            int x0 = (int) Math.ceil(Math.max(0, box[0] - 1) * (double) width / COLUMNS);
            int y0 = (int) Math.ceil(Math.max(0, box[1] - 1) * (double) height / ROWS);
            int x1 = Math.min(width, (int) Math.ceil(Math.min(COLUMNS, box[2] + 2) * (double) width / COLUMNS));
            int y1 = Math.min(height, (int) Math.ceil(Math.min(ROWS, box[3] + 2) * (double) height / ROWS));
            groups.add(new PixelBox(x0, y0, x1 - x0, y1 - y0));
        }
        return PixelBox.joined(groups); // groups whose margins overlap are one part
    }

    /** Block-averaged grey levels of a BGR frame (any other layout is read pixel by pixel, slower). */
    static float[] cells(BufferedImage frame) {
        int width = frame.getWidth();
        int height = frame.getHeight();
        float[] sums = new float[COLUMNS * ROWS];
        int[] counts = new int[COLUMNS * ROWS];
        int[] cellOfX = new int[width];
        for (int x = 0; x < width; x++) {
            cellOfX[x] = x * COLUMNS / width;
        }
        // every second row and column: plenty for a motion test, a quarter of the work
        if (frame.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] bgr = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < height; y += 2) {
                int rowCell = (y * ROWS / height) * COLUMNS;
                int offset = y * width * 3;
                for (int x = 0; x < width; x += 2) {
                    int i = offset + x * 3;
                    int grey = ((bgr[i] & 0xFF) * 29 + (bgr[i + 1] & 0xFF) * 150 + (bgr[i + 2] & 0xFF) * 77) >> 8;
                    int cell = rowCell + cellOfX[x];
                    sums[cell] += grey;
                    counts[cell]++;
                }
            }
        } else {
            for (int y = 0; y < height; y += 2) {
                int rowCell = (y * ROWS / height) * COLUMNS;
                for (int x = 0; x < width; x += 2) {
                    int rgb = frame.getRGB(x, y);
                    int grey = (((rgb >> 16) & 0xFF) * 77 + ((rgb >> 8) & 0xFF) * 150 + (rgb & 0xFF) * 29) >> 8;
                    int cell = rowCell + cellOfX[x];
                    sums[cell] += grey;
                    counts[cell]++;
                }
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] = counts[i] == 0 ? 0 : sums[i] / counts[i];
        }
        return sums;
    }
}
