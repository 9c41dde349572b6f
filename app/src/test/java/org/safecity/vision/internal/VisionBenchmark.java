package org.safecity.vision.internal;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;
import org.safecity.vision.internal.faces.BlazeFace;
import org.safecity.vision.internal.faces.FaceRes;
import org.safecity.vision.internal.objects.NanoDet;

/**
 * Times the vision models on 1280 × 720 frames with one core a run, as a camera's frames are
 * analysed: face detection (the whole frame plus its tiles), the embedding of each face found,
 * and people and vehicle detection. The baseline, measured in the same run, is one BlazeFace pass
 * over the whole frame alone, which is what a detector without tiles would cost.
 *
 * <pre>
 * mvn -q -B -pl app -am install -DskipTests && mvn -q -B -pl app test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.safecity.vision.internal.VisionBenchmark -Dexec.args="--runs 50"
 * </pre>
 */
public final class VisionBenchmark {

    public static void main(String[] args) {
        var values = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int runs = Integer.parseInt(values.getOrDefault("runs", "50"));
        int warmup = Integer.parseInt(values.getOrDefault("warmup", "10"));

        // the street scene filling the frame, with the astronaut's portrait at three sizes: faces of about 40, 60 and 100 pixels
        BufferedImage frame = Pictures.frameWith(Pictures.read("street-bus.jpg"), 1280.0 / 546, 0, -120);
        var portrait = Pictures.read("astronaut.jpg");
        var g = frame.createGraphics();
        int[][] placed = {{60, 60, 205}, {400, 40, 300}, {800, 60, 500}};
        for (int[] p : placed) {
            g.drawImage(portrait.getScaledInstance(p[2], p[2], java.awt.Image.SCALE_AREA_AVERAGING), p[0], p[1], null);
        }
        g.dispose();

        try (var blazeFaceModel = OnnxModel.load(BlazeFace.RESOURCE, 1);
             var faceResModel = OnnxModel.load(FaceRes.RESOURCE, 1);
             var nanoDetModel = OnnxModel.load(NanoDet.RESOURCE, 1)) {
            var detector = new BlazeFace(blazeFaceModel);
            var embedder = new FaceRes(faceResModel);
            var objects = new NanoDet(nanoDetModel);
            var picture = Picture.of(frame);
            var faces = detector.detect(picture);
            System.out.printf("frame 1280x720: %d faces, %d people and vehicles (%s)%n", faces.size(), objects.find(frame).size(),
                objects.find(frame).stream().map(o -> o.objectClass().name().toLowerCase()).toList());

            float[] input = new float[256 * 256 * 3];
            var modelOnly = time(runs, warmup, () -> blazeFaceModel.run("input:0", input, new long[] {1, 256, 256, 3},
                List.of("Identity:0", "Identity_1:0", "Identity_2:0", "Identity_3:0")));
            var baseline = time(runs, warmup, () -> detector.detectWhole(picture));
            var detection = time(runs, warmup, () -> detector.detect(Picture.of(frame)));
            var embedding = time(runs, warmup, () -> embedder.embed(picture, faces.getFirst()));
            var people = time(runs, warmup, () -> objects.find(frame));
            var all = time(runs, warmup, () -> {
                var p = Picture.of(frame);
                var found = detector.detect(p);
                found.forEach(f -> embedder.embed(p, f));
                return objects.find(frame);
            });
            System.out.printf("%-58s %8s %8s%n", "ms, one core", "median", "p90");
            print("the BlazeFace model alone, one 256 x 256 input", modelOnly);
            print("baseline: one BlazeFace pass over the whole frame", baseline);
            print("face detection (whole frame + " + (BlazeFace.squares(1280, 720).size() - 1) + " tiles)", detection);
            print("embedding, one face (FaceRes 1024)", embedding);
            print("people and vehicles (NanoDet-m)", people);
            print("all of it on this frame (" + faces.size() + " faces embedded)", all);
            System.out.printf("face detection / baseline: %.2f%n", median(detection) / median(baseline));
        }
    }

    private static double[] time(int runs, int warmup, Supplier<?> work) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static void print(String what, double[] sorted) {
        System.out.printf("%-58s %8.1f %8.1f%n", what, median(sorted), sorted[(int) Math.ceil(sorted.length * 0.9) - 1]);
    }
}
