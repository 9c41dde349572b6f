package org.safecity.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.safecity.shared.pdf.Typesetter.Weight;

class TypesetterTest {

    @Test
    void urdu_letters_take_the_form_their_neighbours_call_for() {
        // gaf initial + lam final; meem initial, hah medial, meem medial, dal final; khah initial, alef final, noon isolated
        assertThat(codes(ArabicLetterForms.shaped("گل محمد خان")))
            .isEqualTo("fb94 fede 20 fee3 fea4 fee4 feaa 20 fea7 fe8e fee5");
        // Urdu's own letters: tcheh, tteh, ddal, rreh, heh goal, yeh barree, Farsi yeh, noon ghunna
        assertThat(codes(ArabicLetterForms.shaped("چالان"))).startsWith("fb7c fe8e");
        assertThat(codes(ArabicLetterForms.shaped("گاڑی"))).isEqualTo("fb94 fe8e fb8c fbfc");
        assertThat(codes(ArabicLetterForms.shaped("ہے"))).isEqualTo("fba8 fbaf");
        assertThat(codes(ArabicLetterForms.shaped("میں"))).isEqualTo("fee3 fbff fb9f");
    }

    @Test
    void lam_before_alef_becomes_the_ligature() {
        assertThat(codes(ArabicLetterForms.shaped("لا"))).isEqualTo("fefb");
        assertThat(codes(ArabicLetterForms.shaped("الا"))).isEqualTo("fe8d fefb");
        assertThat(codes(ArabicLetterForms.shaped("بلا"))).isEqualTo("fe91 fefc");
    }

    @Test
    void latin_text_is_left_as_it_is_and_an_urdu_word_in_it_is_reversed_in_place() {
        assertThat(VisualLine.of("Rs 2000 due")).isEqualTo("Rs 2000 due");
        assertThat(codes(VisualLine.of("Owner گل, PR"))).isEqualTo("4f 77 6e 65 72 20 fede fb94 2c 20 50 52");
        assertThat(codes(VisualLine.ofUrdu("(گل)"))).as("brackets mirrored").isEqualTo("28 fede fb94 29");
    }

    @Test
    void urdu_and_english_in_one_pdf_read_back_as_written_with_every_font_embedded() throws Exception {
        byte[] pdf = page(type -> {
            try {
                type.typesetter().show(type.content(), Weight.BOLD, 12, 50, 700, "Registered owner: گل محمد خان");
                type.typesetter().showUrdu(type.content(), Weight.REGULAR, 12, 545, 680, "یہ نوٹس اصلی ہے۔");
                type.typesetter().show(type.content(), Weight.REGULAR, 12, 50, 660, "Evidence — Khyber Pakhtunkhwa, café");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        String text = PdfInspection.text(pdf);
        assertThat(text).contains("Registered owner: گل محمد خان", "یہ نوٹس اصلی ہے۔", "Evidence — Khyber Pakhtunkhwa, café");
        assertThat(PdfInspection.fonts(pdf)).isNotEmpty().allMatch(f -> f.endsWith(": embedded"));
        assertThat(PdfInspection.fonts(pdf)).anyMatch(f -> f.contains("NotoNaskhArabic")).anyMatch(f -> f.contains("NotoSans"));
    }

    @Test
    void a_character_no_shipped_font_has_prints_as_a_question_mark_and_the_rest_still_prints() throws Exception {
        byte[] pdf = page(type -> {
            try {
                type.typesetter().show(type.content(), Weight.REGULAR, 12, 50, 700, "Plate 漢 PR 4417");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(PdfInspection.text(pdf)).contains("Plate ? PR 4417");
    }

    @Test
    void wrapped_lines_keep_every_word_and_stay_within_the_width() throws Exception {
        try (var document = new PDDocument()) {
            var type = new Typesetter(document);
            String place = "University Road near the Board Bazaar flyover, یونیورسٹی روڈ بورڈ بازار فلائی اوور کے قریب";

            var lines = type.wrapped(Weight.REGULAR, 10, place, 150);

            assertThat(lines).hasSizeGreaterThan(2);
            for (String line : lines) {
                assertThat(type.width(Weight.REGULAR, 10, line)).as(line).isLessThanOrEqualTo(150);
            }
            assertThat(String.join(" ", lines)).isEqualTo(place);
        }
    }

    private record Drawing(Typesetter typesetter, PDPageContentStream content) {
    }

    private static byte[] page(Consumer<Drawing> draw) throws Exception {
        try (var document = new PDDocument()) {
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            var type = new Typesetter(document);
            try (var content = new PDPageContentStream(document, page)) {
                draw.accept(new Drawing(type, content));
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static String codes(String text) {
        var out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(out.isEmpty() ? "" : " ").append(Integer.toHexString(c)));
        return out.toString();
    }
}
