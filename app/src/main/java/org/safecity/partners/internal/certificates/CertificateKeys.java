package org.safecity.partners.internal.certificates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.safecity.storage.KeyFiles;
import org.safecity.storage.StorageSettings;
import org.springframework.stereotype.Component;

/**
 * The HMAC-SHA256 key that signs compliance certificates' QR codes, kept as the challan notice key is
 * ({@link KeyFiles}: generated once in {@code <data-dir>/keys/partners-certificate.key}) but its own, so a
 * notice's signature is never a certificate's.
 */
@Component
class CertificateKeys {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    CertificateKeys(StorageSettings storage) throws IOException {
        var file = storage.dataDir().resolve("keys").resolve("partners-certificate.key");
        this.key = KeyFiles.keptIn(file, () -> {
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            return HexFormat.of().formatHex(generated);
        }, "the secret " + file.getFileName()).getBytes(StandardCharsets.UTF_8);
    }

    /** The signature a certificate's QR code carries, over what the certificate states. */
    String sign(String number, long premisesId, String licenceNumber, String name) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal(String.join("|", "certificate", number, Long.toString(premisesId), licenceNumber, name)
                .getBytes(StandardCharsets.UTF_8));
            return URL.encodeToString(signed).substring(0, 32); // 192 bits, short enough for a QR code
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    boolean genuine(String number, long premisesId, String licenceNumber, String name, String signature) {
        return signature != null && MessageDigest.isEqual(sign(number, premisesId, licenceNumber, name).getBytes(StandardCharsets.UTF_8),
            signature.getBytes(StandardCharsets.UTF_8));
    }
}
