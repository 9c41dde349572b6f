package org.safecity.evidence.internal.items;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.safecity.evidence.EvidenceIntake;
import org.safecity.evidence.EvidenceKind;
import org.safecity.evidence.IntakeDetails;
import org.safecity.evidence.ReceivedItem;
import org.safecity.evidence.internal.ContentStore;
import org.safecity.evidence.internal.EvidenceItem;
import org.safecity.evidence.internal.ItemStore;
import org.safecity.evidence.internal.cases.CaseStore;
import org.safecity.evidence.internal.custody.CustodyAction;
import org.safecity.evidence.internal.custody.CustodyLog;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.shared.MediaTypeSniffer;
import org.safecity.shared.NotFound;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives an item: its content goes to the write-once store (hashed while streaming), then the
 * item and its first custody entry ({@code created}) are recorded in one transaction. Content
 * stored for a request that is then rejected is removed again unless another item holds it.
 */
@Component
class ReceivingEvidence implements EvidenceIntake {

    private final ContentStore store;
    private final ItemStore items;
    private final CaseStore cases;
    private final CustodyLog custody;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ReceivingEvidence(ContentStore store, ItemStore items, CaseStore cases, CustodyLog custody, AuditTrail audit, Clock clock,
                      TransactionTemplate transaction) {
        this.store = store;
        this.items = items;
        this.cases = cases;
        this.custody = custody;
        this.audit = audit;
        this.clock = clock;
        this.transaction = transaction;
    }

    @Override
    public ReceivedItem receive(InputStream content, IntakeDetails details) throws IOException {
        if (details.caseId() != null && cases.find(details.caseId()).isEmpty()) {
            throw new NotFound("case", details.caseId());
        }
        var stored = store.store(content);
        return register(stored, details);
    }

    /** Records content already in the store as an item; on failure the content is discarded again. */
    ReceivedItem register(ContentStore.Stored stored, IntakeDetails details) {
        try {
            return transaction.execute(status -> record(stored, details));
        } catch (RuntimeException e) {
            discard(stored);
            throw e;
        }
    }

    /** Removes content stored for a request that was then refused, unless an item already held identical content. */
    void discard(ContentStore.Stored stored) {
        if (stored.newlyWritten() && !items.retainedWithContent(stored.sha256())) {
            try {
                store.remove(stored.sha256());
            } catch (IOException e) {
                // an unreferenced file harms nothing; the integrity check does not look for orphans
            }
        }
    }

    private ReceivedItem record(ContentStore.Stored stored, IntakeDetails details) {
        String mediaType = MediaTypeSniffer.sniff(stored.head(), details.originalName());
        EvidenceKind kind = details.kind() != null ? details.kind() : EvidenceKind.forMediaType(mediaType);
        String receivedBy = CurrentActor.name();
        var receivedIn = CurrentActor.jurisdiction();
        var item = new EvidenceItem(UUID.randomUUID(), details.caseId(), stored.sha256(), stored.size(), mediaType, kind,
            details.sourceModule(), details.originalName(), details.description(), details.collectedBy(), details.collectedAt(),
            details.place(), clock.instant(), receivedBy, false, null, null, receivedIn.cityCode(), receivedIn.zoneCode());
        items.insert(item);
        var facts = new LinkedHashMap<String, Object>();
        facts.put("sha256", item.sha256());
        facts.put("size", item.size());
        facts.put("mediaType", mediaType);
        facts.put("kind", kind.name());
        facts.put("source", item.sourceModule());
        facts.put("collectedBy", item.collectedBy());
        facts.put("collectedAt", item.collectedAt().toString());
        if (item.place() != null) facts.put("place", item.place());
        if (item.originalName() != null) facts.put("originalName", item.originalName());
        if (item.caseId() != null) facts.put("caseId", item.caseId().toString());
        custody.append(item.id(), CustodyAction.CREATED, receivedBy, null, null, facts);
        audit.record("evidence.item-received", "evidence", item.id().toString(), null, facts);
        return new ReceivedItem(item.id(), item.sha256(), item.size(), mediaType);
    }
}
