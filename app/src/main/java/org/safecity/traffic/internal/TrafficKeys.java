package org.safecity.traffic.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.safecity.storage.KeyFiles;
import org.safecity.storage.StorageSettings;
import org.springframework.stereotype.Component;

/**
 * The two HMAC-SHA256 secrets of e-challan: the notice key (signs the QR code's verification link and
 * the citizen's expiring evidence and notice links; generated once in {@code <data-dir>/keys/traffic-notice.key})
 * and the bank's callback secret ({@code safecity.traffic.bank-secret}, else generated once in
 * {@code <data-dir>/keys/traffic-bank.secret} and given to the bank).
 */
@Component
public class TrafficKeys {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] noticeKey;
    private final byte[] bankSecret;

    TrafficKeys(TrafficSettings settings, StorageSettings storage) throws IOException {
        Path keys = storage.dataDir().resolve("keys");
        this.noticeKey = keptIn(keys.resolve("traffic-notice.key"));
        this.bankSecret = settings.bankSecret() != null && !settings.bankSecret().isBlank()
            ? settings.bankSecret().strip().getBytes(StandardCharsets.UTF_8)
            : keptIn(keys.resolve("traffic-bank.secret"));
    }

    /** The signature printed in a notice's QR code, over the challan's essential fields. */
    public String noticeSignature(String number, String plate, String offence, Instant observedAt, long finePkr) {
        byte[] mac = hmac(noticeKey, String.join("|", "notice", number, plate, offence, observedAt.toString(), Long.toString(finePkr)));
        return URL.encodeToString(mac).substring(0, 32); // 192 bits: enough, and short enough for a QR code
    }

    /** A link token {@code <expiry epoch seconds>.<signature>} for one challan's evidence or notice. */
    public String linkToken(String number, String what, Instant expires) {
        long until = expires.getEpochSecond();
        return until + "." + URL.encodeToString(hmac(noticeKey, String.join("|", "link", number, what, Long.toString(until))));
    }

    public boolean linkValid(String number, String what, String token, Instant now) {
        if (token == null || !token.matches("\\d{1,12}\\.[A-Za-z0-9_-]{20,60}")) {
            return false;
        }
        long until = Long.parseLong(token.substring(0, token.indexOf('.')));
        return now.getEpochSecond() <= until && same(linkToken(number, what, Instant.ofEpochSecond(until)), token);
    }

    /** Whether {@code signatureHex} is the HMAC-SHA256 of the raw callback body with the bank secret. */
    public boolean bankSigned(byte[] body, String signatureHex) {
        if (signatureHex == null) {
            return false;
        }
        String given = signatureHex.strip().toLowerCase(java.util.Locale.ROOT);
        if (given.startsWith("sha256=")) {
            given = given.substring("sha256=".length());
        }
        return same(HexFormat.of().formatHex(hmac(bankSecret, body)), given);
    }

    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] keptIn(Path file) throws IOException {
        String text = KeyFiles.keptIn(file, () -> {
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            return HexFormat.of().formatHex(generated);
        }, "the secret " + file.getFileName());
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
