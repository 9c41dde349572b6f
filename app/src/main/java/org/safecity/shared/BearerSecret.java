package org.safecity.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A kind of secret presented as a bearer credential (a person's API token, a device's key, a panic
 * button's, a department feed's): its prefix says what the secret is for, then 32 random bytes in
 * URL-safe base64. Only a secret's SHA-256 is kept, so the table of a stolen backup signs nobody in.
 */
public record BearerSecret(String prefix) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    /** A new secret of this kind, to be shown once and kept only as its {@link #hash}. */
    public String issue() {
        byte[] secret = new byte[BYTES];
        RANDOM.nextBytes(secret);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Whether a presented secret is of this kind at all: one of another kind is not looked up. */
    public boolean isOfKind(String presented) {
        return presented != null && presented.startsWith(prefix);
    }

    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
