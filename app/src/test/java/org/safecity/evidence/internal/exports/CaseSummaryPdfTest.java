package org.safecity.evidence.internal.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safecity.evidence.EvidenceKind;
import org.safecity.evidence.internal.EvidenceItem;
import org.safecity.evidence.internal.cases.CaseFile;
import org.safecity.evidence.internal.cases.CaseStatus;
import org.safecity.evidence.internal.custody.CustodyEntry;
import org.safecity.shared.pdf.PdfInspection;

/** The summary a court keeps: PDF/A-2b by veraPDF's judgement, fonts inside, names as written. */
class CaseSummaryPdfTest {

    @TempDir
    Path dir;

    @Test
    void the_summary_is_pdf_a_2b_by_verapdf() throws Exception {
        byte[] pdf = summary();

        assertThat(PdfInspection.pdfA2bFailures(pdf)).isEmpty();
    }

    @Test
    void every_font_of_the_summary_is_embedded() throws Exception {
        assertThat(PdfInspection.fonts(summary())).isNotEmpty().allMatch(f -> f.endsWith(": embedded"));
    }

    @Test
    void urdu_names_and_dashes_print_as_written() throws Exception {
        String text = PdfInspection.text(summary());

        assertThat(text).contains("تھانہ گلبہار", "گل محمد خان", "Footage — north gate", "Evidence bundle: summary").doesNotContain("?");
    }

    private byte[] summary() throws Exception {
        var caseId = UUID.randomUUID();
        var itemId = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-04T07:00:00Z");
        var caseFile = new CaseFile(caseId, "FIR-117/2026", "تھانہ گلبہار", "Robbery (392 PPC)", CaseStatus.UNDER_INVESTIGATION, 3,
            "گل محمد خان", at, "PSH", null, List.of());
        var item = new EvidenceItem(itemId, caseId, "ab".repeat(32), 1234, "video/mp4", EvidenceKind.CCTV_FOOTAGE, "video", "gate.mp4",
            "Footage — north gate", "inspector.khan", at, "Gulbahar Chowk", at.plusSeconds(60), "inspector.khan", false, null, null, "PSH", null);
        var custody = List.of(new CustodyEntry(itemId, 1, at, "received", "inspector.khan", null, "intake", "{}", CustodyEntry.GENESIS, new byte[32]));
        Path file = dir.resolve("summary.pdf");
        CaseSummaryPdf.write(file, "bundle-1", at.plusSeconds(3600), "inspector.khan", "Sessions Court Peshawar", "trial",
            caseFile, List.of(item), List.of(custody), "cd".repeat(32));
        return Files.readAllBytes(file);
    }
}
