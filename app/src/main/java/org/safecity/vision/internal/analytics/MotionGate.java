package org.safecity.vision.internal.analytics;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Decides whether a frame is worth showing to the models: the frame, reduced to a small grey picture
 * (block averages), is compared with a running background; when more than {@code minShare} of its
 * cells differ by more than {@code threshold} grey levels, something moves. The background follows
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

    /** Whether the frame differs enough from the background; the first frame always passes. Updates the background. */
    boolean moving(BufferedImage frame) {
        float[] cells = cells(frame);
        if (background == null) {
            background = cells;
            return true;
        }
        int changed = 0;
        for (int i = 0; i < cells.length; i++) {
            if (Math.abs(cells[i] - background[i]) > threshold) {
                changed++;
            }
            background[i] += (float) ((cells[i] - background[i]) * learning);
        }
        return changed > minShare * cells.length;
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
