package org.safecity.evidence;

import java.util.UUID;

/** An item as stored: its id, the SHA-256 of its content (hex), its size in bytes and the media type sniffed from it. */
public record ReceivedItem(UUID id, String sha256, long size, String mediaType) {
}
