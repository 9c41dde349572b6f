package org.safecity.vision.internal.plates;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the text of found regions with the PP-OCR recogniser, all regions of a picture in one run.
 * Each region is cut out of the picture at its full resolution and turned level, 48 pixels high.
 * The recogniser knows 6,623 characters; plates use 38 (A-Z, 0-9, dash, space), so each step
 * chooses among those, a lower-case letter counting for its capital, and anything else is a gap.
 */
final class TextRecogniser {

    static final int HEIGHT = 48;
    private static final int SMALLEST_WIDTH = 320;
    private static final int LARGEST_WIDTH = 1600;
    private static final String SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789- ";

    /**
     * How much more a symbol counts than its probability when a step's symbol is chosen (the probability itself is what a
     * line's confidence reports). The recogniser learnt from text in which Q and J are among the rarest letters, and reads a
     * Q whose tail is faint as O, a J as I or L; a plate's letters are a series code, in which they are no rarer than
     * others. Of the weights tried on the labelled scenes (2, 3, 5, 10), three mended most such reads and lost no plate read
     * right before; more would be fitted to those scenes, which hold more Q than O (docs/BENCHMARKS.md).
     */
    private static final float[] WEIGHT = new float[SYMBOLS.length()];

    static {
        java.util.Arrays.fill(WEIGHT, 1f);
        WEIGHT[SYMBOLS.indexOf('Q')] = 3f;
        WEIGHT[SYMBOLS.indexOf('J')] = 3f;
    }

    private final OrtSession session;
    /** For each symbol, the recogniser's classes that mean it. */
    private final int[][] classes;

    TextRecogniser(OrtSession session, List<String> keys) {
        this.session = session;
        var found = new ArrayList<List<Integer>>();
        for (int s = 0; s < SYMBOLS.length(); s++) {
            found.add(new ArrayList<>());
        }
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (key.length() == 1) {
                int s = SYMBOLS.indexOf(Character.toUpperCase(key.charAt(0)));
                if (s >= 0 && key.charAt(0) != ' ') {
                    found.get(s).add(i + 1);
                }
            }
        }
        found.get(SYMBOLS.indexOf(' ')).add(keys.size() + 1); // the class after the keys is a space
        classes = found.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** A line as read: its text (symbols of {@link #SYMBOLS}, gaps as spaces) and the mean probability of its characters. */
    record Line(String text, double confidence, TextRegion region) {
    }

    /** The regions' lines, in the regions' order. Regions of like widths share a run, so a short one is not padded to a long one. */
    List<Line> read(Picture picture, List<TextRegion> regions) {
        var order = new ArrayList<Integer>();
        int[] widths = new int[regions.size()];
        for (int i = 0; i < regions.size(); i++) {
            var r = regions.get(i);
            widths[i] = (int) Math.min(LARGEST_WIDTH, Math.max(8, Math.ceil(HEIGHT * r.width() / Math.max(1, r.height()))));
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(widths[a], widths[b]));
        var lines = new Line[regions.size()];
        int from = 0;
        while (from < order.size()) {
            int limit = Math.max(SMALLEST_WIDTH, 2 * widths[order.get(from)]);
            int to = from;
            while (to < order.size() && widths[order.get(to)] <= limit) {
                to++;
            }
            var group = order.subList(from, to);
            var read = readTogether(picture, group.stream().map(regions::get).toList(), group.stream().mapToInt(i -> widths[i]).toArray());
            for (int k = 0; k < group.size(); k++) {
                lines[group.get(k)] = read.get(k);
            }
            from = to;
        }
        return List.of(lines);
    }

    private List<Line> readTogether(Picture picture, List<TextRegion> regions, int[] widths) {
        int batchWidth = SMALLEST_WIDTH;
        for (int width : widths) {
            batchWidth = Math.max(batchWidth, width);
        }
        int n = regions.size();
        int plane = HEIGHT * batchWidth;
        float[] input = new float[n * 3 * plane];
        for (int i = 0; i < n; i++) {
            picture.cut(regions.get(i), widths[i], HEIGHT, input, i * 3 * plane, batchWidth);
        }
        float[] out;
        int steps;
        int width;
        try (var tensor = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(input), new long[] {n, 3, HEIGHT, batchWidth});
             var result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            var output = (OnnxTensor) result.get(0);
            long[] shape = output.getInfo().getShape();
            steps = (int) shape[1];
            width = (int) shape[2];
            FloatBuffer buffer = output.getFloatBuffer();
            out = new float[buffer.remaining()];
            buffer.get(out);
        } catch (OrtException e) {
            throw new IllegalStateException("the text recogniser failed", e);
        }
        var lines = new ArrayList<Line>(n);
        for (int i = 0; i < n; i++) {
            // steps beyond the region's own width read the padding
            int used = Math.min(steps, (int) Math.ceil(steps * (widths[i] + 8) / (double) batchWidth));
            lines.add(decode(out, i * steps * width, used, width, regions.get(i)));
        }
        return lines;
    }

    /** Greedy CTC over the plate symbols: the likeliest of blank, each symbol (as weighted) and "something else" per step. */
    Line decode(float[] out, int offset, int steps, int width, TextRegion region) {
        var text = new StringBuilder();
        double sum = 0;
        int counted = 0;
        int previous = -1;
        for (int t = 0; t < steps; t++) {
            int base = offset + t * width;
            float blank = out[base];
            float known = blank;
            int best = -1;
            float bestP = blank;
            float bestWeighted = blank;
            for (int s = 0; s < classes.length; s++) {
                float p = 0;
                for (int c : classes[s]) {
                    p += out[base + c];
                }
                known += p;
                if (p * WEIGHT[s] > bestWeighted) {
                    bestWeighted = p * WEIGHT[s];
                    bestP = p;
                    best = s;
                }
            }
            float other = 1 - known;
            if (other > bestP) {
                best = SYMBOLS.indexOf(' ');
                bestP = other;
            }
            if (best >= 0 && best != previous) {
                char c = SYMBOLS.charAt(best);
                text.append(c);
                if (c != ' ' && c != '-') {
                    sum += bestP;
                    counted++;
                }
            }
            previous = best;
        }
        return new Line(text.toString().strip().replaceAll(" {2,}", " "), counted == 0 ? 0 : sum / counted, region);
    }
}
