package org.safecity.shared.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;

/** What a reader gets from a PDF SafeCity wrote: its text, its fonts, and veraPDF's verdict. */
public final class PdfInspection {

    private PdfInspection() {
    }

    /**
     * The text as PDFBox extracts it (copy and paste, search), presentation forms folded back to letters
     * (NFKC), as search engines and screen readers do.
     */
    public static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
        }
    }

    /** Every font on every page, as "name: embedded" or "name: NOT embedded". */
    public static List<String> fonts(byte[] pdf) throws IOException {
        var fonts = new ArrayList<String>();
        try (var document = Loader.loadPDF(pdf)) {
            for (var page : document.getPages()) {
                var resources = page.getResources();
                for (var name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fonts.add(font.getName() + (font.isEmbedded() ? ": embedded" : ": NOT embedded"));
                }
            }
        }
        return fonts;
    }

    /** The PDF/A-2b rules the document breaks, as veraPDF reports them; empty when it conforms. */
    public static List<String> pdfA2bFailures(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        var failures = new ArrayList<String>();
        try (var parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
             var validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            var result = validator.validate(parser);
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    failures.add(assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + ": " + assertion.getMessage());
                }
            }
            if (!result.isCompliant() && failures.isEmpty()) {
                failures.add("not compliant");
            }
        }
        return failures;
    }
}
