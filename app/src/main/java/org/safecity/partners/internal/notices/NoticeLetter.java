package org.safecity.partners.internal.notices;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safecity.partners.internal.PremisesPaper;
import org.safecity.partners.internal.premises.Premises;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.safecity.shared.ShownTime;

/** The words of a notice of non-compliance: the short message (SMS, e-mail) and the PDF letter, in English and Urdu. */
final class NoticeLetter {

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

    /**
     * The message to the premises when its notice passed its deadline unremedied: what happened, what is still
     * wrong, what the Authority may now do, and that putting it right still closes the notice. English then Urdu.
     */
    static String escalatedToPremises(Premises p, Notice n, String deadline, Optional<NoticeStore.Rate> rate) {
        String penalty = rate.map(r -> "a penalty of Rs. " + r.amountPkr()).orElse("a penalty");
        return "Safe City Authority: notice " + n.number() + " to " + p.name() + " was not put right by " + deadline
            + ". It has been passed to the Authority's compliance staff, who may now impose " + penalty + ". Still to put right: "
            + String.join("; ", reasons(n)) + ". Put it right now: the notice closes by itself once the Safe City network finds "
            + "your premises compliant.\n"
            + "سیف سٹی اتھارٹی: نوٹس " + n.number() + " کی خامیاں " + deadline + " تک دور نہیں کی گئیں۔ معاملہ اتھارٹی کے عملے کو "
            + "بھیج دیا گیا ہے جو اب جرمانہ عائد کر سکتا ہے۔ خامیاں فوراً دور کریں: درستی کے بعد نوٹس خود بند ہو جائے گا۔";
    }

    /**
     * The message to the compliance staff when a notice passed its deadline unremedied: which premises, what is
     * still wrong, and what they can do about it.
     */
    static String escalatedToStaff(Premises p, Notice n, String deadline, Optional<NoticeStore.Rate> rate) {
        String place = p.cityCode() + (p.zoneCode() == null ? "" : ", police station " + p.zoneCode());
        String penalty = rate.map(r -> "impose the scheduled penalty of Rs. " + r.amountPkr()
                + (r.demonstration() ? " (a demonstration rate, not a notified one)" : ""))
            .orElse("no penalty can be imposed yet: the schedule has no rate for " + p.category());
        return "Notice " + n.number() + " to " + p.name() + " (" + p.category() + ", licence " + p.licenceNumber() + ", " + place
            + ") was not put right by its deadline of " + deadline + " and is now escalated. Found when it was issued: "
            + String.join("; ", reasons(n)) + ". What you can do: inspect the premises, contact "
            + (p.contact() == null || p.contact().name() == null ? "its manager" : p.contact().name())
            + ", or " + penalty + ". The notice is on the compliance dashboard's list of overdue notices; it closes by itself "
            + "if the premises becomes compliant.";
    }

    static byte[] pdf(Notice n, Instant now) throws IOException {
        var fields = new ArrayList<PremisesPaper.Field>();
        fields.add(new PremisesPaper.Field("Notice number", "نوٹس نمبر", n.number()));
        fields.add(new PremisesPaper.Field("Premises", "ادارہ", n.premisesName() + " (" + n.category() + ")"));
        fields.add(new PremisesPaper.Field("Issued", "تاریخ اجرا", ShownTime.of(n.issuedAt())));
        fields.add(new PremisesPaper.Field("Remedy by", "آخری تاریخ", ShownTime.of(n.deadline())));
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
