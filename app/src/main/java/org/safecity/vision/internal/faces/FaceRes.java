package org.safecity.vision.internal.faces;

import java.util.List;
import org.safecity.vision.internal.OnnxModel;
import org.safecity.vision.internal.Picture;

/**
 * FaceRes, the face description model of the Human library, converted to ONNX: a 224 × 224 face
 * in, a 1,024-number description out. The face is cut as BlazeFace's box with a tenth more on
 * every side and turned so the eyes are level, which is the alignment the model gives the same
 * answer for a person whether the head is upright or tilted.
 */
public final class FaceRes implements FaceEmbedder {

    public static final String RESOURCE = "vision/models/faceres.onnx";
    public static final String MODEL = "faceres-1024";
    private static final int SIZE = 224;
    private static final double MARGIN = 0.1;

    private final OnnxModel model;

    public FaceRes(OnnxModel model) {
        this.model = model;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimensions() {
        return 1024;
    }

    @Override
    public float[] embed(Picture picture, BlazeFace.Detection face) {
        var box = face.box();
        double side = Math.max(box.x2() - box.x1(), box.y2() - box.y1()) * (1 + 2 * MARGIN);
        var window = Picture.Window.turned((box.x1() + box.x2()) / 2, (box.y1() + box.y2()) / 2, side, face.eyeAngle(), SIZE);
        float[] input = picture.sample(window, SIZE, SIZE, Picture.Layout.NHWC, 1f, 0f);
        return unit(model.run("input_1", input, new long[] {1, SIZE, SIZE, 3}, List.of("global_pooling/Mean")).getFirst());
    }

    static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double norm = Math.sqrt(sum);
        float[] unit = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            unit[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return unit;
    }
}
