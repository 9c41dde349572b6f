package org.safecity.traffic.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.safecity.shared.TimeConfiguration;

/**
 * The printable notice of a challan: offence, place, time, evidence photos, fine, due date, payment
 * reference, and a QR code of the public verification link whose signature exposes a forged notice.
 */
final class NoticePdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss 'PKT'")
        .withZone(TimeConfiguration.DISPLAY_ZONE);
    private static final float MARGIN = 50;

    private NoticePdf() {
    }

    static byte[] render(Challan c, List<MeasuredFacts.Fact> measured, LocalDate today, TrafficSettings settings, String verifyUrl,
                         List<ViolationStore.Image> photos)
        throws IOException {
        var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (var document = new PDDocument()) {
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float top = PDRectangle.A4.getHeight() - MARGIN;
            try (var content = new PDPageContentStream(document, page)) {
                text(content, bold, 16, MARGIN, top, "E-challan notice " + c.number());
                text(content, regular, 10, MARGIN, top - 18, "Safe City Authority, Khyber Pakhtunkhwa - traffic violation notice");
                float y = top - 50;
                var fields = new java.util.LinkedHashMap<String, String>();
                fields.put("Challan number", c.number());
                fields.put("Vehicle", c.plate());
                fields.put("Offence", c.offenceName() + " (" + c.offence() + ")");
                fields.put("Place", c.siteName() == null ? "camera " + c.cameraId() : c.siteName());
                fields.put("Time", TIME.format(c.observedAt()));
                measured.forEach(fact -> fields.put(fact.label(), fact.value()));
                fields.put("Registered owner", c.ownerName() == null ? "not found" : c.ownerName());
                fields.put("Fine", "Rs " + c.finePkr());
                long surcharge = c.surchargeOn(today, settings);
                if (surcharge > 0) {
                    fields.put("Late surcharge", "Rs " + surcharge);
                }
                fields.put("Amount due", "Rs " + c.amountDueOn(today, settings));
                fields.put("Due date", c.dueDate().toString() + " (after it, a surcharge of " + settings.lateSurchargePercent() + "% applies)");
                fields.put("Payment reference", c.paymentReference());
                fields.put("Status", c.status().name());
                float qrLeft = PDRectangle.A4.getWidth() - MARGIN - 150;
                float qrBottom = top - 215; // the code and its caption
                for (Map.Entry<String, String> field : fields.entrySet()) {
                    text(content, bold, 10, MARGIN, y, field.getKey() + ":");
                    // beside the QR code a value wraps before it: text in the code's quiet zone can make it unreadable
                    float room = (y > qrBottom ? qrLeft - 15 : PDRectangle.A4.getWidth() - MARGIN) - (MARGIN + 120);
                    for (String line : wrapped(regular, 10, field.getValue(), room)) {
                        text(content, regular, 10, MARGIN + 120, y, line);
                        y -= 16;
                    }
                }
                PDImageXObject qr = LosslessFactory.createFromImage(document, qr(verifyUrl, 180));
                content.drawImage(qr, qrLeft, top - 200, 150, 150);
                text(content, regular, 7, PDRectangle.A4.getWidth() - MARGIN - 150, top - 210, "Scan to verify this notice");
                y -= 10;
                text(content, bold, 11, MARGIN, y, "Evidence");
                y -= 10;
                float x = MARGIN;
                for (var photo : photos) {
                    PDImageXObject image;
                    try {
                        image = PDImageXObject.createFromByteArray(document, photo.content(), photo.name());
                    } catch (IOException | IllegalArgumentException unreadable) {
                        continue;
                    }
                    float width = 240;
                    float height = width * image.getHeight() / Math.max(1, image.getWidth());
                    if (height > 200) {
                        width = width * 200 / height;
                        height = 200;
                    }
                    content.drawImage(image, x, y - height, width, height);
                    x += width + 15;
                    if (x > PDRectangle.A4.getWidth() - MARGIN - 100) {
                        break;
                    }
                }
                text(content, regular, 8, MARGIN, MARGIN + 12, "Pay at any branch or app of the collecting bank with the payment reference.");
                text(content, regular, 8, MARGIN, MARGIN, "To contest, use the citizen portal with the plate and the owner's CNIC.");
                text(content, regular, 7, MARGIN, MARGIN - 12, "Verify: " + verifyUrl);
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    static BufferedImage qr(String text, int size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException("the verification link does not fit a QR code", e);
        }
        var image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int yy = 0; yy < matrix.getHeight(); yy++) {
            for (int xx = 0; xx < matrix.getWidth(); xx++) {
                image.setRGB(xx, yy, matrix.get(xx, yy) ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }

    /** The text in lines no wider than {@code width} points, broken between words (a word longer than a line stands alone). */
    static List<String> wrapped(PDType1Font font, float size, String text, float width) throws IOException {
        var lines = new java.util.ArrayList<String>();
        var line = new StringBuilder();
        for (String word : printable(text).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static String printable(String text) {
        return text.replaceAll("[^\\x20-\\x7E]", "?"); // the standard fonts encode WinAnsi only
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(text));
        content.endText();
    }
}
