package org.safecity.anchors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One anchor: a signed statement of where one log ended, linked to the log's anchor before it.
 * The statement (a few lines of text, {@link #statement()}) is what is signed and time-stamped;
 * each anchor is one line of JSON in {@code <data-dir>/anchors/<log>.anchors}.
 *
 * @param seq this log's anchor number, from 1
 * @param previous SHA-256 (hex) of the previous anchor's statement; 64 zeros for the first
 * @param publicKey the signing key, base64 of its X.509 SubjectPublicKeyInfo
 * @param signature Ed25519 signature of the statement, base64
 * @param timestamp the RFC 3161 time-stamp token over the statement's SHA-256 (DER, base64); null without a TSA
 * @param timestampedAt the time the TSA vouches for; null without a TSA
 */
public record Anchor(String log, long seq, Instant at, long position, long entries, String head, String previous,
                     String publicKey, String signature, String timestamp, Instant timestampedAt) {

    public static final String GENESIS = "0".repeat(64);

    public static String statement(String log, long seq, Instant at, long position, long entries, String head, String previous) {
        return "safecity-anchor/1\nlog: " + log + "\nseq: " + seq + "\nat: " + at + "\nposition: " + position
            + "\nentries: " + entries + "\nhead: " + head + "\nprevious: " + previous + "\n";
    }

    public String statement() {
        return statement(log, seq, at, position, entries, head, previous);
    }

    /** SHA-256 of the statement: what the TSA time-stamps and what the next anchor links to. */
    public byte[] statementHash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(statement().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String statementHashHex() {
        return HexFormat.of().formatHex(statementHash());
    }

    public LogHead logHead() {
        return new LogHead(position, entries, head);
    }
}
