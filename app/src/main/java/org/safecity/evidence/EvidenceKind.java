package org.safecity.evidence;

import java.util.Locale;

/** What an item is; each kind has its own retention period. */
public enum EvidenceKind {
    CCTV_FOOTAGE,
    PHOTO,
    DOCUMENT,
    DETECTION_IMAGE,
    CHALLAN_EVIDENCE,
    INCIDENT_ATTACHMENT,
    VIDEO_CLIP,
    OTHER;

    /** Reads {@code cctv-footage}, {@code CCTV_FOOTAGE} or {@code cctv footage}; null when the text names no kind. */
    public static EvidenceKind parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (var kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    /** The kind an item is taken to be when its sender does not say: from what its content is. */
    public static EvidenceKind forMediaType(String mediaType) {
        if (mediaType.startsWith("video/")) {
            return CCTV_FOOTAGE;
        }
        if (mediaType.startsWith("image/")) {
            return PHOTO;
        }
        return DOCUMENT;
    }
}
