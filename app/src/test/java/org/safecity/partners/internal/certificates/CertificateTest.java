package org.safecity.partners.internal.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.safecity.partners.PartnerFixtures;
import org.safecity.registry.CameraDirectory;
import org.safecity.shared.pdf.PdfInspection;
import org.springframework.beans.factory.annotation.Autowired;

class CertificateTest extends IntegrationTest {

    @Autowired
    CameraDirectory cameras;

    private byte[] download(org.safecity.SafeCityApi as, long id, int expectedStatus) throws Exception {
        var file = Files.createTempFile("certificate", ".pdf");
        try {
            var answer = as.download("/api/v1/premises/" + id + "/certificate", file);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(expectedStatus);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String qrCode(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return org.safecity.QrCodes.read(new PDFRenderer(document).renderImageWithDPI(0, org.safecity.QrCodes.DPI));
        }
    }

    private tools.jackson.databind.JsonNode check(String query) {
        var answer = anonymous.get("/api/public/premises/certificates/verify?" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void a_compliant_premises_certificate_verifies_a_forged_one_does_not_and_it_says_when_it_no_longer_holds() throws Exception {
        var f = new PartnerFixtures(admin(), anonymous);
        long id = f.school();
        var manager = f.managerOf(id);
        assertThat(download(manager, id, 409).length).isPositive();

        long site = f.site();
        var own = new ArrayList<Long>();
        own.add(f.camera(id, site, List.of("gate")));
        own.add(f.camera(id, site, List.of("boundary wall")));
        own.add(f.camera(id, site, List.of("gate")));
        own.forEach(c -> cameras.markSeen(c, Instant.now()));
        admin().put("/api/v1/premises/" + id + "/cameras/" + own.get(0) + "/points", Map.of("points", List.of("gate")));
        f.awaitStatus(id, "COMPLIANT", Duration.ofSeconds(20));

        byte[] pdf = download(manager, id, 200);
        assertThat(PdfInspection.fonts(pdf)).isNotEmpty().allSatisfy(font -> assertThat(font).endsWith(": embedded"));
        assertThat(PdfInspection.pdfA2bFailures(pdf)).isEmpty();
        assertThat(PdfInspection.text(pdf)).contains("Certificate of compliance").containsPattern("[\\u0600-\\u06FF]");
        String link = qrCode(pdf);
        assertThat(link).contains("/portal/premises/verify?c=PC-" + id + "-");
        String query = URI.create(link).getRawQuery();
        var genuine = check(query);
        assertThat(genuine.get("valid").asBoolean()).isTrue();
        assertThat(genuine.get("holds").asBoolean()).isTrue();
        assertThat(download(as(Role.COMPLIANCE_OFFICER), id, 200).length).isPositive();

        String signature = query.substring(query.indexOf("&s=") + 3);
        String number = query.substring(2, query.indexOf("&s="));
        char last = signature.charAt(signature.length() - 1);
        String altered = signature.substring(0, signature.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(check("c=" + number + "&s=" + altered).get("valid").asBoolean()).isFalse();
        assertThat(check("c=" + number.replace("PC-" + id + "-", "PC-" + id + "-1") + "&s=" + signature).get("valid").asBoolean()).isFalse();
        assertThat(check("c=" + number).get("valid").asBoolean()).isFalse();
        assertThat(check("c=nonsense&s=" + signature).size()).isEqualTo(1);

        cameras.markSilent(own.get(0), Instant.now());
        f.awaitStatus(id, "NON_COMPLIANT", Duration.ofSeconds(30));
        var lapsed = check(query);
        assertThat(lapsed.get("valid").asBoolean()).isTrue();
        assertThat(lapsed.get("holds").asBoolean()).isFalse();
        assertThat(lapsed.get("statusNow").asString()).isEqualTo("NON_COMPLIANT");
        download(manager, id, 409);
    }

    @Test
    void a_partner_downloads_only_its_own_premises_certificate() throws Exception {
        var f = new PartnerFixtures(admin(), anonymous);
        long a = f.school();
        long b = f.school();
        download(f.managerOf(a), b, 404);
        download(as(Role.OPERATOR), a, 403);
        download(as("MRD", Role.COMPLIANCE_OFFICER), a, 404);
    }
}
