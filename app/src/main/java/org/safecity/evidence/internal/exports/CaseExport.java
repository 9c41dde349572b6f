package org.safecity.evidence.internal.exports;

import java.time.Instant;
import java.util.UUID;

/** A sealed export bundle of a case, kept as a ZIP for download. */
public record CaseExport(UUID id, UUID caseId, Instant createdAt, String createdBy, String recipient, String reason, int items,
                  long size, String sha256, String manifestSha256) {
}
