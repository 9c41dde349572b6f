package org.safecity.vision.internal.faces;

import java.util.ArrayList;
import java.util.List;
import org.safecity.vision.internal.OnnxModel;
import org.safecity.vision.internal.Picture;
import org.safecity.vision.internal.Suppression;
import org.safecity.vision.internal.Suppression.Box;

/**
 * MediaPipe's BlazeFace (back camera, 256 × 256): faces and six keypoints each. The model sees a
 * square; a picture is looked at whole (padded to a square) for its large faces and, when its long
 * side is over {@value #TILE} pixels, again in overlapping squares of {@value #TILE} for the small
 * ones, which in a 1280 × 720 frame shrunk whole to 256 would be a few pixels wide.
 */
public final class BlazeFace {

    public static final String RESOURCE = "vision/models/face_detection_back_256x256_barracuda.onnx";
    private static final int SIZE = 256;
    /** Side of the squares a large picture is also looked at in; faces of about 20 to 130 pixels are found in them. */
    static final int TILE = 512;
    /** Squares overlap by a quarter, so a face up to 128 pixels lies whole in one of them. */
    private static final double OVERLAP = 0.25;
    private static final double MIN_SCORE = 0.75;
    private static final double NMS_OVERLAP = 0.3;

    private final OnnxModel model;
    private final float[][] anchors;

    public BlazeFace(OnnxModel model) {
        this.model = model;
        this.anchors = anchors();
    }

    /**
     * A face found: its box and six keypoints in picture pixels (right eye, left eye, nose tip,
     * mouth, right ear, left ear; right and left are the person's, so the right eye is on the
     * picture's left), and the model's score 0-1.
     */
    public record Detection(Box box, double[] keypoints, double score) {

        double eyeAngle() {
            return Math.atan2(keypoints[3] - keypoints[1], keypoints[2] - keypoints[0]);
        }
    }

    /** The faces in the picture, best first. */
    public List<Detection> detect(Picture picture) {
        List<Detection> found = new ArrayList<>();
        for (double[] square : squares(picture.width(), picture.height())) {
            found.addAll(detectIn(picture, square[0], square[1], square[2]));
        }
        return Suppression.keepBest(found, Detection::score, Detection::box, NMS_OVERLAP);
    }

    /**
     * One pass over the whole picture padded to a square, no tiles: small faces are missed (a
     * 40-pixel face in a 1280 × 720 frame is). What a detector without tiles would cost.
     */
    public List<Detection> detectWhole(Picture picture) {
        double[] whole = squares(picture.width(), picture.height()).getFirst();
        return Suppression.keepBest(detectIn(picture, whole[0], whole[1], whole[2]), Detection::score, Detection::box, NMS_OVERLAP);
    }

    /** The squares (x, y, side) looked at: the whole picture, then tiles when it is large. */
    public static List<double[]> squares(int width, int height) {
        List<double[]> squares = new ArrayList<>();
        int side = Math.max(width, height);
        squares.add(new double[] {(width - side) / 2.0, (height - side) / 2.0, side});
        if (side > TILE) {
            for (double y : starts(height)) {
                for (double x : starts(width)) {
                    squares.add(new double[] {x, y, TILE});
                }
            }
        }
        return squares;
    }

    /** Evenly spaced tile starts covering a length with at least the overlap between neighbours. */
    private static List<Double> starts(int length) {
        if (length <= TILE) {
            return List.of((length - TILE) / 2.0);
        }
        int count = (int) Math.ceil((length - TILE) / (TILE * (1 - OVERLAP))) + 1;
        double step = (double) (length - TILE) / (count - 1);
        List<Double> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starts.add(i * step);
        }
        return starts;
    }

    private List<Detection> detectIn(Picture picture, double x0, double y0, double side) {
        float[] input = picture.sample(Picture.Window.stretch(x0, y0, side, side, SIZE, SIZE), SIZE, SIZE, Picture.Layout.NHWC,
            1 / 127.5f, -1f);
        List<float[]> out = model.run("input:0", input, new long[] {1, SIZE, SIZE, 3},
            List.of("Identity:0", "Identity_1:0", "Identity_2:0", "Identity_3:0"));
        float[] scores = concat(out.get(0), out.get(1));
        float[] boxes = concat(out.get(2), out.get(3));
        double scale = side / SIZE;
        List<Detection> found = new ArrayList<>();
        for (int i = 0; i < anchors.length; i++) {
            double score = sigmoid(scores[i]);
            if (score < MIN_SCORE) {
                continue;
            }
            int r = i * 16;
            double cx = anchors[i][0] + boxes[r];
            double cy = anchors[i][1] + boxes[r + 1];
            double w = boxes[r + 2];
            double h = boxes[r + 3];
            var box = new Box(x0 + (cx - w / 2) * scale, y0 + (cy - h / 2) * scale, x0 + (cx + w / 2) * scale,
                y0 + (cy + h / 2) * scale);
            double[] keypoints = new double[12];
            for (int k = 0; k < 6; k++) {
                keypoints[2 * k] = x0 + (anchors[i][0] + boxes[r + 4 + 2 * k]) * scale;
                keypoints[2 * k + 1] = y0 + (anchors[i][1] + boxes[r + 5 + 2 * k]) * scale;
            }
            found.add(new Detection(box, keypoints, score));
        }
        return found;
    }

    /** Anchor centres in input pixels: a 16 × 16 grid with 2 anchors a cell, then 8 × 8 with 6, in the model's output order. */
    private static float[][] anchors() {
        float[][] anchors = new float[16 * 16 * 2 + 8 * 8 * 6][];
        int i = 0;
        for (int[] level : new int[][] {{16, 2}, {8, 6}}) {
            int grid = level[0];
            for (int y = 0; y < grid; y++) {
                for (int x = 0; x < grid; x++) {
                    for (int a = 0; a < level[1]; a++) {
                        anchors[i++] = new float[] {(x + 0.5f) / grid * SIZE, (y + 0.5f) / grid * SIZE};
                    }
                }
            }
        }
        return anchors;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] all = new float[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static double sigmoid(float x) {
        return 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, x))));
    }
}
