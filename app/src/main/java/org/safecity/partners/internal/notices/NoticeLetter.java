package org.safecity.partners.internal.notices;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safecity.partners.internal.PremisesPaper;
import org.safecity.partners.internal.premises.Premises;
import org.safecity.shared.TimeConfiguration;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The words of a notice of non-compliance: the short message (SMS, e-mail) and the PDF letter, in English and Urdu. */
final class NoticeLetter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm 'PKT'").withZone(TimeConfiguration.DISPLAY_ZONE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NoticeLetter() {
    }

    /** The message sent to the premises' contact, English then Urdu. */
    static String message(Premises p, Notice n, String deadline) {
        return "Safe City Authority notice " + n.number() + ": " + p.name() + " does not meet the Safe Cities Authority Act ("
            + String.join("; ", reasons(n)) + "). Remedy by " + deadline + " or a penalty may be imposed.\n"
            + "سیف سٹی اتھارٹی نوٹس " + n.number() + ": آپ کا ادارہ قانون کے تقاضے پورے نہیں کرتا۔ " + deadline
            + " تک درستی کریں ورنہ جرمانہ عائد ہو سکتا ہے۔";
    }

    static byte[] pdf(Notice n, Instant now) throws IOException {
        var fields = new ArrayList<PremisesPaper.Field>();
        fields.add(new PremisesPaper.Field("Notice number", "نوٹس نمبر", n.number()));
        fields.add(new PremisesPaper.Field("Premises", "ادارہ", n.premisesName() + " (" + n.category() + ")"));
        fields.add(new PremisesPaper.Field("Issued", "تاریخ اجرا", TIME.format(n.issuedAt())));
        fields.add(new PremisesPaper.Field("Remedy by", "آخری تاریخ", TIME.format(n.deadline())));
        fields.add(new PremisesPaper.Field("Status", "کیفیت", n.status().name()));
        fields.add(new PremisesPaper.Field("Found", "خامیاں", String.join("; ", reasons(n))));
        if (n.penalty() != null) {
            fields.add(new PremisesPaper.Field("Penalty", "جرمانہ", "Rs. " + n.penalty().amountPkr()
                + (n.penalty().demonstration() ? " (demonstration rate)" : "") + ": " + n.penalty().reason()));
        }
        var paragraphs = List.of(new PremisesPaper.Paragraph(
            "Under the Safe Cities Authority Act the premises named above must connect its surveillance cameras to the Safe City "
                + "network as its category requires. The shortcomings found are listed above. Remedy them by the date given; "
                + "this notice closes by itself once SafeCity finds the premises compliant. Left unremedied, it is escalated "
                + "and the Authority may impose a penalty.",
            "سیف سٹی اتھارٹی ایکٹ کے تحت مذکورہ ادارے پر لازم ہے کہ اپنے نگرانی کے کیمرے سیف سٹی نیٹ ورک سے منسلک کرے۔ "
                + "اوپر درج خامیاں مقررہ تاریخ تک دور کریں۔ درستی نہ ہونے پر معاملہ آگے بھیجا جائے گا اور جرمانہ عائد ہو سکتا ہے۔"));
        return PremisesPaper.render("Notice of non-compliance " + n.number(), "عدم تعمیل کا نوٹس", fields, paragraphs, null, now);
    }

    /** The reasons as they read ("message" of each recorded reason). */
    static List<String> reasons(Notice n) {
        List<Map<String, Object>> recorded = JSON.readValue(n.reasonsJson(), new TypeReference<>() {
        });
        return recorded.stream().map(r -> String.valueOf(r.get("message"))).toList();
    }
}
