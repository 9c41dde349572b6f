package org.safecity.traffic.internal.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.shared.TextPolicyJson;
import org.safecity.shared.TimeConfiguration;
import org.safecity.traffic.internal.TrafficKeys;
import org.safecity.traffic.internal.TrafficSettings;
import org.safecity.traffic.internal.challans.ChallanStore;
import org.safecity.traffic.internal.challans.WatchingUnpaidChallans;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank's payment callback. Refused, changing nothing: a body not signed with the bank secret, a
 * replay (a known bankTransactionId with another body, or a paidAt outside the window), a reference
 * that fails its check digits or names no challan, an amount other than the one due, a challan not
 * payable. The identical valid callback repeated answers as the first did.
 */
@Service
class ReceivingPayments {

    private final ChallanStore challans;
    private final TrafficKeys keys;
    private final TrafficSettings settings;
    private final WatchingUnpaidChallans unpaid;
    private final AuditTrail audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ReceivingPayments(ChallanStore challans, TrafficKeys keys, TrafficSettings settings, WatchingUnpaidChallans unpaid, AuditTrail audit,
                      Clock clock) {
        this.challans = challans;
        this.keys = keys;
        this.settings = settings;
        this.unpaid = unpaid;
        this.audit = audit;
        this.clock = clock;
    }

    /** Why a callback was refused, with the HTTP status the bank is answered. */
    static final class Refused extends RuntimeException {
        final HttpStatus status;

        Refused(HttpStatus status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    record Receipt(String challanNumber, String status, String paymentReference, long amountPkr, Instant paidAt, String bankTransactionId,
                   boolean repeated) {
    }

    @Transactional
    Receipt receive(byte[] body, String signature) {
        if (!keys.bankSigned(body, signature)) {
            throw new Refused(HttpStatus.UNAUTHORIZED, "X-Signature is not the HMAC-SHA256 of the body with the bank's secret");
        }
        JsonNode callback;
        try {
            callback = json.readTree(body);
        } catch (JacksonException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "the body is not JSON");
        }
        if (!callback.isObject()) {
            throw new Refused(HttpStatus.BAD_REQUEST, "the body must be a JSON object");
        }
        TextPolicyJson.firstRefusal(callback).ifPresent(refused -> {
            throw new Refused(HttpStatus.BAD_REQUEST, refused.field() + " " + refused.problem());
        });
        String reference = callback.path("paymentReference").asString("").strip();
        String transaction = callback.path("bankTransactionId").asString("").strip();
        JsonNode amount = callback.path("amountPkr");
        if (transaction.isEmpty() || transaction.length() > 100) {
            throw new Refused(HttpStatus.BAD_REQUEST, "bankTransactionId is required (at most 100 characters)");
        }
        if (!amount.isIntegralNumber() || !amount.canConvertToLong() || amount.longValue() <= 0) {
            throw new Refused(HttpStatus.BAD_REQUEST, "amountPkr must be whole rupees above 0");
        }
        Instant paidAt;
        try {
            paidAt = Instant.parse(callback.path("paidAt").asString(""));
        } catch (DateTimeParseException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "paidAt must be a UTC time such as 2026-11-25T09:30:00Z");
        }
        String digest = HexFormat.of().formatHex(sha256(body));
        var earlier = challans.payment(transaction);
        if (earlier.isPresent()) {
            return repeated(earlier.get(), digest, transaction);
        }
        Instant now = clock.instant();
        if (Duration.between(paidAt, now).abs().compareTo(settings.paymentWindow()) > 0) {
            throw new Refused(HttpStatus.CONFLICT, "paidAt " + paidAt + " is outside the accepted window of " + settings.paymentWindow()
                + ": refused as a stale or replayed callback");
        }
        if (!PaymentReference.valid(reference)) {
            throw new Refused(HttpStatus.BAD_REQUEST, "paymentReference must be 12 digits with valid check digits");
        }
        var challan = challans.byReference(reference)
            .orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "no challan has the payment reference " + reference));
        // An identical callback may have paid it while this one waited for the challan's lock (the bank sends
        // concurrent retries): under the lock its payment is now visible, and the repeat is answered as the first.
        var raced = challans.payment(transaction);
        if (raced.isPresent()) {
            return repeated(raced.get(), digest, transaction);
        }
        if (!challan.payable()) {
            throw new Refused(HttpStatus.CONFLICT, "challan " + challan.number() + " is " + challan.status().name().toLowerCase()
                + " and cannot be paid");
        }
        long due = challan.amountDueOn(paidAt.atZone(TimeConfiguration.DISPLAY_ZONE).toLocalDate(), settings);
        if (amount.longValue() != due) {
            throw new Refused(HttpStatus.UNPROCESSABLE_CONTENT, "amountPkr " + amount.longValue() + " is not the amount due on the payment day, "
                + due);
        }
        challans.insert(new ChallanStore.Payment(transaction, challan.number(), reference, due, paidAt, digest, now));
        challans.paid(challan.number(), due, paidAt);
        challans.step(challan.number(), now, "PAID", "bank", "Rs " + due + ", transaction " + transaction);
        audit.record("traffic.challan-paid", "challan", challan.number(), null, Map.of("amountPkr", due, "bankTransactionId", transaction));
        unpaid.review(challan.plate());
        return new Receipt(challan.number(), "PAID", reference, due, paidAt, transaction, false);
    }

    /** The same transaction confirmed again: the same answer, if it is the same body; a different body is a replay. */
    private static Receipt repeated(ChallanStore.Payment earlier, String digest, String transaction) {
        if (!earlier.bodySha256().equals(digest)) {
            throw new Refused(HttpStatus.CONFLICT, "bankTransactionId " + transaction + " was already received with another body: refused as a replay");
        }
        return new Receipt(earlier.challanNumber(), "PAID", earlier.paymentReference(), earlier.amountPkr(), earlier.paidAt(), transaction,
            true);
    }

    private static byte[] sha256(byte[] body) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
