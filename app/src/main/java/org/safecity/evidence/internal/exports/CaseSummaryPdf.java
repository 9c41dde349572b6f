package org.safecity.evidence.internal.exports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.safecity.evidence.internal.EvidenceItem;
import org.safecity.evidence.internal.cases.CaseFile;
import org.safecity.evidence.internal.custody.CustodyEntry;
import org.safecity.shared.pdf.ArchivalPdf;
import org.safecity.shared.pdf.Typesetter;
import org.safecity.shared.pdf.Typesetter.Weight;
import org.safecity.shared.ShownTime;

/**
 * The readable summary in an export: the case, each item with its hash, each item's custody
 * timeline, and how to verify the bundle. Times in Pakistan Standard Time. A court keeps it, so it
 * is PDF/A-2b with the shipped fonts embedded: names and places in Urdu print as written.
 */
final class CaseSummaryPdf {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument document = new PDDocument();
    private final Typesetter type = new Typesetter(document);
    private final Weight regular = Weight.REGULAR;
    private final Weight bold = Weight.BOLD;
    private PDPageContentStream page;
    private float y;

    private CaseSummaryPdf() {
    }

    static void write(Path file, String bundleId, Instant createdAt, String createdBy, String recipient, String reason,
                      CaseFile caseFile, List<EvidenceItem> items, List<List<CustodyEntry>> custody, String keyFingerprint)
        throws IOException {
        var pdf = new CaseSummaryPdf();
        try (pdf.document) {
            pdf.newPage();
            pdf.line(pdf.bold, 16, "Evidence bundle: summary");
            pdf.line(pdf.regular, 10, "Safe City Authority, Khyber Pakhtunkhwa");
            pdf.gap();
            pdf.line(pdf.bold, 12, "Case");
            pdf.field("FIR number", caseFile.firNumber());
            pdf.field("Police station", caseFile.policeStation());
            pdf.field("Offence", caseFile.offence());
            pdf.field("Status", caseFile.status().name().replace('_', ' ').toLowerCase());
            pdf.field("Investigating officer", caseFile.investigatingOfficer());
            pdf.gap();
            pdf.line(pdf.bold, 12, "This bundle");
            pdf.field("Bundle id", bundleId);
            pdf.field("Sealed", ShownTime.of(createdAt) + " by " + createdBy);
            pdf.field("For", recipient);
            pdf.field("Reason", reason);
            pdf.field("Signing key (SHA-256)", keyFingerprint);
            pdf.gap();
            pdf.line(pdf.bold, 12, "Items (" + items.size() + ")");
            for (int i = 0; i < items.size(); i++) {
                var item = items.get(i);
                pdf.gap();
                pdf.line(pdf.bold, 10, (i + 1) + ". items/" + item.exportName());
                pdf.field("Kind", item.kind().name().replace('_', ' ').toLowerCase().replace("cctv", "CCTV") + ", " + item.mediaType() + ", " + item.size() + " bytes");
                pdf.field("Collected", ShownTime.of(item.collectedAt()) + " by " + item.collectedBy()
                    + (item.place() == null ? "" : ", at " + item.place()));
                if (item.description() != null) {
                    pdf.field("Description", item.description());
                }
                pdf.field("Received", ShownTime.of(item.receivedAt()) + " by " + item.receivedBy() + " (from " + item.sourceModule() + ")");
                pdf.line(pdf.regular, 8, "SHA-256 " + item.sha256());
                pdf.line(pdf.regular, 9, "Custody:");
                for (var entry : custody.get(i)) {
                    String who = entry.actor() + (entry.recipient() == null ? "" : " to " + entry.recipient());
                    pdf.line(pdf.regular, 9, "   " + entry.seq() + ". " + ShownTime.of(entry.at()) + "  " + entry.action() + "  " + who
                        + (entry.reason() == null ? "" : " (" + entry.reason() + ")"));
                }
            }
            pdf.gap();
            pdf.line(pdf.bold, 12, "How to verify this bundle");
            for (String text : List.of(
                "1. Obtain the Safe City Authority's public key (GET /api/v1/evidence/public-key, or from the Authority in person). "
                    + "Its SHA-256 must be the signing key above.",
                "2. Run: java -jar evidence-verifier.jar <this bundle.zip> <public-key.pem>   (Java 21 or newer).",
                "3. The verifier checks the signature over manifest.json, the SHA-256 of every file, and every item's custody chain. "
                    + "It prints VERIFIED and exits with status 0 only if all of them match; otherwise every FAIL line names what differs.",
                "This summary is for reading; the signed manifest.json and custody.json are what prove the bundle.")) {
                pdf.line(pdf.regular, 9, text);
            }
            pdf.page.close();
            ArchivalPdf.conform(pdf.document, "Evidence bundle " + bundleId + ": summary", "Safe City Authority, Khyber Pakhtunkhwa", createdAt);
            pdf.document.save(file.toFile());
        }
    }

    private void field(String name, String value) throws IOException {
        line(regular, 10, name + ": " + (value == null ? "-" : value));
    }

    private void gap() {
        y -= 6;
    }

    private void line(Weight weight, float size, String text) throws IOException {
        for (String part : wrap(weight, size, text)) {
            if (y < MARGIN + size) {
                page.close();
                newPage();
            }
            type.show(page, weight, size, MARGIN, y, part);
            y -= size * 1.35f;
        }
    }

    private void newPage() throws IOException {
        var next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private List<String> wrap(Weight weight, float size, String text) throws IOException {
        List<String> lines = new ArrayList<>();
        var current = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (type.width(weight, size, candidate) > WIDTH && !current.isEmpty()) {
                lines.add(current.toString());
                current = new StringBuilder("   " + word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }
}
