package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;

/** The portal's pages over HTTP: the language each visitor gets, and the switch between the two. */
class CitizenPortalLanguageTest extends IntegrationTest {

    @Test
    void a_browser_asking_for_urdu_gets_the_page_in_urdu_right_to_left() {
        var page = anonymous.send("GET", "/portal/challans", null, null, Map.of("Accept-Language", "ur-PK,ur;q=0.9,en;q=0.8"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"ur\"", "dir=\"rtl\"", "اپنے چالان تلاش کریں", "مالک کا شناختی کارڈ نمبر")
            .doesNotContain("Find your challans");
        assertThat(page.headers().get("vary")).contains("Accept-Language");
        assertThat(page.body()).as("the scripts' words in Urdu").contains("\"status.ISSUED\":\"غیر ادا شدہ\"");
    }

    @Test
    void a_browser_asking_for_english_or_nothing_gets_english_left_to_right() {
        var english = anonymous.send("GET", "/portal/challans", null, null, Map.of("Accept-Language", "en-GB,en;q=0.9"));
        var unspecified = anonymous.get("/portal/verify");

        assertThat(english.body()).contains("lang=\"en\"", "dir=\"ltr\"", "Find your challans").doesNotContain("اپنے چالان تلاش کریں");
        assertThat(unspecified.body()).contains("lang=\"en\"", "Check a challan notice");
    }

    @Test
    void the_switch_shows_the_other_language_and_is_remembered() {
        var switched = anonymous.send("GET", "/portal/challans?lang=ur", null, null, Map.of("Accept-Language", "en"));

        assertThat(switched.body()).contains("lang=\"ur\"", "dir=\"rtl\"", "اپنے چالان تلاش کریں");
        assertThat(switched.headers().get("set-cookie")).contains("safecity-language=ur", "Path=/portal", "SameSite=Lax");
        var later = anonymous.send("GET", "/portal/verify", null, null, Map.of("Accept-Language", "en", "Cookie", "safecity-language=ur"));
        assertThat(later.body()).contains("lang=\"ur\"", "چالان نوٹس کی تصدیق");
        var back = anonymous.send("GET", "/portal/verify?lang=en", null, null, Map.of("Cookie", "safecity-language=ur"));
        assertThat(back.body()).contains("lang=\"en\"", "Check a challan notice");
        assertThat(back.headers().get("set-cookie")).contains("safecity-language=en");
    }

    @Test
    void the_switch_on_the_verify_page_keeps_the_notice_number_and_signature() {
        var page = anonymous.get("/portal/verify?n=PSH-2026-000001&s=abc");

        assertThat(page.body()).contains("id=\"language-switch\"", "href=\"/portal/verify?n=PSH-2026-000001&amp;s=abc&amp;lang=ur\"");
    }

    @Test
    void the_urdu_font_is_served_to_anyone_as_a_web_font() {
        var font = anonymous.get("/fonts/NotoNaskhArabic-Regular.ttf");
        var licence = anonymous.get("/fonts/OFL-NotoNaskhArabic.txt");

        assertThat(font.status()).isEqualTo(200);
        assertThat(font.contentType()).contains("font/ttf");
        assertThat(licence.body()).contains("SIL Open Font License");
    }
}
