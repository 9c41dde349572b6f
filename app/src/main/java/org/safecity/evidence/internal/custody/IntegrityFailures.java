package org.safecity.evidence.internal.custody;

import java.util.List;
import java.util.Map;
import org.safecity.evidence.internal.EvidenceItem;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that an item failed verification while it was being served or exported: an
 * {@code integrity-failed} entry in its custody log and in the audit trail (which supervisors and
 * auditors read), and an error in the log for whoever watches the server. In a transaction of its
 * own, so the refusal that follows, which rolls back the caller's work, does not take the record with it.
 */
@Component
public class IntegrityFailures {

    private static final Logger log = LoggerFactory.getLogger(IntegrityFailures.class);
    private final CustodyLog custody;
    private final AuditTrail audit;

    IntegrityFailures(CustodyLog custody, AuditTrail audit) {
        this.custody = custody;
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(EvidenceItem item, String during, List<IntegrityReport.Problem> problems) {
        String found = describe(problems);
        log.error("evidence item {} failed verification during {}: {}", item.id(), during, found);
        custody.append(item.id(), CustodyAction.INTEGRITY_FAILED, CurrentActor.name(), null, during, Map.of("problems", found));
        audit.record("evidence.integrity-failed", "evidence", item.id().toString(), during, Map.of("problems", found));
    }

    public static String describe(List<IntegrityReport.Problem> problems) {
        return String.join("; ", problems.stream().map(IntegrityReport.Problem::problem).toList());
    }
}
