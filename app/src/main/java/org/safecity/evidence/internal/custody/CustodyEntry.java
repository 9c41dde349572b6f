package org.safecity.evidence.internal.custody;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.safecity.evidence.internal.ContentStore;

/**
 * One entry of an item's custody log. Its hash is SHA-256(previous entry's hash, or 32 zero bytes
 * for the first || UTF-8 of {@link #canonical()}); the offline verifier computes exactly the same,
 * so this format is part of the bundle's contract (see docs/evidence.md).
 *
 * @param at truncated to microseconds, which is what PostgreSQL keeps
 * @param details a JSON object as text, hashed as written
 */
public record CustodyEntry(UUID itemId, int seq, Instant at, String action, String actor, String recipient, String reason,
                    String details, byte[] previousHash, byte[] hash) {

    public static final byte[] GENESIS = new byte[32];

    String canonical() {
        return String.join("\u001f", itemId.toString(), Integer.toString(seq), at.toString(), action, actor,
            nz(recipient), nz(reason), nz(details));
    }

    /** The hash this entry's fields and predecessor give: equal to {@link #hash()} unless it was changed. */
    byte[] recomputedHash() {
        return hashOf(previousHash, canonical());
    }

    static byte[] hashOf(byte[] previous, String canonical) {
        MessageDigest digest = ContentStore.sha256();
        digest.update(previous);
        digest.update(canonical.getBytes(StandardCharsets.UTF_8));
        return digest.digest();
    }

    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }

    public String previousHashHex() {
        return HexFormat.of().formatHex(previousHash);
    }

    private static String nz(String value) {
        return value == null ? "\u0000" : value;
    }
}
