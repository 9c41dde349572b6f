package org.safecity.traffic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class NoticePdfTest {

    private final PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @Test
    void a_value_wraps_between_words_within_its_width_and_keeps_every_word() throws Exception {
        String place = "University Road near the Board Bazaar flyover, inbound lane towards Tehkal";

        var lines = NoticePdf.wrapped(font, 10, place, 200);

        assertThat(lines).hasSizeGreaterThan(1);
        for (String line : lines) {
            assertThat(font.getStringWidth(line) / 1000 * 10).as(line).isLessThanOrEqualTo(200);
        }
        assertThat(String.join(" ", lines)).isEqualTo(place);
    }

    @Test
    void a_short_value_stays_on_one_line() throws Exception {
        assertThat(NoticePdf.wrapped(font, 10, "Rs 2000", 200)).containsExactly("Rs 2000");
    }
}
