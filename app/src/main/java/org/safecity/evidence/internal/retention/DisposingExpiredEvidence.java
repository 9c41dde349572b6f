package org.safecity.evidence.internal.retention;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.safecity.evidence.EvidenceKind;
import org.safecity.evidence.internal.ContentStore;
import org.safecity.evidence.internal.ItemStore;
import org.safecity.evidence.internal.cases.CaseFile;
import org.safecity.evidence.internal.cases.CaseStore;
import org.safecity.evidence.internal.custody.CustodyAction;
import org.safecity.evidence.internal.custody.CustodyLog;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disposes of items whose retention is over ({@link RetentionPolicy}): each in its own transaction,
 * re-checked under the item's row lock so a hold set a moment ago wins; the item's record and
 * custody log stay (with a {@code disposed} entry), its content is removed once no retained item
 * shares it. Works in batches and stops between them when the application stops.
 */
@Component
public class DisposingExpiredEvidence {

    private static final Logger log = LoggerFactory.getLogger(DisposingExpiredEvidence.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final ItemStore items;
    private final CaseStore cases;
    private final CustodyLog custody;
    private final ContentStore store;
    private final RetentionSettings retention;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    DisposingExpiredEvidence(JdbcClient jdbc, ItemStore items, CaseStore cases, CustodyLog custody, ContentStore store,
                             RetentionSettings retention, AuditTrail audit, Clock clock, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.items = items;
        this.cases = cases;
        this.custody = custody;
        this.store = store;
        this.retention = retention;
        this.audit = audit;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** What one run did. */
    public record Outcome(List<UUID> disposed, int filesRemoved) {
    }

    public Outcome run() {
        var policy = retention.policy();
        List<UUID> disposed = new ArrayList<>();
        int filesRemoved = 0;
        for (EvidenceKind kind : EvidenceKind.values()) {
            var cutoff = clock.instant().minus(policy.of(kind));
            Set<UUID> passed = new HashSet<>();
            while (!Thread.currentThread().isInterrupted()) {
                var candidates = jdbc.sql("""
                        select i.id from evidence.item i left join evidence.case_file c on c.id = i.case_id
                        where i.disposed_at is null and not i.legal_hold and i.kind = ? and i.received_at < ?
                          and (i.case_id is null or c.status = 'CLOSED')
                        order by i.received_at limit ?""")
                    .params(kind.name(), java.sql.Timestamp.from(cutoff), BATCH + passed.size())
                    .query(UUID.class).list().stream().filter(id -> !passed.contains(id)).toList();
                if (candidates.isEmpty()) {
                    break;
                }
                for (UUID id : candidates) {
                    var sha256 = transaction.execute(status -> dispose(id, policy));
                    if (sha256 == null) {
                        passed.add(id);
                        continue;
                    }
                    disposed.add(id);
                    passed.add(id);
                    if (removeIfUnshared(sha256)) {
                        filesRemoved++;
                    }
                }
            }
        }
        if (!disposed.isEmpty()) {
            log.info("Disposed of {} evidence items whose retention ended ({} files removed)", disposed.size(), filesRemoved);
        }
        return new Outcome(List.copyOf(disposed), filesRemoved);
    }

    /** Disposes of one item if the policy still allows it now; returns its content hash, or null if it stays. */
    private String dispose(UUID id, RetentionPolicy policy) {
        var item = items.lock(id).orElse(null);
        if (item == null) {
            return null;
        }
        var caseStatus = item.caseId() == null ? null : cases.find(item.caseId()).map(CaseFile::status).orElse(null);
        var now = clock.instant();
        if (!policy.mayDispose(item, caseStatus, now)) {
            return null;
        }
        items.markDisposed(id, now);
        var facts = Map.of("kind", item.kind().name(), "retainFor", policy.of(item.kind()).toString(),
            "receivedAt", item.receivedAt().toString(), "sha256", item.sha256());
        custody.append(id, CustodyAction.DISPOSED, CurrentActor.name(), null, "retention period ended", facts);
        audit.record("evidence.item-disposed", "evidence", id.toString(), "retention period ended", facts);
        return item.sha256();
    }

    private boolean removeIfUnshared(String sha256) {
        if (items.retainedWithContent(sha256)) {
            return false;
        }
        try {
            return store.remove(sha256);
        } catch (IOException e) {
            log.error("Could not remove the content {} of a disposed item; remove it by hand", sha256, e);
            return false;
        }
    }
}
