package org.safecity.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.safecity.shared.pdf.Typesetter.Weight;

class ArchivalPdfTest {

    @Test
    void a_page_in_the_shipped_fonts_made_archival_is_pdf_a_2b_by_verapdf() throws Exception {
        assertThat(PdfInspection.pdfA2bFailures(page(true))).isEmpty();
    }

    @Test
    void the_same_page_without_it_is_not_so_verapdf_does_judge() throws Exception {
        assertThat(PdfInspection.pdfA2bFailures(page(false))).isNotEmpty();
    }

    private static byte[] page(boolean archival) throws Exception {
        try (var document = new PDDocument()) {
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                new Typesetter(document).show(content, Weight.REGULAR, 12, 50, 700, "Case FIR-117/2026 — تھانہ گلبہار");
            }
            if (archival) {
                ArchivalPdf.conform(document, "Case <117> & summary", "Safe City Authority", Instant.parse("2026-12-04T07:00:00.123Z"));
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
