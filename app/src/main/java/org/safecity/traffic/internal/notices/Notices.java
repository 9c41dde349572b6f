package org.safecity.traffic.internal.notices;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.safecity.traffic.internal.TrafficKeys;
import org.safecity.traffic.internal.TrafficSettings;
import org.safecity.traffic.internal.challans.Challan;
import org.safecity.traffic.internal.rules.MeasuredFacts;
import org.safecity.traffic.internal.violations.ViolationStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A challan's notice: the PDF, the signed verification link its QR code carries, and the check of a
 * link's signature against the challan as stored (a forged or altered notice does not verify).
 */
@Component
public class Notices {

    private final ViolationStore violations;
    private final TrafficKeys keys;
    private final TrafficSettings settings;
    private final Clock clock;
    private final String publicBaseUrl;

    Notices(ViolationStore violations, TrafficKeys keys, TrafficSettings settings, Clock clock,
            @Value("${safecity.public-base-url}") String publicBaseUrl) {
        this.violations = violations;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    String signature(Challan c) {
        return keys.noticeSignature(c.number(), c.plate(), c.offence(), c.observedAt(), c.finePkr());
    }

    String verifyUrl(Challan c) {
        return publicBaseUrl + "/portal/verify?n=" + URLEncoder.encode(c.number(), StandardCharsets.UTF_8) + "&s=" + signature(c);
    }

    public boolean genuine(Challan c, String signature) {
        return signature != null && TrafficKeys.same(signature(c), signature);
    }

    public byte[] pdf(Challan c) throws IOException {
        var photos = violations.imageNames(c.violationId()).stream().map(name -> violations.image(c.violationId(), name).orElseThrow()).toList();
        var measured = violations.find(c.violationId()).map(v -> MeasuredFacts.of(v.measurement())).orElse(List.of());
        return NoticePdf.render(c, measured, clock.instant().atZone(org.safecity.shared.TimeConfiguration.DISPLAY_ZONE).toLocalDate(), settings,
            verifyUrl(c), photos);
    }

    public static ResponseEntity<byte[]> pdf(String number, byte[] content) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
            .header("Content-Disposition", "inline; filename=\"challan-" + number + ".pdf\"")
            .header("Cache-Control", "no-store").body(content);
    }
}
