package org.safecity.evidence;

import java.time.Instant;
import java.util.UUID;

/**
 * What is known about an item when it is handed over, besides its content.
 *
 * @param sourceModule the module (or {@code upload}) it comes from, e.g. {@code detections}, {@code traffic}
 * @param kind what it is; null to take it from the content's media type
 * @param originalName the file name it had, if any (kept as information; the type comes from the content)
 * @param description free text, may be null
 * @param collectedBy who collected it (a person's or a device's name)
 * @param collectedAt when it was collected (UTC)
 * @param place where it was collected: an address, a camera, a site; may be null
 * @param caseId the case it belongs to, or null for none yet
 */
public record IntakeDetails(String sourceModule, EvidenceKind kind, String originalName, String description,
                            String collectedBy, Instant collectedAt, String place, UUID caseId) {

    public IntakeDetails {
        if (sourceModule == null || sourceModule.isBlank()) {
            throw new IllegalArgumentException("an item needs the module it comes from");
        }
        if (collectedBy == null || collectedBy.isBlank()) {
            throw new IllegalArgumentException("an item needs who collected it");
        }
        if (collectedAt == null) {
            throw new IllegalArgumentException("an item needs when it was collected");
        }
    }
}
