package org.safecity.evidence.internal.custody;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.safecity.evidence.internal.ContentStore;

/**
 * A signed statement of where every item's custody chain ended at one moment. The heads list
 * ({@code "<item id> <seq> <hash>"} lines) is digested; the statement — a few lines of text that
 * include that digest and the previous checkpoint's hash — is what is hashed and signed.
 */
public record Checkpoint(long seq, Instant at, int chains, long entries, String heads, byte[] headsDigest, byte[] previousHash,
                  byte[] hash, String publicKey, byte[] signature) {

    static final byte[] GENESIS = new byte[32];

    static String statement(long seq, Instant at, int chains, long entries, byte[] headsDigest, byte[] previousHash) {
        var hex = HexFormat.of();
        return "safecity-custody-checkpoint/1\nseq: " + seq + "\nat: " + at + "\nchains: " + chains + "\nentries: " + entries
            + "\nheads-sha256: " + hex.formatHex(headsDigest) + "\nprevious: " + hex.formatHex(previousHash) + "\n";
    }

    byte[] statementBytes() {
        return statement(seq, at, chains, entries, headsDigest, previousHash).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] digest(String text) {
        return ContentStore.sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
