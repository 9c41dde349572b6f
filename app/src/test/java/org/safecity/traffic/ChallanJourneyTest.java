package org.safecity.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.QrCodes;
import org.safecity.identity.Role;
import org.safecity.shared.pdf.PdfInspection;
import org.safecity.storage.StorageSettings;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole e-challan journey over HTTP: detections in, a red-light violation, review, the challan and
 * its PDF notice (QR verified), the bank's signed callback (forgeries refused), and the citizen portal.
 */
class ChallanJourneyTest extends IntegrationTest {

    @Autowired
    StorageSettings storage;

    @Test
    void a_red_light_read_becomes_a_reviewed_challan_with_a_verifiable_notice_that_the_bank_pays_and_the_citizen_sees_paid()
        throws Exception {
        var admin = admin();
        var field = Roadside.camera(admin, anonymous);
        Roadside.rule(admin, Map.of("cameraId", field.cameraId(), "kind", "SIGNAL", "approach", "N", "signalCameraId", field.cameraId()));
        String plate = Roadside.plate();
        String cnic = Roadside.cnic();
        Roadside.register(admin, plate, cnic, "Gul Khan");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Roadside.send(field, List.of(Roadside.signal(field.cameraId(), "red", "N", now.minusSeconds(20)),
            Roadside.plateRead(field.cameraId(), plate, now.minusSeconds(5), 0.95, Map.of("sceneImage", Roadside.scenePng()))));
        var reviewer = as(Role.TRAFFIC_REVIEWER);
        var violation = Roadside.awaitViolation(reviewer, "PENDING", plate);

        assertThat(violation.get("offence").asString()).isEqualTo("SIGNAL_VIOLATION");
        assertThat(violation.get("offenceName").asString()).isEqualTo("Crossing a red signal");
        assertThat(violation.get("measurement").get("signalPhase").asString()).isEqualTo("red");
        assertThat(violation.get("cityCode").asString()).isEqualTo("MRD");
        assertThat(violation.get("images").get(0).get("url").asString()).endsWith("/images/sceneImage.png");
        assertThat(reviewer.get(violation.get("images").get(0).get("url").asString()).status()).isEqualTo(200);

        var approved = reviewer.post("/api/v1/violations/" + violation.get("id").asLong() + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        String number = approved.json().get("challanNumber").asString();
        assertThat(number).matches("MRD-\\d{4}-\\d{6}");
        assertThat(approved.json().get("history").toString()).contains("DETECTED", "APPROVED", "CHALLAN_ISSUED");

        var challan = reviewer.get("/api/v1/challans/" + number).json();
        assertThat(challan.get("status").asString()).isEqualTo("ISSUED");
        assertThat(challan.get("finePkr").asLong()).isEqualTo(2000); // a car, schedule of 2026-01-01
        assertThat(challan.get("ownerName").asString()).isEqualTo("Gul Khan");
        String reference = challan.get("paymentReference").asString();
        assertThat(new java.math.BigInteger(reference).mod(java.math.BigInteger.valueOf(97)).intValue()).isEqualTo(1);
        var sms = Roadside.find(admin.get("/api/v1/traffic/outbox?size=1000").json().get("items"), m -> number.equals(m.get("challanNumber").asString()));
        assertThat(sms.get("channel").asString()).isEqualTo("SMS");
        assertThat(sms.get("to").asString()).isEqualTo("+92 300 5550000");
        assertThat(sms.get("status").asString()).isEqualTo("QUEUED");
        assertThat(sms.get("body").asString()).as("in English and in Urdu").contains("SafeCity e-challan " + number, "ای چالان " + number,
            "سرخ سگنل توڑنا");
        assertThat(reviewer.get("/api/v1/challans/" + number).json().get("history").toString())
            .as("queued is not notified").contains("NOTICE_QUEUED").doesNotContain("NOTIFIED");
        assertThat(admin.post("/api/v1/traffic/outbox/" + sms.get("id").asLong() + "/status", Map.of("status", "SENT")).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/traffic/outbox/" + sms.get("id").asLong() + "/status", Map.of("status", "SENT")).status()).isEqualTo(200);
        var notified = reviewer.get("/api/v1/challans/" + number).json().get("history").toString();
        assertThat(notified.split("NOTIFIED", -1)).as("one NOTIFIED step for a report sent twice").hasSize(2);
        assertThat(notified).contains("SMS sent");
        var sent = Roadside.find(admin.get("/api/v1/traffic/outbox?size=1000").json().get("items"), m -> number.equals(m.get("challanNumber").asString()));
        assertThat(sent.get("status").asString()).isEqualTo("SENT");
        assertThat(sent.has("sentAt")).isTrue();

        Path pdf = Files.createTempFile("notice", ".pdf");
        assertThat(reviewer.download("/api/v1/challans/" + number + "/notice.pdf", pdf).status()).isEqualTo(200);
        String verifyUrl;
        try (var document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(number, "Crossing a red signal", "Rs 2000", reference, plate, "Signal: Red", "Approach: N");
            verifyUrl = QrCodes.read(new PDFRenderer(document).renderImageWithDPI(0, QrCodes.DPI));
        }
        assertThat(verifyUrl).startsWith("http://localhost:8080/portal/verify?n=" + number + "&s=");
        var query = query(URI.create(verifyUrl).getRawQuery());
        var genuine = anonymous.get("/api/public/notices/verify?n=" + query.get("n") + "&s=" + query.get("s")).json();
        assertThat(genuine.get("valid").asBoolean()).isTrue();
        assertThat(genuine.get("plate").asString()).isEqualTo(plate);
        assertThat(genuine.get("amountDuePkr").asLong()).isEqualTo(2000);
        var forged = anonymous.get("/api/public/notices/verify?n=" + number + "&s=" + query.get("s").replace(query.get("s").charAt(3),
            query.get("s").charAt(3) == 'A' ? 'B' : 'A'));
        assertThat(forged.body()).isEqualTo("{\"valid\":false}");

        Path dataDir = storage.dataDir();
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String transaction = "TXN-" + plate;
        String body = Roadside.callback(reference, 2000, paidAt, transaction);
        String unknown = Roadside.callback(unusedReference(), 2000, paidAt, "TXN-unknown-" + plate);
        String wrongAmount = Roadside.callback(reference, 1500, paidAt, "TXN-short-" + plate);

        var forgedCallback = callback(body, "00" + Roadside.sign(dataDir, body).substring(2));
        var unknownCallback = callback(unknown, Roadside.sign(dataDir, unknown));
        var wrongAmountCallback = callback(wrongAmount, Roadside.sign(dataDir, wrongAmount));
        assertThat(reviewer.get("/api/v1/challans/" + number).json().get("status").asString()).isEqualTo("ISSUED");
        var paid = callback(body, Roadside.sign(dataDir, body));
        var repeated = callback(body, Roadside.sign(dataDir, body));
        String replay = Roadside.callback(reference, 2000, paidAt.plusSeconds(1), transaction);
        var replayed = callback(replay, Roadside.sign(dataDir, replay));
        String stale = Roadside.callback(reference, 2000, paidAt.minus(Duration.ofDays(10)), "TXN-stale-" + plate);
        var staleCallback = callback(stale, Roadside.sign(dataDir, stale));

        assertThat(forgedCallback.status()).isEqualTo(401);
        assertThat(forgedCallback.isProblem()).isTrue();
        assertThat(unknownCallback.status()).isEqualTo(404);
        assertThat(wrongAmountCallback.status()).as(wrongAmountCallback.body()).isEqualTo(422);
        assertThat(wrongAmountCallback.body()).contains("2000");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.json().get("repeated").asBoolean()).isTrue();
        assertThat(replayed.status()).isEqualTo(409);
        assertThat(replayed.isProblem()).isTrue();
        assertThat(staleCallback.status()).isEqualTo(409);
        var detail = reviewer.get("/api/v1/challans/" + number).json();
        assertThat(detail.get("status").asString()).isEqualTo("PAID");
        assertThat(detail.get("payments").size()).isEqualTo(1);
        assertThat(detail.get("history").toString()).contains("ISSUED", "NOTIFIED", "PAID");

        var portal = anonymous.get("/api/public/challans?plate=" + plate + "&cnic=" + cnic).json().get("items");
        assertThat(portal.size()).isEqualTo(1);
        assertThat(portal.get(0).get("status").asString()).isEqualTo("PAID");
        assertThat(portal.get(0).get("paymentReference").asString()).isEqualTo(reference);
        assertThat(anonymous.get(portal.get(0).get("evidenceUrl").asString()).status()).isEqualTo(200);
        Path citizenCopy = Files.createTempFile("citizen", ".pdf");
        assertThat(anonymous.download(portal.get(0).get("noticeUrl").asString(), citizenCopy).status()).isEqualTo(200);
        assertThat(anonymous.get("/api/public/challans/" + number + "/notice.pdf?t=1999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").status())
            .isEqualTo(404);

        String day = "/api/v1/payments/reconciliation?day=" + paidAt.atZone(java.time.ZoneId.of("Asia/Karachi")).toLocalDate();
        assertThat(admin.get(day).json().get("items").toString()).contains(transaction);
        // the challan is Mardan's: Mardan's supervisor reconciles it, Kohat's never sees it
        assertThat(as("MRD", Role.SUPERVISOR).get(day).json().get("items").toString()).contains(transaction);
        assertThat(as("KHT", Role.SUPERVISOR).get(day).json().get("items").toString()).doesNotContain(transaction);
    }

    @Test
    void a_speeding_notice_prints_the_measured_speed_the_limit_and_an_owner_registered_in_urdu_as_registered() throws Exception {
        var admin = admin();
        var field = Roadside.camera(admin, anonymous);
        Roadside.rule(admin, Map.of("cameraId", field.cameraId(), "kind", "SPOT_SPEED", "limitKmh", 60, "toleranceKmh", 5));
        String plate = Roadside.plate();
        Roadside.register(admin, plate, Roadside.cnic(), "گل محمد خان");
        Roadside.send(field, List.of(Roadside.plateRead(field.cameraId(), plate, Instant.now().minusSeconds(3), 0.97, Map.of("speedKmh", 92))));
        var reviewer = as(Role.TRAFFIC_REVIEWER);
        var violation = Roadside.awaitViolation(reviewer, "PENDING", plate);
        String number = reviewer.post("/api/v1/violations/" + violation.get("id").asLong() + "/approve", Map.of()).json()
            .get("challanNumber").asString();

        Path pdf = Files.createTempFile("speeding", ".pdf");
        assertThat(reviewer.download("/api/v1/challans/" + number + "/notice.pdf", pdf).status()).isEqualTo(200);
        try (var document = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(document))
                .contains("Measured speed: 92 km/h", "Speed limit: 60 km/h", "Tolerance: 5 km/h");
        }
        byte[] notice = Files.readAllBytes(pdf);
        assertThat(PdfInspection.text(notice)).as("the owner as registered, in Urdu").contains("Registered owner: گل محمد خان");
        assertThat(PdfInspection.fonts(notice)).isNotEmpty().allMatch(font -> font.endsWith(": embedded"));
    }

    @Test
    void the_citizen_lookup_with_a_wrong_cnic_answers_exactly_as_a_plate_without_challans() {
        var admin = admin();
        var field = Roadside.camera(admin, anonymous);
        Roadside.rule(admin, Map.of("cameraId", field.cameraId(), "kind", "SPOT_SPEED", "limitKmh", 60, "toleranceKmh", 5));
        String plate = Roadside.plate();
        String cnic = Roadside.cnic();
        Roadside.register(admin, plate, cnic, "Zarina Bibi");
        Roadside.send(field, List.of(Roadside.plateRead(field.cameraId(), plate, Instant.now().minusSeconds(3), 0.97, Map.of("speedKmh", 92))));
        var reviewer = as(Role.TRAFFIC_REVIEWER);
        var violation = Roadside.awaitViolation(reviewer, "PENDING", plate);
        assertThat(violation.get("measurement").get("speedKmh").asDouble()).isEqualTo(92.0);
        reviewer.post("/api/v1/violations/" + violation.get("id").asLong() + "/approve", Map.of());

        var owner = anonymous.get("/api/public/challans?plate=" + plate + "&cnic=" + cnic);
        var wrongCnic = anonymous.get("/api/public/challans?plate=" + plate + "&cnic=" + Roadside.cnic());
        var malformedCnic = anonymous.get("/api/public/challans?plate=" + plate + "&cnic=12");
        var noChallans = anonymous.get("/api/public/challans?plate=" + Roadside.plate() + "&cnic=" + cnic);

        assertThat(owner.json().get("items").size()).isEqualTo(1);
        assertThat(owner.json().get("items").get(0).get("finePkr").asLong()).isEqualTo(2500);
        assertThat(wrongCnic.status()).isEqualTo(noChallans.status()).isEqualTo(200);
        assertThat(wrongCnic.body()).isEqualTo(noChallans.body()).isEqualTo(malformedCnic.body()).isEqualTo("{\"items\":[]}");
    }

    private org.safecity.SafeCityApi.Response callback(String body, String signature) {
        return anonymous.send("POST", "/api/v1/payments/callback", "application/json", body, Map.of("X-Signature", signature));
    }

    /** A reference with valid check digits (ISO 7064 MOD 97-10) that no challan has. */
    static String unusedReference() {
        String base = "9999999999";
        int check = 98 - new java.math.BigInteger(base + "00").mod(java.math.BigInteger.valueOf(97)).intValue();
        return base + String.format("%02d", check);
    }

    static Map<String, String> query(String raw) {
        var values = new HashMap<String, String>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
