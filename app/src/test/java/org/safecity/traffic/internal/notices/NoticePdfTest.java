package org.safecity.traffic.internal.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.safecity.shared.Placement;
import org.safecity.shared.pdf.PdfInspection;
import org.safecity.traffic.internal.TrafficSettings;
import org.safecity.traffic.internal.challans.Challan;
import org.safecity.traffic.internal.rules.MeasuredFacts;
import org.safecity.traffic.internal.violations.ViolationStore;

/** The challan notice as its owner and a court read it: both languages, the owner's name as registered, fonts inside the file. */
class NoticePdfTest {

    private static final TrafficSettings SETTINGS = new TrafficSettings(30, 20, 0.8, Duration.ofMinutes(10), 3, Duration.ofHours(1), null,
        Duration.ofDays(3), 60, Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofHours(2));

    @Test
    void an_owner_registered_in_urdu_is_printed_in_urdu_and_reads_back_as_registered() throws Exception {
        byte[] pdf = notice(challan("گل محمد خان", "یونیورسٹی روڈ، پشاور"), List.of());

        String text = PdfInspection.text(pdf);

        assertThat(text).contains("گل محمد خان", "یونیورسٹی روڈ، پشاور").doesNotContain("??");
    }

    @Test
    void every_label_is_in_english_and_in_urdu_and_the_offence_and_status_in_both() throws Exception {
        byte[] pdf = notice(challan("Sher Ali", "Hayatabad Toll Plaza"), List.of(new MeasuredFacts.Fact("speedKmh", "Measured speed", "92 km/h")));

        String text = PdfInspection.text(pdf);

        assertThat(text).contains("E-challan notice PSH-2026-000042", "ای چالان نوٹس",
            "Registered owner: Sher Ali", "رجسٹرڈ مالک",
            "Offence: Exceeding the speed limit", "حد رفتار سے تجاوز",
            "Measured speed: 92 km/h", "ناپی گئی رفتار",
            "Amount due: Rs 2000", "واجب الادا رقم", "Payment reference", "ادائیگی کا حوالہ",
            "Status: ISSUED", "جاری شدہ", "Scan to verify this notice", "تصدیق کے لیے اسکین کریں",
            "To contest, use the citizen portal", "اعتراض کے لیے شہری پورٹل",
            "2026-12-04 12:00:00 PKT"); // the offence's time as every page writes a time
    }

    @Test
    void every_font_of_the_notice_is_embedded() throws Exception {
        byte[] pdf = notice(challan("گل محمد خان", "Saddar — Peshawar"), List.of());

        assertThat(PdfInspection.fonts(pdf)).isNotEmpty().allMatch(f -> f.endsWith(": embedded"));
    }

    @Test
    void a_long_place_wraps_before_the_qr_code_and_the_code_still_reads() throws Exception {
        String place = "University Road near the Board Bazaar flyover, inbound lane towards Tehkal, یونیورسٹی روڈ بورڈ بازار";
        byte[] pdf = notice(challan("گل محمد خان", place), List.of(), List.of(photo()));

        assertThat(PdfInspection.text(pdf).replaceAll("\\s+", " ")).contains("University Road near the", "Tehkal");
        try (var document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
            assertThat(new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText()).isEqualTo("https://safecity.example/portal/verify?n=x&s=y");
            Path shown = Path.of("target", "screenshots", "challan-notice-urdu.png");
            Files.createDirectories(shown.getParent());
            ImageIO.write(page, "png", shown.toFile());
        }
    }

    private static byte[] notice(Challan challan, List<MeasuredFacts.Fact> measured) throws Exception {
        return notice(challan, measured, List.of());
    }

    private static byte[] notice(Challan challan, List<MeasuredFacts.Fact> measured, List<ViolationStore.Image> photos) throws Exception {
        return NoticePdf.render(challan, measured, LocalDate.of(2026, 12, 5), SETTINGS, "https://safecity.example/portal/verify?n=x&s=y", photos);
    }

    private static Challan challan(String owner, String place) {
        return new Challan("PSH-2026-000042", 1, "PR4417", "OVER_SPEEDING", "Exceeding the speed limit", "car_jeep", 2000,
            Instant.parse("2026-12-04T07:00:00Z"), Instant.parse("2026-12-04T08:00:00Z"), LocalDate.of(2027, 1, 3), Challan.Status.ISSUED,
            "000000004217", new Challan.Owner(owner, "1730112345671", "+92 300 5550000", null),
            new Placement(7, null, place, "PSH", null, null), null, null);
    }

    private static ViolationStore.Image photo() throws Exception {
        var image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new ViolationStore.Image("sceneImage.png", "image/png", out.toByteArray());
    }
}
