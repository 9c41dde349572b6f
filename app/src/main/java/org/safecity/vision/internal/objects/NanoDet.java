package org.safecity.vision.internal.objects;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.safecity.vision.internal.ObjectFinder;
import org.safecity.vision.internal.OnnxModel;
import org.safecity.vision.internal.Picture;
import org.safecity.vision.internal.PixelBox;
import org.safecity.vision.internal.Suppression;
import org.safecity.vision.internal.Suppression.Box;

/**
 * NanoDet-m (COCO's 80 classes), converted to ONNX, keeping the six that are people and vehicles.
 * The picture is stretched to 416 × 416. Three levels (strides 8, 16, 32) answer, per cell, a
 * score per class (sigmoid applied in the model) and, per side of the box, a distribution over 11
 * distances in strides; the side's distance is the distribution's mean.
 */
public final class NanoDet implements ObjectFinder {

    public static final String RESOURCE = "vision/models/nanodet.onnx";
    private static final int SIZE = 416;
    private static final int[] STRIDES = {8, 16, 32};
    private static final List<String> SCORES = List.of("Identity", "Identity_1", "Identity_2");
    private static final List<String> BOXES = List.of("Identity_3", "Identity_4", "Identity_5");
    private static final int CLASSES = 80;
    private static final int BINS = 11;
    /** NanoDet-m scores real street objects low (0.2-0.6); the Human library keeps the same floor. */
    static final double MIN_SCORE = 0.2;
    private static final double NMS_OVERLAP = 0.5;

    /** COCO class number for each kept class. */
    private static final int[] COCO = new int[ObjectClass.values().length];

    static {
        COCO[ObjectClass.PERSON.ordinal()] = 0;
        COCO[ObjectClass.BICYCLE.ordinal()] = 1;
        COCO[ObjectClass.CAR.ordinal()] = 2;
        COCO[ObjectClass.MOTORCYCLE.ordinal()] = 3;
        COCO[ObjectClass.BUS.ordinal()] = 5;
        COCO[ObjectClass.TRUCK.ordinal()] = 7;
    }

    private final OnnxModel model;

    public NanoDet(OnnxModel model) {
        this.model = model;
    }

    private record Candidate(ObjectClass objectClass, double score, Box box) {
    }

    @Override
    public List<FoundObject> find(BufferedImage image) {
        var picture = Picture.of(image);
        float[] input = picture.sample(Picture.Window.stretch(0, 0, picture.width(), picture.height(), SIZE, SIZE), SIZE, SIZE,
            Picture.Layout.NCHW, 1 / 255f, 0f);
        var names = new ArrayList<String>(SCORES);
        names.addAll(BOXES);
        List<float[]> out = model.run("input_1", input, new long[] {1, 3, SIZE, SIZE}, names);
        double sx = (double) picture.width() / SIZE;
        double sy = (double) picture.height() / SIZE;
        List<Candidate> candidates = new ArrayList<>();
        for (int level = 0; level < STRIDES.length; level++) {
            int stride = STRIDES[level];
            int grid = SIZE / stride;
            float[] scores = out.get(level);
            float[] boxes = out.get(3 + level);
            for (int cell = 0; cell < grid * grid; cell++) {
                for (ObjectClass objectClass : ObjectClass.values()) {
                    double score = scores[cell * CLASSES + COCO[objectClass.ordinal()]];
                    if (score < MIN_SCORE) {
                        continue;
                    }
                    double cx = (cell % grid + 0.5) * stride;
                    double cy = (cell / grid + 0.5) * stride;
                    int at = cell * 4 * BINS;
                    double left = distance(boxes, at) * stride;
                    double top = distance(boxes, at + BINS) * stride;
                    double right = distance(boxes, at + 2 * BINS) * stride;
                    double bottom = distance(boxes, at + 3 * BINS) * stride;
                    candidates.add(new Candidate(objectClass, score,
                        new Box((cx - left) * sx, (cy - top) * sy, (cx + right) * sx, (cy + bottom) * sy)));
                }
            }
        }
        // one suppression over all classes: a thing is one thing, not a bus and a truck on the same pixels
        List<Candidate> kept = Suppression.keepBest(candidates, Candidate::score, Candidate::box, NMS_OVERLAP);
        List<FoundObject> found = new ArrayList<>();
        for (Candidate c : kept) {
            PixelBox box = c.box().toPixels(picture.width(), picture.height());
            if (box != null) {
                found.add(new FoundObject(c.objectClass(), c.score(), box));
            }
        }
        return found;
    }

    /** The mean of a softmax over 11 bins: the distance to one side, in strides. */
    private static double distance(float[] v, int at) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < BINS; i++) {
            max = Math.max(max, v[at + i]);
        }
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < BINS; i++) {
            double e = Math.exp(v[at + i] - max);
            sum += e;
            weighted += e * i;
        }
        return weighted / sum;
    }
}
