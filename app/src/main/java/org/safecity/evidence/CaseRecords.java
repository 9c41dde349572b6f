package org.safecity.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Read access to cases and items for the console, with the same rules as the HTTP API: only the
 * case team and supervisors see a case (others get {@link org.safecity.shared.NotFound}), every
 * read of a case is audited, and reading an item is recorded in its custody log.
 */
public interface CaseRecords {

    /** The cases the signed-in person is on (all cases for a supervisor), newest first. */
    List<CaseListing> visibleCases(int page);

    /** One case with its team and items; audited as {@code evidence.case-viewed}. */
    CaseDetail caseFile(UUID caseId);

    /** One item with its custody log; recorded as {@code viewed} in that log. */
    ItemHistory itemHistory(UUID itemId);

    /** Where a case can stand, in order, for a form's choices. */
    default List<String> statuses() {
        return List.of("OPEN", "UNDER_INVESTIGATION", "CHALLAN_SUBMITTED", "UNDER_TRIAL", "CLOSED");
    }

    /** The kinds of item, for a form's choices. */
    default List<EvidenceKind> kinds() {
        return List.of(EvidenceKind.values());
    }

    record CaseListing(UUID id, String firNumber, String policeStation, String offence, String status, String investigatingOfficer,
                       Instant openedAt) {
    }

    record CaseDetail(CaseListing summary, List<String> team, List<ItemListing> items) {
    }

    record ItemListing(UUID id, String kind, String mediaType, long size, String sha256, String originalName, String description,
                       String collectedBy, Instant collectedAt, String place, Instant receivedAt, String receivedBy,
                       boolean legalHold, String holdReason, Instant disposedAt) {
    }

    record ItemHistory(ItemListing item, UUID caseId, List<CustodyRecord> custody) {
    }

    record CustodyRecord(int seq, Instant at, String action, String actor, String recipient, String reason, String hash) {
    }
}
