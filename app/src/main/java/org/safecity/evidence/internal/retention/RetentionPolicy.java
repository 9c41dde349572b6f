package org.safecity.evidence.internal.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.safecity.evidence.EvidenceKind;
import org.safecity.evidence.internal.EvidenceItem;
import org.safecity.evidence.internal.cases.CaseStatus;

/**
 * How long evidence is kept, by kind, counted from when it was received; and when an item may be
 * disposed of: its time is up, it is not on legal hold, and its case (if any) is closed. An item
 * of an open case stays, however old, because a trial may still need it.
 */
record RetentionPolicy(Map<EvidenceKind, Duration> retention) {

    Duration of(EvidenceKind kind) {
        return retention.get(kind);
    }

    Instant expiresAt(EvidenceItem item) {
        return item.receivedAt().plus(of(item.kind()));
    }

    boolean mayDispose(EvidenceItem item, CaseStatus caseStatus, Instant now) {
        return !item.disposed()
            && !item.legalHold()
            && (item.caseId() == null || caseStatus == CaseStatus.CLOSED)
            && !now.isBefore(expiresAt(item));
    }
}
