package org.safecity.traffic.internal.notices;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.safecity.shared.pdf.Typesetter;
import org.safecity.shared.pdf.Typesetter.Weight;
import org.safecity.traffic.internal.TrafficSettings;
import org.safecity.traffic.internal.challans.Challan;
import org.safecity.traffic.internal.rules.MeasuredFacts;
import org.safecity.traffic.internal.violations.ViolationStore;
import org.safecity.shared.ShownTime;

/**
 * The printable notice of a challan, in English and Urdu on the same page: offence, place, time,
 * evidence photos, fine, due date, payment reference, and a QR code of the public verification link
 * whose signature exposes a forged notice. Every label has its Urdu beneath it; names print in the
 * script they were registered in (the fonts are embedded, {@link Typesetter}).
 */
final class NoticePdf {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float VALUE_X = MARGIN + 115;
    private static final NoticeTexts EN = NoticeTexts.ENGLISH;
    private static final NoticeTexts UR = NoticeTexts.URDU;

    /** One line of the notice: its label in both languages, the value, and the value in Urdu where it has one. */
    private record Field(String english, String urdu, String value, String urduValue) {
    }

    private NoticePdf() {
    }

    static byte[] render(Challan c, List<MeasuredFacts.Fact> measured, LocalDate today, TrafficSettings settings, String verifyUrl,
                         List<ViolationStore.Image> photos)
        throws IOException {
        try (var document = new PDDocument()) {
            var type = new Typesetter(document);
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float top = PDRectangle.A4.getHeight() - MARGIN;
            try (var content = new PDPageContentStream(document, page)) {
                type.show(content, Weight.BOLD, 16, MARGIN, top, EN.text("notice.title", Map.of("number", c.number())));
                type.showUrdu(content, Weight.BOLD, 15, WIDTH - MARGIN, top, UR.text("notice.title"));
                type.show(content, Weight.REGULAR, 10, MARGIN, top - 18, EN.text("notice.authority"));
                type.showUrdu(content, Weight.REGULAR, 10, WIDTH - MARGIN, top - 36, UR.text("notice.authority"));
                float qrLeft = WIDTH - MARGIN - 150;
                float qrBottom = top - 235; // the code and its two captions
                PDImageXObject qr = LosslessFactory.createFromImage(document, qr(verifyUrl, 180));
                content.drawImage(qr, qrLeft, top - 200, 150, 150);
                type.show(content, Weight.REGULAR, 7, qrLeft, top - 210, EN.text("qr.caption"));
                type.showUrdu(content, Weight.REGULAR, 8, WIDTH - MARGIN, top - 222, UR.text("qr.caption"));

                float y = top - 62;
                for (Field field : fields(c, measured, today, settings)) {
                    float rowTop = y;
                    type.show(content, Weight.BOLD, 10, MARGIN, y, field.english() + ":");
                    // beside the QR code a value wraps before it: text in the code's quiet zone can make it unreadable
                    float room = (y > qrBottom ? qrLeft - 15 : WIDTH - MARGIN) - VALUE_X;
                    for (String line : type.wrapped(Weight.REGULAR, 10, field.value(), room)) {
                        type.show(content, Weight.REGULAR, 10, VALUE_X, y, line);
                        y -= 13;
                    }
                    if (field.urduValue() != null) {
                        for (String line : type.wrapped(Weight.REGULAR, 10, field.urduValue(), room)) {
                            type.show(content, Weight.REGULAR, 10, VALUE_X, y, line);
                            y -= 13;
                        }
                    }
                    // after the value, so that a reader copying the page gets "label: value" on one line
                    if (field.urdu() != null) {
                        type.showUrdu(content, Weight.REGULAR, 9, VALUE_X - 8, rowTop - 12, field.urdu());
                    }
                    y = Math.min(y, rowTop - 24) - 3;
                }

                float footer = MARGIN + 56;
                y -= 4;
                type.show(content, Weight.BOLD, 11, MARGIN, y, EN.text("evidence"));
                type.showUrdu(content, Weight.BOLD, 11, WIDTH - MARGIN, y, UR.text("evidence"));
                y -= 8;
                float x = MARGIN;
                float tallest = Math.min(200, y - footer);
                for (var photo : photos) {
                    if (tallest < 40) {
                        break;
                    }
                    PDImageXObject image;
                    try {
                        image = PDImageXObject.createFromByteArray(document, photo.content(), photo.name());
                    } catch (IOException | IllegalArgumentException unreadable) {
                        continue;
                    }
                    float width = 240;
                    float height = width * image.getHeight() / Math.max(1, image.getWidth());
                    if (height > tallest) {
                        width = width * tallest / height;
                        height = tallest;
                    }
                    content.drawImage(image, x, y - height, width, height);
                    x += width + 15;
                    if (x > WIDTH - MARGIN - 100) {
                        break;
                    }
                }
                type.show(content, Weight.REGULAR, 8, MARGIN, MARGIN + 44, EN.text("pay"));
                type.showUrdu(content, Weight.REGULAR, 9, WIDTH - MARGIN, MARGIN + 32, UR.text("pay"));
                type.show(content, Weight.REGULAR, 8, MARGIN, MARGIN + 19, EN.text("contest"));
                type.showUrdu(content, Weight.REGULAR, 9, WIDTH - MARGIN, MARGIN + 7, UR.text("contest"));
                type.show(content, Weight.REGULAR, 7, MARGIN, MARGIN - 6, EN.text("verify", Map.of("url", verifyUrl)));
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static List<Field> fields(Challan c, List<MeasuredFacts.Fact> measured, LocalDate today, TrafficSettings settings) {
        var fields = new ArrayList<Field>();
        fields.add(field("number", c.number(), null));
        fields.add(field("vehicle", c.plate(), null));
        String offenceUrdu = UR.offence(c.offence(), null);
        fields.add(field("offence", c.offenceName() + " (" + c.offence() + ")", offenceUrdu));
        fields.add(field("place", c.place().siteName() == null ? EN.text("place.camera", Map.of("camera", c.place().cameraId())) : c.place().siteName(), null));
        fields.add(field("time", ShownTime.of(c.observedAt()), null));
        measured.forEach(fact -> fields.add(new Field(fact.label(), UR.optional("measured." + fact.key()), fact.value(), null)));
        fields.add(c.owner().name() == null
            ? field("owner", EN.text("owner.unknown"), UR.text("owner.unknown"))
            : field("owner", c.owner().name(), null));
        fields.add(field("fine", rupees(c.finePkr()), null));
        long surcharge = c.surchargeOn(today, settings);
        if (surcharge > 0) {
            fields.add(field("surcharge", rupees(surcharge), null));
        }
        fields.add(field("amountDue", rupees(c.amountDueOn(today, settings)), null));
        var percent = Map.of("date", c.dueDate().toString(), "percent", settings.lateSurchargePercent());
        fields.add(field("dueDate", EN.text("due.after", percent), UR.text("due.after", percent)));
        fields.add(field("reference", c.paymentReference(), null));
        fields.add(field("status", c.status().name(), UR.optional("status." + c.status().name())));
        return fields;
    }

    private static Field field(String key, String value, String urduValue) {
        return new Field(EN.text("label." + key), UR.optional("label." + key), value, urduValue);
    }

    private static String rupees(long amount) {
        return EN.text("rupees", Map.of("amount", amount));
    }

    static BufferedImage qr(String text, int size) {
        return org.safecity.shared.pdf.QrCode.of(text, size);
    }
}
