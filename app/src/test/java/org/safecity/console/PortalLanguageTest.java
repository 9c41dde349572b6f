package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortalLanguageTest {

    @Test
    void a_browser_that_asks_for_urdu_first_gets_urdu() {
        assertThat(PortalLanguage.of(null, null, "ur-PK,ur;q=0.9,en-US;q=0.8,en;q=0.7")).isEqualTo(PortalLanguage.URDU);
        assertThat(PortalLanguage.of(null, null, "ur")).isEqualTo(PortalLanguage.URDU);
    }

    @Test
    void a_browser_that_prefers_english_or_neither_gets_english() {
        assertThat(PortalLanguage.of(null, null, "en-GB,en;q=0.9,ur;q=0.5")).isEqualTo(PortalLanguage.ENGLISH);
        assertThat(PortalLanguage.of(null, null, "ps-AF,de;q=0.8")).isEqualTo(PortalLanguage.ENGLISH);
        assertThat(PortalLanguage.of(null, null, null)).isEqualTo(PortalLanguage.ENGLISH);
        assertThat(PortalLanguage.of(null, null, ";;;q=x,")).as("a malformed header").isEqualTo(PortalLanguage.ENGLISH);
    }

    @Test
    void the_weights_decide_not_the_order() {
        assertThat(PortalLanguage.of(null, null, "en;q=0.3,ur;q=0.9")).isEqualTo(PortalLanguage.URDU);
    }

    @Test
    void a_choice_with_the_switch_beats_the_remembered_one_which_beats_the_browser() {
        assertThat(PortalLanguage.of("en", "ur", "ur")).isEqualTo(PortalLanguage.ENGLISH);
        assertThat(PortalLanguage.of(null, "ur", "en")).isEqualTo(PortalLanguage.URDU);
        assertThat(PortalLanguage.of("klingon", "nonsense", "ur")).as("unknown choices are ignored").isEqualTo(PortalLanguage.URDU);
    }

    @Test
    void every_text_is_translated_both_ways() {
        assertThat(PortalLanguage.URDU.texts().keySet()).containsExactlyInAnyOrderElementsOf(PortalLanguage.ENGLISH.texts().keySet());
        assertThat(PortalLanguage.URDU.texts()).allSatisfy((key, text) -> assertThat(text).as(key).isNotBlank());
        assertThat(PortalLanguage.URDU.texts().get("challans.heading")).isEqualTo("اپنے چالان تلاش کریں");
        assertThat(PortalLanguage.URDU.direction()).isEqualTo("rtl");
        assertThat(PortalLanguage.ENGLISH.scriptTexts()).containsEntry("status.ISSUED", "Unpaid").doesNotContainKey("challans.heading");
    }
}
