package org.safecity.vision.internal.plates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the recogniser's output, a probability for each of its classes at each step, becomes a line's text. The classes
 * here are a few keys of the recogniser's own kind: blank first, then the keys, then a space.
 */
class TextRecogniserTest {

    private static final List<String> KEYS = List.of("T", "O", "Q", "I", "J", "L", "8", "一");
    private static final TextRecogniser RECOGNISER = new TextRecogniser(null, KEYS);
    private static final int CLASSES = KEYS.size() + 2;
    private static final TextRegion REGION = new TextRegion(100, 100, 120, 40, 0, 0.9);

    @Test
    void each_step_reads_its_likeliest_symbol_and_repeats_and_blanks_between_are_one() {
        var line = decode(step("T", 0.9f), step("T", 0.8f), blank(), step("O", 0.9f), blank(), step("8", 0.95f), step("8", 0.9f));

        assertThat(line.text()).isEqualTo("TO8");
        assertThat(line.confidence()).isCloseTo((0.9 + 0.9 + 0.95) / 3, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void a_q_or_a_j_nearly_as_likely_as_the_letter_it_is_taken_for_is_read_as_itself() {
        // a Q whose tail is faint: O 0.52, Q 0.46; a J read nearly as I
        var line = decode(step("T", 0.99f), blank(), two("O", 0.52f, "Q", 0.46f), blank(), two("I", 0.55f, "J", 0.40f));

        assertThat(line.text()).isEqualTo("TQJ");
        assertThat(line.confidence()).as("the probabilities as the recogniser gave them").isCloseTo((0.99 + 0.46 + 0.40) / 3,
            org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void an_o_or_an_i_the_recogniser_is_sure_of_stays_so() {
        var line = decode(two("O", 0.8f, "Q", 0.2f), blank(), two("I", 0.85f, "J", 0.15f), blank(), two("L", 0.9f, "J", 0.1f));

        assertThat(line.text()).isEqualTo("OIL");
    }

    @Test
    void a_character_plates_do_not_use_is_a_gap_and_lower_case_counts_as_capital() {
        var lower = new TextRecogniser(null, List.of("o", "Q", "一"));
        int classes = 5; // blank, the three keys, a space
        float[] steps = new float[3 * classes];
        steps[1] = 0.9f; // "o"
        steps[classes + 3] = 0.9f; // "一"
        steps[2 * classes + 2] = 0.9f; // "Q"

        assertThat(lower.decode(steps, 0, 3, classes, REGION).text()).isEqualTo("O Q");
    }

    private static TextRecogniser.Line decode(float[]... steps) {
        float[] out = new float[steps.length * CLASSES];
        for (int t = 0; t < steps.length; t++) {
            System.arraycopy(steps[t], 0, out, t * CLASSES, CLASSES);
        }
        return RECOGNISER.decode(out, 0, steps.length, CLASSES, REGION);
    }

    private static float[] blank() {
        float[] p = new float[CLASSES];
        p[0] = 1f;
        return p;
    }

    private static float[] step(String key, float probability) {
        float[] p = new float[CLASSES];
        p[KEYS.indexOf(key) + 1] = probability;
        p[0] = 1f - probability;
        return p;
    }

    private static float[] two(String first, float p1, String second, float p2) {
        float[] p = new float[CLASSES];
        p[KEYS.indexOf(first) + 1] = p1;
        p[KEYS.indexOf(second) + 1] = p2;
        p[0] = 1f - p1 - p2;
        return p;
    }
}
