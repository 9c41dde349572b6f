package org.safecity.vision.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * One ONNX model shipped in the application's resources, loaded into an ONNX Runtime session.
 * A run is thread-safe. Each run uses {@code threads} cores: frames of many cameras run side by
 * side, so one core a run is what makes the most frames a second.
 */
public final class OnnxModel implements AutoCloseable {

    private final String name;
    private final OrtEnvironment environment;
    private final OrtSession session;

    private OnnxModel(String name, OrtEnvironment environment, OrtSession session) {
        this.name = name;
        this.environment = environment;
        this.session = session;
    }

    /** Loads {@code resource} from the class path; a missing or unreadable model stops start-up, never a request. */
    public static OnnxModel load(String resource, int threads) {
        byte[] bytes;
        try (InputStream in = OnnxModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the model " + resource + " is not on the class path");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model " + resource, e);
        }
        try {
            var environment = OrtEnvironment.getEnvironment();
            var options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new OnnxModel(resource, environment, environment.createSession(bytes, options));
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the model " + resource, e);
        }
    }

    /** Runs the model on one input tensor and answers the named outputs, flattened, in the order asked. */
    public List<float[]> run(String input, float[] data, long[] shape, List<String> outputs) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(data), shape);
             OrtSession.Result result = session.run(Map.of(input, tensor), new HashSet<>(outputs))) {
            Map<String, float[]> byName = new HashMap<>();
            for (var entry : result) {
                byName.put(entry.getKey(), ((OnnxTensor) entry.getValue()).getFloatBuffer().array());
            }
            return outputs.stream().map(byName::get).toList();
        } catch (OrtException e) {
            throw new IllegalStateException("the model " + name + " failed on an input of shape " + Arrays.toString(shape), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the model " + name, e);
        }
    }
}
