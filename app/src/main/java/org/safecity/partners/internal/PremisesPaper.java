package org.safecity.partners.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.safecity.shared.pdf.ArchivalPdf;
import org.safecity.shared.pdf.QrCode;
import org.safecity.shared.pdf.Typesetter;
import org.safecity.shared.pdf.Typesetter.Weight;

/**
 * One A4 page the Authority sends to a premises (a notice, a certificate): a title in English and Urdu,
 * labelled fields (each label with its Urdu), paragraphs in both languages, and optionally a QR code of
 * a verification link. Fonts are embedded ({@link Typesetter}); the file is archival PDF/A.
 */
public final class PremisesPaper {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float VALUE_X = MARGIN + 150;

    /** A labelled value; {@code urduLabel} printed beneath the English one. */
    public record Field(String label, String urduLabel, String value) {
    }

    /** A paragraph in English and the same in Urdu. */
    public record Paragraph(String english, String urdu) {
    }

    private PremisesPaper() {
    }

    public static byte[] render(String title, String urduTitle, List<Field> fields, List<Paragraph> paragraphs, String qrLink, Instant created)
        throws IOException {
        try (var document = new PDDocument()) {
            var type = new Typesetter(document);
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float top = PDRectangle.A4.getHeight() - MARGIN;
            try (var content = new PDPageContentStream(document, page)) {
                type.show(content, Weight.BOLD, 16, MARGIN, top, title);
                type.showUrdu(content, Weight.BOLD, 15, WIDTH - MARGIN, top - 22, urduTitle);
                type.show(content, Weight.REGULAR, 10, MARGIN, top - 44, "Safe City Authority, Khyber Pakhtunkhwa");
                type.showUrdu(content, Weight.REGULAR, 10, WIDTH - MARGIN, top - 60, "سیف سٹی اتھارٹی، خیبر پختونخوا");
                float room = WIDTH - MARGIN - VALUE_X;
                if (qrLink != null) {
                    content.drawImage(LosslessFactory.createFromImage(document, QrCode.of(qrLink, 180)), WIDTH - MARGIN - 130, top - 220, 130, 130);
                    room -= 145; // text in the code's quiet zone can make it unreadable
                }
                float y = top - 90;
                for (var field : fields) {
                    float rowTop = y;
                    type.show(content, Weight.BOLD, 10, MARGIN, y, field.label() + ":");
                    for (String line : type.wrapped(Weight.REGULAR, 10, field.value(), room)) {
                        type.show(content, Weight.REGULAR, 10, VALUE_X, y, line);
                        y -= 13;
                    }
                    if (field.urduLabel() != null) {
                        type.showUrdu(content, Weight.REGULAR, 9, VALUE_X - 8, rowTop - 12, field.urduLabel());
                    }
                    y = Math.min(y, rowTop - 24) - 3;
                }
                y = Math.min(y, top - 240) - 6;
                for (var paragraph : paragraphs) {
                    for (String line : type.wrapped(Weight.REGULAR, 10, paragraph.english(), WIDTH - 2 * MARGIN)) {
                        type.show(content, Weight.REGULAR, 10, MARGIN, y, line);
                        y -= 13;
                    }
                    y -= 3;
                    for (String line : type.wrapped(Weight.REGULAR, 10, paragraph.urdu(), WIDTH - 2 * MARGIN)) {
                        type.showUrdu(content, Weight.REGULAR, 10, WIDTH - MARGIN, y, line);
                        y -= 15;
                    }
                    y -= 8;
                }
                if (qrLink != null) {
                    type.show(content, Weight.REGULAR, 7, MARGIN, MARGIN - 6, "Verify: " + qrLink);
                }
            }
            ArchivalPdf.conform(document, title, "Safe City Authority", created);
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
