package org.safecity.evidence.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.safecity.evidence.internal.cases.CaseFile;
import org.safecity.evidence.internal.custody.Checkpoint;
import org.safecity.evidence.internal.custody.CustodyEntry;
import org.safecity.evidence.internal.exports.CaseExport;

/** What the evidence API answers with: plain views of the records, hashes as hex. */
public final class EvidenceViews {

    private EvidenceViews() {
    }

    public record CaseSummary(UUID id, String firNumber, String policeStation, String offence, String status,
                       String investigatingOfficer, Instant openedAt) {
        public static CaseSummary of(CaseFile file) {
            return new CaseSummary(file.id(), file.firNumber(), file.policeStation(), file.offence(), file.status().name(),
                file.investigatingOfficer(), file.openedAt());
        }
    }

    public record CaseView(UUID id, String firNumber, String policeStation, String offence, String status, long investigatingOfficerId,
                    String investigatingOfficer, Instant openedAt, String cityCode, String zoneCode, List<CaseFile.Member> members,
                    List<ItemView> items) {
        public static CaseView of(CaseFile file, List<EvidenceItem> items) {
            return new CaseView(file.id(), file.firNumber(), file.policeStation(), file.offence(), file.status().name(),
                file.investigatingOfficerId(), file.investigatingOfficer(), file.openedAt(), file.cityCode(), file.zoneCode(),
                file.members(),
                items.stream().map(ItemView::of).toList());
        }
    }

    public record ItemView(UUID id, UUID caseId, String sha256, long size, String mediaType, String kind, String source, String originalName,
                    String description, String collectedBy, Instant collectedAt, String place, Instant receivedAt, String receivedBy,
                    boolean legalHold, String holdReason, Instant disposedAt) {
        public static ItemView of(EvidenceItem item) {
            return new ItemView(item.id(), item.caseId(), item.sha256(), item.size(), item.mediaType(), item.kind().name(),
                item.sourceModule(), item.originalName(), item.description(), item.collectedBy(), item.collectedAt(), item.place(),
                item.receivedAt(), item.receivedBy(), item.legalHold(), item.holdReason(), item.disposedAt());
        }
    }

    public record CustodyView(UUID itemId, int seq, Instant at, String action, String actor, String recipient, String reason,
                       String details, String previousHash, String hash) {
        public static CustodyView of(CustodyEntry entry) {
            return new CustodyView(entry.itemId(), entry.seq(), entry.at(), entry.action(), entry.actor(), entry.recipient(),
                entry.reason(), entry.details(), entry.previousHashHex(), entry.hashHex());
        }
    }

    public record ExportView(UUID id, UUID caseId, String download, Instant createdAt, String createdBy, String recipient, String reason,
                      int items, long size, String sha256, String manifestSha256) {
        public static ExportView of(CaseExport export) {
            return new ExportView(export.id(), export.caseId(), "/api/v1/exports/" + export.id() + ".zip", export.createdAt(),
                export.createdBy(), export.recipient(), export.reason(), export.items(), export.size(), export.sha256(),
                export.manifestSha256());
        }
    }

    record CheckpointView(long seq, Instant at, int chains, long entries, String headsSha256, String hash, String signature,
                          String publicKey) {
        public static CheckpointView of(Checkpoint checkpoint) {
            var hex = java.util.HexFormat.of();
            return new CheckpointView(checkpoint.seq(), checkpoint.at(), checkpoint.chains(), checkpoint.entries(),
                hex.formatHex(checkpoint.headsDigest()), hex.formatHex(checkpoint.hash()),
                java.util.Base64.getEncoder().encodeToString(checkpoint.signature()), checkpoint.publicKey());
        }
    }
}
