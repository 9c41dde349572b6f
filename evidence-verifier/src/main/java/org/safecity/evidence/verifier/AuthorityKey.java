package org.safecity.evidence.verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** The Authority's Ed25519 public key, read from a PEM file ("BEGIN PUBLIC KEY") or its DER bytes. */
record AuthorityKey(PublicKey key, String fingerprint) {

    static AuthorityKey read(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        String text = new String(content, StandardCharsets.US_ASCII);
        byte[] der = content;
        if (text.contains("-----BEGIN")) {
            String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
            der = Base64.getDecoder().decode(body);
        }
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            return new AuthorityKey(key, fingerprint(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not an Ed25519 public key (PEM \"PUBLIC KEY\" or DER): " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the DER SubjectPublicKeyInfo, as the manifest's {@code signingKeySha256} records it. */
    static String fingerprint(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
