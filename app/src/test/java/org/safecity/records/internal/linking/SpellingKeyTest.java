package org.safecity.records.internal.linking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpellingKeyTest {

    @Test
    void the_spellings_of_muhammad_meet() {
        assertThat(SpellingKey.whole("Muhammad")).isEqualTo(SpellingKey.whole("Mohammad")).isEqualTo(SpellingKey.whole("Muhammed"))
            .isEqualTo(SpellingKey.whole("MOHAMMED")).isEqualTo(SpellingKey.whole("Mohd")).isEqualTo("mhmd");
    }

    @Test
    void khan_and_khaan_meet_and_the_order_of_the_words_does_not_matter() {
        assertThat(SpellingKey.whole("Khaan Muhammad")).isEqualTo(SpellingKey.whole("Muhammad Khan"));
    }

    @Test
    void a_name_in_urdu_script_meets_its_english_spelling() {
        assertThat(SpellingKey.whole("محمد خان")).isEqualTo(SpellingKey.whole("Muhammad Khan"));
        assertThat(SpellingKey.whole("احمد")).isEqualTo(SpellingKey.whole("Ahmed"));
        assertThat(SpellingKey.whole("علی")).isEqualTo(SpellingKey.whole("Ali"));
    }

    @Test
    void different_names_stay_apart() {
        assertThat(SpellingKey.whole("Muhammad Khan")).isNotEqualTo(SpellingKey.whole("Hamid Khan"));
        assertThat(SpellingKey.whole("Sher Khan")).isNotEqualTo(SpellingKey.whole("Shah Khan"));
    }

    @Test
    void a_name_without_letters_has_no_key() {
        assertThat(SpellingKey.whole("12-34")).isEmpty();
    }
}
