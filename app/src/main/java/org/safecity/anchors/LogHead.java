package org.safecity.anchors;

/**
 * Where a log ended when it was sealed.
 *
 * @param position the log's own number for its last entry or seal (the audit entry's seq, the custody checkpoint's seq)
 * @param entries how many entries the log held
 * @param head the SHA-256 (hex) of that last entry or seal, which covers everything before it
 */
public record LogHead(long position, long entries, String head) {
}
