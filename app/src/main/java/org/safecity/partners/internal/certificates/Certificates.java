package org.safecity.partners.internal.certificates;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.safecity.partners.internal.PremisesPaper;
import org.safecity.partners.internal.compliance.Compliance;
import org.safecity.partners.internal.premises.Premises;
import org.safecity.partners.internal.premises.PremisesStore;
import org.safecity.shared.Conflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.safecity.shared.ShownTime;

/**
 * Compliance certificates: a compliant premises' certificate states its standing from the moment it
 * became compliant; its number ({@code PC-<premises>-<since, epoch seconds>}) and signature are in its
 * QR code. A certificate is checked against the register as it is now, so one of a premises that has
 * since fallen out of compliance verifies as genuine but says it no longer holds.
 */
@Component
class Certificates {

    private static final Pattern NUMBER = Pattern.compile("PC-(\\d{1,18})-(\\d{1,12})");

    private final PremisesStore premises;
    private final CertificateKeys keys;
    private final Clock clock;
    private final String publicBaseUrl;

    Certificates(PremisesStore premises, CertificateKeys keys, Clock clock,
                 @Value("${safecity.public-base-url}") String publicBaseUrl) {
        this.premises = premises;
        this.keys = keys;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** What a check of a certificate finds: forged (or unknown), or genuine and whether it still holds. */
    sealed interface Check {
        record Forged() implements Check {
        }

        record Genuine(String number, String premisesName, String category, String cityCode, Instant compliantSince, boolean holds,
                       String statusNow) implements Check {
        }
    }

    static String number(Premises p) {
        return "PC-" + p.id() + "-" + p.statusSince().getEpochSecond();
    }

    String verifyUrl(Premises p) {
        String number = number(p);
        return publicBaseUrl + "/portal/premises/verify?c=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&s="
            + keys.sign(number, p.id(), p.licenceNumber(), p.name());
    }

    /** The certificate of a compliant premises; refused (409) for any other. */
    byte[] pdf(Premises p) throws IOException {
        if (p.status() != Compliance.Status.COMPLIANT || p.statusSince() == null) {
            throw new Conflict("premises " + p.id() + " is " + p.status() + "; only a compliant premises has a certificate");
        }
        var fields = List.of(
            new PremisesPaper.Field("Certificate number", "سرٹیفکیٹ نمبر", number(p)),
            new PremisesPaper.Field("Premises", "ادارہ", p.name()),
            new PremisesPaper.Field("Category", "زمرہ", p.category()),
            new PremisesPaper.Field("Address", "پتہ", p.address() + ", " + p.cityCode()),
            new PremisesPaper.Field("Licence", "لائسنس نمبر", p.licenceNumber()),
            new PremisesPaper.Field("Compliant since", "تعمیل کی تاریخ", ShownTime.of(p.statusSince())));
        var paragraphs = List.of(new PremisesPaper.Paragraph(
            "The Safe City Authority certifies that the premises named above met the surveillance requirements of the Safe Cities "
                + "Authority Act for its category from the time given. The certificate holds only while the premises stays compliant: "
                + "scan the code to check it now.",
            "سیف سٹی اتھارٹی تصدیق کرتی ہے کہ مذکورہ ادارہ مقررہ تاریخ سے قانون کے نگرانی کے تقاضے پورے کرتا ہے۔ "
                + "یہ سرٹیفکیٹ صرف تعمیل برقرار رہنے تک مؤثر ہے؛ تصدیق کے لیے کوڈ اسکین کریں۔"));
        return PremisesPaper.render("Certificate of compliance", "تعمیل کا سرٹیفکیٹ", fields, paragraphs, verifyUrl(p), clock.instant());
    }

    /** Checks a certificate's number and signature against the register as it is now. */
    Check check(String number, String signature) {
        var m = number == null ? null : NUMBER.matcher(number.strip());
        if (m == null || !m.matches()) {
            return new Check.Forged();
        }
        Optional<Premises> found = premises.find(Long.parseLong(m.group(1)));
        if (found.isEmpty() || !keys.genuine(number.strip(), found.get().id(), found.get().licenceNumber(), found.get().name(),
            signature == null ? null : signature.strip())) {
            return new Check.Forged();
        }
        var p = found.get();
        Instant since = Instant.ofEpochSecond(Long.parseLong(m.group(2)));
        boolean holds = p.status() == Compliance.Status.COMPLIANT && p.statusSince() != null
            && p.statusSince().getEpochSecond() == since.getEpochSecond();
        return new Check.Genuine(number.strip(), p.name(), p.category(), p.cityCode(), since, holds, p.status().name());
    }
}
