package org.safecity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safecity.shared.TextPolicy.Kind;

class TextPolicyTest {

    @Test
    void ordinary_text_in_any_script_is_accepted() {
        assertThat(TextPolicy.refusal("Gul Khan, Saddar Road", Kind.NAME)).isEmpty();
        assertThat(TextPolicy.refusal("پشاور صدر روڈ", Kind.NAME)).isEmpty();
        assertThat(TextPolicy.refusal("a car 🚗 on the road", Kind.FREE_TEXT)).isEmpty();
        assertThat(TextPolicy.refusal("first line\nsecond line\twith a tab", Kind.FREE_TEXT)).isEmpty();
        assertThat(TextPolicy.refusal("mark\u200Fin Urdu", Kind.NAME)).isEmpty();
    }

    @Test
    void nul_and_other_control_characters_are_refused() {
        assertThat(TextPolicy.refusal("a\u0000b", Kind.FREE_TEXT)).hasValueSatisfying(r -> assertThat(r).contains("NUL"));
        assertThat(TextPolicy.refusal("bell\u0007", Kind.FREE_TEXT)).hasValueSatisfying(r -> assertThat(r).contains("U+0007"));
        assertThat(TextPolicy.refusal("c1\u0085", Kind.FREE_TEXT)).hasValueSatisfying(r -> assertThat(r).contains("U+0085"));
    }

    @Test
    void names_and_identifiers_are_one_line() {
        assertThat(TextPolicy.refusal("two\nlines", Kind.NAME)).hasValueSatisfying(r -> assertThat(r).contains("one line"));
        assertThat(TextPolicy.refusal("tab\there", Kind.IDENTIFIER)).isPresent();
    }

    @Test
    void an_unpaired_surrogate_is_refused_at_either_end() {
        assertThat(TextPolicy.refusal("x\uD800", Kind.FREE_TEXT)).hasValueSatisfying(r -> assertThat(r).contains("surrogate"));
        assertThat(TextPolicy.refusal("\uDC00x", Kind.FREE_TEXT)).hasValueSatisfying(r -> assertThat(r).contains("surrogate"));
    }

    @Test
    void bidirectional_overrides_embeddings_and_isolates_are_refused() {
        for (char c : new char[] {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'}) {
            assertThat(TextPolicy.refusal("invoice" + c + "fdp.exe", Kind.NAME)).as("U+%04X", (int) c)
                .hasValueSatisfying(r -> assertThat(r).contains("bidirectional"));
        }
    }

    @Test
    void each_kind_has_its_maximum_length() {
        assertThat(TextPolicy.refusal("x".repeat(Kind.IDENTIFIER.maxLength()), Kind.IDENTIFIER)).isEmpty();
        assertThat(TextPolicy.refusal("x".repeat(Kind.IDENTIFIER.maxLength() + 1), Kind.IDENTIFIER)).isPresent();
        assertThat(TextPolicy.refusal("x".repeat(Kind.NAME.maxLength() + 1), Kind.NAME)).isPresent();
        assertThat(TextPolicy.refusal("x".repeat(Kind.FREE_TEXT.maxLength() + 1), Kind.FREE_TEXT))
            .hasValueSatisfying(r -> assertThat(r).contains("too long"));
    }

    @Test
    void a_field_s_kind_is_read_from_its_name() {
        assertThat(TextPolicy.kindOf("cameraId")).isEqualTo(Kind.IDENTIFIER);
        assertThat(TextPolicy.kindOf("firNumber")).isEqualTo(Kind.IDENTIFIER);
        assertThat(TextPolicy.kindOf("displayName")).isEqualTo(Kind.NAME);
        assertThat(TextPolicy.kindOf("name")).isEqualTo(Kind.NAME);
        assertThat(TextPolicy.kindOf("statement")).isEqualTo(Kind.FREE_TEXT);
        assertThat(TextPolicy.kindOf("password")).isEqualTo(Kind.FREE_TEXT);
        assertThat(TextPolicy.kindOf("details")).isEqualTo(Kind.DETAILS);
    }

    @Test
    void a_purpose_must_say_why_in_words() {
        assertThat(TextPolicy.purposeRefusal(".")).isPresent();
        assertThat(TextPolicy.purposeRefusal("12/2026")).isPresent();
        assertThat(TextPolicy.purposeRefusal("   ")).isPresent();
        assertThat(TextPolicy.purposeRefusal("FIR 12/2026 theft")).isEmpty();
    }
}
