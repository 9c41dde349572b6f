package org.safecity.evidence.internal;

import java.time.Instant;
import java.util.UUID;
import org.safecity.evidence.EvidenceKind;

/** An item of evidence as recorded; its content is in the store under {@link #sha256()}. */
public record EvidenceItem(UUID id, UUID caseId, String sha256, long size, String mediaType, EvidenceKind kind, String sourceModule,
                    String originalName, String description, String collectedBy, Instant collectedAt, String place,
                    Instant receivedAt, String receivedBy, boolean legalHold, String holdReason, Instant disposedAt,
                    String cityCode, String zoneCode) {

    public boolean disposed() {
        return disposedAt != null;
    }

    /** A file name for the item in an export: its id, then its original name made safe, or its kind and type. */
    public String exportName() {
        String base = originalName == null ? kind.name().toLowerCase() + extension() : originalName;
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 80) {
            safe = safe.substring(safe.length() - 80);
        }
        return id + "-" + safe;
    }

    private String extension() {
        return switch (mediaType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "video/mp4" -> ".mp4";
            case "video/quicktime" -> ".mov";
            case "application/pdf" -> ".pdf";
            case "text/plain" -> ".txt";
            default -> ".bin";
        };
    }
}
