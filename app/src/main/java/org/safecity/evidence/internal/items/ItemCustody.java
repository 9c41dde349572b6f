package org.safecity.evidence.internal.items;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safecity.evidence.internal.ContentStore;
import org.safecity.evidence.internal.EvidenceItem;
import org.safecity.evidence.internal.ItemStore;
import org.safecity.evidence.internal.cases.CaseAccessPolicy;
import org.safecity.evidence.internal.cases.CaseStore;
import org.safecity.evidence.internal.custody.CheckingIntegrity;
import org.safecity.evidence.internal.custody.CustodyAction;
import org.safecity.evidence.internal.custody.CustodyEntry;
import org.safecity.evidence.internal.custody.CustodyLog;
import org.safecity.evidence.internal.custody.IntegrityFailures;
import org.safecity.evidence.internal.custody.IntegrityReport;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Role;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What people do with an item, each recorded in its custody log and in the audit trail: viewing
 * it, downloading it, handing it to a person or a court, setting and lifting a legal hold.
 */
@Component
public class ItemCustody {

    private final ItemStore items;
    private final CaseStore cases;
    private final CustodyLog custody;
    private final ContentStore store;
    private final AuditTrail audit;
    private final IntegrityFailures failures;
    private final TransactionTemplate transaction;

    ItemCustody(ItemStore items, CaseStore cases, CustodyLog custody, ContentStore store, AuditTrail audit, IntegrityFailures failures,
                TransactionTemplate transaction) {
        this.items = items;
        this.cases = cases;
        this.custody = custody;
        this.store = store;
        this.audit = audit;
        this.failures = failures;
        this.transaction = transaction;
    }

    @Transactional
    public EvidenceItem view(UUID id) {
        var item = accessible(id);
        custody.append(id, CustodyAction.VIEWED, CurrentActor.name(), null, null, Map.of());
        audit.record("evidence.item-viewed", "evidence", id.toString());
        return item;
    }

    /**
     * The item's content, verified against its SHA-256 as it goes out (see {@link ServedContent}), with
     * the download recorded; refused for an item disposed of, and, recorded as an integrity failure,
     * for one whose stored content no longer matches. Each record is a transaction of its own.
     */
    ServedContent download(UUID id) throws IOException {
        var item = accessible(id);
        if (item.disposed()) {
            throw new Conflict("Item " + id + " was disposed of on " + item.disposedAt() + "; its content no longer exists.");
        }
        if (item.size() <= ServedContent.VERIFIED_FIRST) {
            byte[] bytes = null;
            try (InputStream in = store.open(item.sha256())) {
                bytes = in.readNBytes((int) ServedContent.VERIFIED_FIRST + 1);
            } catch (NoSuchFileException missing) {
                // reported below as missing
            }
            var onDisk = bytes == null ? null : new ContentStore.Stored(
                HexFormat.of().formatHex(ContentStore.sha256().digest(bytes)), bytes.length, new byte[0], false);
            var problem = CheckingIntegrity.contentProblem(item, onDisk);
            if (problem.isPresent()) {
                throw withheld(item, problem.get());
            }
            recordDownload(item);
            return new ServedContent.Checked(bytes);
        }
        InputStream in;
        try {
            in = store.open(item.sha256());
        } catch (NoSuchFileException missing) {
            throw withheld(item, CheckingIntegrity.contentProblem(item, null).orElseThrow());
        }
        recordDownload(item);
        return new ServedContent.Streamed(new ServedContent.VerifiedWhileStreaming(in, item,
            problem -> failures.record(item, "download", List.of(problem))), item.size());
    }

    private Conflict withheld(EvidenceItem item, IntegrityReport.Problem problem) {
        failures.record(item, "download", List.of(problem));
        return new Conflict("Item " + item.id() + " failed verification: " + problem.problem() + ". Its content is withheld and "
            + "the failure is recorded in its custody log; run the integrity check and restore the file from a copy.");
    }

    private void recordDownload(EvidenceItem item) {
        transaction.executeWithoutResult(status -> {
            custody.append(item.id(), CustodyAction.DOWNLOADED, CurrentActor.name(), null, null, Map.of("sha256", item.sha256()));
            audit.record("evidence.item-downloaded", "evidence", item.id().toString());
        });
    }

    @Transactional
    public List<CustodyEntry> history(UUID id) {
        accessible(id);
        audit.record("evidence.custody-viewed", "evidence", id.toString());
        return custody.of(id);
    }

    @Transactional
    CustodyEntry handOver(UUID id, String recipient, String reason) {
        requireText("recipient", recipient);
        requireText("reason", reason);
        var item = lockedAccessible(id);
        if (item.disposed()) {
            throw new Conflict("Item " + id + " was disposed of; it cannot be handed over.");
        }
        var entry = custody.append(id, CustodyAction.HANDED_OVER, CurrentActor.name(), recipient, reason, Map.of());
        audit.record("evidence.item-handed-over", "evidence", id.toString(), reason, Map.of("recipient", recipient));
        return entry;
    }

    @Transactional
    CustodyEntry setHold(UUID id, String reason) {
        requireText("reason", reason);
        var item = lockedAccessible(id);
        if (item.disposed()) {
            throw new Conflict("Item " + id + " was disposed of; there is nothing left to hold.");
        }
        if (item.legalHold()) {
            throw new Conflict("Item " + id + " is already on legal hold (" + item.holdReason() + ").");
        }
        items.setHold(id, true, reason.strip());
        var entry = custody.append(id, CustodyAction.LEGAL_HOLD_SET, CurrentActor.name(), null, reason, Map.of());
        audit.record("evidence.legal-hold-set", "evidence", id.toString(), reason, Map.of());
        return entry;
    }

    @Transactional
    CustodyEntry liftHold(UUID id, String reason) {
        requireText("reason", reason);
        var item = lockedAccessible(id);
        if (!item.legalHold()) {
            throw new Conflict("Item " + id + " is not on legal hold.");
        }
        items.setHold(id, false, null);
        var entry = custody.append(id, CustodyAction.LEGAL_HOLD_LIFTED, CurrentActor.name(), null, reason, Map.of());
        audit.record("evidence.legal-hold-lifted", "evidence", id.toString(), reason, Map.of());
        return entry;
    }

    /** The item, if the caller may see its case; an item on no case is for the supervisors of where it was received. */
    EvidenceItem accessible(UUID id) {
        return checked(items.find(id).orElseThrow(() -> new NotFound("evidence item", id)));
    }

    private EvidenceItem lockedAccessible(UUID id) {
        return checked(items.lock(id).orElseThrow(() -> new NotFound("evidence item", id)));
    }

    private EvidenceItem checked(EvidenceItem item) {
        var actor = CurrentActor.get();
        boolean allowed = item.caseId() == null
            ? actor.has(Role.SUPERVISOR) && actor.jurisdiction().covers(item.cityCode(), item.zoneCode())
            : cases.find(item.caseId()).map(file -> CaseAccessPolicy.mayAccess(actor, file)).orElse(false);
        if (!allowed) {
            throw new NotFound("evidence item", item.id());
        }
        return item;
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        if (value.length() > 1000) {
            throw new InvalidInput(field, "must be at most 1000 characters");
        }
    }
}
