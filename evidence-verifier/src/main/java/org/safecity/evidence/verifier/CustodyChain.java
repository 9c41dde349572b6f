package org.safecity.evidence.verifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One item's chain of custody as exported in {@code custody.json}. Each entry's hash is
 * SHA-256(previous entry's hash, 32 bytes; zeros for the first || UTF-8 of the canonical form), the
 * canonical form being the fields itemId, seq, at, action, actor, recipient, reason, details joined
 * by U+001F, with an absent field written as U+0000. SafeCity computes the same when it appends.
 */
final class CustodyChain {

    static final byte[] GENESIS = new byte[32];
    private static final HexFormat HEX = HexFormat.of();

    private CustodyChain() {
    }

    static String canonical(Map<String, Object> entry) {
        return String.join("\u001f", text(entry.get("itemId")), text(entry.get("seq")), text(entry.get("at")),
            text(entry.get("action")), text(entry.get("actor")), text(entry.get("recipient")), text(entry.get("reason")),
            text(entry.get("details")));
    }

    static byte[] hash(byte[] previous, String canonical) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous);
            digest.update(canonical.getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks one item's entries in order and returns what is wrong, each problem naming the entry;
     * an empty list means the chain is whole from its first entry to {@code expectedHeadSeq}.
     */
    static List<String> problems(String itemId, List<Map<String, Object>> entries, long expectedHeadSeq, String expectedHeadHash) {
        List<String> problems = new ArrayList<>();
        byte[] previous = GENESIS;
        long expectedSeq = 1;
        for (var entry : entries) {
            long seq = number(entry.get("seq"));
            String label = "custody entry " + seq + " (" + entry.get("action") + ")";
            if (!itemId.equals(entry.get("itemId"))) {
                problems.add(label + " belongs to item " + entry.get("itemId") + ", not " + itemId);
            }
            if (seq != expectedSeq) {
                problems.add(seq > expectedSeq
                    ? "custody entry " + expectedSeq + (seq - expectedSeq > 1 ? " to " + (seq - 1) : "") + " missing (the chain jumps from "
                        + (expectedSeq - 1) + " to " + seq + ")"
                    : label + " is out of order (expected entry " + expectedSeq + ")");
            }
            byte[] recorded = bytes(entry.get("hash"));
            byte[] recordedPrevious = bytes(entry.get("previousHash"));
            if (recordedPrevious == null || !MessageDigest.isEqual(recordedPrevious, previous)) {
                if (seq == expectedSeq) {
                    problems.add(label + " does not follow the entry before it (previousHash is "
                        + hex(recordedPrevious) + ", the previous entry's hash is " + HEX.formatHex(previous) + ")");
                }
            }
            byte[] recomputed = hash(recordedPrevious == null ? previous : recordedPrevious, canonical(entry));
            if (recorded == null || !MessageDigest.isEqual(recomputed, recorded)) {
                problems.add(label + " was altered: its fields hash to " + HEX.formatHex(recomputed) + ", the entry says " + hex(recorded));
            }
            previous = recorded == null ? recomputed : recorded;
            expectedSeq = seq + 1;
        }
        long lastSeq = expectedSeq - 1;
        if (lastSeq != expectedHeadSeq) {
            problems.add("the chain ends at entry " + lastSeq + " but the manifest records " + expectedHeadSeq
                + " entries (" + (lastSeq < expectedHeadSeq ? "entries removed" : "entries added") + ")");
        } else if (!HEX.formatHex(previous).equalsIgnoreCase(expectedHeadHash)) {
            problems.add("the last entry's hash is " + HEX.formatHex(previous) + ", the manifest says " + expectedHeadHash);
        }
        return problems;
    }

    private static String text(Object value) {
        if (value == null) {
            return "\u0000";
        }
        if (value instanceof java.math.BigDecimal number) {
            return number.toPlainString();
        }
        return value.toString();
    }

    static long number(Object value) {
        if (value instanceof java.math.BigDecimal number) {
            return number.longValueExact();
        }
        throw new IllegalArgumentException("expected a number, found " + value);
    }

    private static byte[] bytes(Object hex) {
        if (!(hex instanceof String text)) {
            return null;
        }
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String hex(byte[] value) {
        return value == null ? "(missing)" : HEX.formatHex(value);
    }
}
