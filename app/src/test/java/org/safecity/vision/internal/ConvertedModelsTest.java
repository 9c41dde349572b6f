package org.safecity.vision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.vision.internal.faces.FaceRes;
import org.safecity.vision.internal.objects.NanoDet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ONNX files made by tools/vision/convert_tfjs.py answer what their TF.js originals answer:
 * the references were computed by tools/vision/run_tfjs.js running the original models in TF.js
 * 4.22.0 on the same synthetic picture.
 */
class ConvertedModelsTest {

    /** value(x, y, c) = (x · 31 + y · 17 + c · 101) mod 256, the picture run_tfjs.js makes. */
    private static float value(int x, int y, int c) {
        return (x * 31 + y * 17 + c * 101) % 256;
    }

    private static JsonNode reference(String name) {
        return JsonMapper.builder().build().readTree(new String(Pictures.bytes(name + "-tfjs-reference.json"),
            java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void assertSame(String output, float[] actual, JsonNode expected) {
        assertThat(actual).as(output + " size").hasSize(expected.get("count").asInt());
        JsonNode head = expected.get("head");
        for (int i = 0; i < head.size(); i++) {
            assertThat((double) actual[i]).as(output + "[" + i + "]").isCloseTo(head.get(i).asDouble(), within(1e-4));
        }
        double sum = 0;
        double absSum = 0;
        for (float v : actual) {
            sum += v;
            absSum += Math.abs(v);
        }
        double tolerance = 1e-5 * expected.get("absSum").asDouble() + 1e-3;
        assertThat(absSum).as(output + " sum of magnitudes").isCloseTo(expected.get("absSum").asDouble(), within(tolerance));
        assertThat(sum).as(output + " sum").isCloseTo(expected.get("sum").asDouble(), within(tolerance));
    }

    /** Runs the shipped model on the synthetic picture and compares each output with the TF.js original's. */
    private static void assertConvertedAnswersAsOriginal(String resource, String reference, int size, boolean nchw, float divisor,
                                                         List<String> outputs) {
        float[] input = new float[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int c = 0; c < 3; c++) {
                    input[nchw ? (c * size + y) * size + x : (y * size + x) * 3 + c] = value(x, y, c) / divisor;
                }
            }
        }
        long[] shape = nchw ? new long[] {1, 3, size, size} : new long[] {1, size, size, 3};
        try (var model = OnnxModel.load(resource, 1)) {
            var actual = model.run("input_1", input, shape, outputs);
            var expected = reference(reference);
            for (int i = 0; i < outputs.size(); i++) {
                assertSame(outputs.get(i), actual.get(i), expected.get(outputs.get(i)));
            }
        }
    }

    @Test
    void faceres_converted_answers_what_the_tfjs_original_answers() {
        assertConvertedAnswersAsOriginal(FaceRes.RESOURCE, "faceres", 224, false, 1f,
            List.of("global_pooling/Mean", "age_pred/Softmax", "gender_pred/Sigmoid"));
    }

    @Test
    void nanodet_converted_answers_what_the_tfjs_original_answers() {
        assertConvertedAnswersAsOriginal(NanoDet.RESOURCE, "nanodet", 416, true, 255f,
            List.of("Identity", "Identity_1", "Identity_2", "Identity_3", "Identity_4", "Identity_5"));
    }
}
