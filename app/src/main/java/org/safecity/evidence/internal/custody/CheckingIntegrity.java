package org.safecity.evidence.internal.custody;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.safecity.anchors.Anchors;
import org.safecity.evidence.internal.ContentStore;
import org.safecity.evidence.internal.EvidenceItem;
import org.safecity.evidence.internal.ItemStore;
import org.safecity.identity.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The integrity check: re-hashes every retained item's stored content, re-computes every custody
 * chain, and re-verifies every checkpoint's signature and link, that the chains still end where
 * the latest checkpoint says they did, and that the log still reaches its newest anchor outside the
 * database. Reports every problem found, each naming what is wrong.
 */
@Component
public class CheckingIntegrity {

    private static final int PAGE = 500;
    private final JdbcClient jdbc;
    private final ItemStore items;
    private final CustodyLog custody;
    private final ContentStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final Anchors anchors;

    CheckingIntegrity(JdbcClient jdbc, ItemStore items, CustodyLog custody, ContentStore store, AuditTrail audit, Clock clock,
                      Anchors anchors) {
        this.jdbc = jdbc;
        this.items = items;
        this.custody = custody;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.anchors = anchors;
    }

    public IntegrityReport check() {
        List<IntegrityReport.Problem> problems = new ArrayList<>();
        int itemsChecked = checkContent(problems);
        Map<UUID, CustodyEntry> heads = new HashMap<>();
        long[] entries = {0};
        custody.forEachChain(chain -> {
            entries[0] += chain.size();
            checkChain(chain, problems);
            if (!chain.isEmpty()) {
                heads.put(chain.getFirst().itemId(), chain.getLast());
            }
        });
        var checkpoints = jdbc.sql("select " + SealingCustodyLog.COLUMNS + " from evidence.checkpoint order by seq")
            .query(SealingCustodyLog::map).list();
        long sealed = checkCheckpoints(checkpoints, problems);
        if (!checkpoints.isEmpty()) {
            checkHeads(checkpoints.getLast(), problems);
        }
        // the newest checkpoints and entries can be removed together without breaking any chain; the anchor outside notices
        var anchored = anchors.check("custody");
        if (!anchored.intact()) {
            problems.add(new IntegrityReport.Problem(null, null, anchored.newest().position(), anchored.problem()));
        }
        var report = new IntegrityReport(problems.isEmpty(), clock.instant(), itemsChecked, entries[0], checkpoints.size(),
            Math.max(0, entries[0] - sealed), List.copyOf(problems));
        audit.record("evidence.integrity-checked", "evidence", null, null,
            Map.of("intact", report.intact(), "problems", problems.size(), "items", itemsChecked, "entries", entries[0]));
        return report;
    }

    private int checkContent(List<IntegrityReport.Problem> problems) {
        int checked = 0;
        UUID after = new UUID(0, 0);
        // UUIDs compare as unsigned bytes in PostgreSQL; the all-zero UUID is the smallest
        while (true) {
            var page = items.retainedAfter(after, PAGE);
            if (page.isEmpty()) {
                return checked;
            }
            for (var item : page) {
                checked++;
                contentProblem(item).ifPresent(problems::add);
            }
            after = page.getLast().id();
        }
    }

    /** What is wrong with one item's custody chain, if anything (empty = intact). */
    public List<IntegrityReport.Problem> checkChain(UUID itemId) {
        List<IntegrityReport.Problem> problems = new ArrayList<>();
        checkChain(custody.of(itemId), problems);
        return problems;
    }

    private Optional<IntegrityReport.Problem> contentProblem(EvidenceItem item) {
        try {
            return contentProblem(item, store.rehash(item.sha256()).orElse(null));
        } catch (IOException e) {
            return Optional.of(new IntegrityReport.Problem(item.id(), null, null, "the stored file cannot be read: " + e.getMessage()));
        }
    }

    /** What is wrong with the content found on disk ({@code null}: no file) measured against what intake recorded. */
    public static Optional<IntegrityReport.Problem> contentProblem(EvidenceItem item, ContentStore.Stored onDisk) {
        if (onDisk == null) {
            return Optional.of(new IntegrityReport.Problem(item.id(), null, null, "the stored file " + item.sha256() + " is missing"));
        }
        if (!onDisk.sha256().equals(item.sha256())) {
            return Optional.of(new IntegrityReport.Problem(item.id(), null, null, "the stored file's SHA-256 is "
                + onDisk.sha256() + ", recorded at intake as " + item.sha256() + " (" + onDisk.size()
                + " bytes, recorded " + item.size() + ")"));
        }
        if (onDisk.size() != item.size()) {
            return Optional.of(new IntegrityReport.Problem(item.id(), null, null,
                "the stored file has " + onDisk.size() + " bytes, recorded " + item.size()));
        }
        return Optional.empty();
    }

    private static void checkChain(List<CustodyEntry> chain, List<IntegrityReport.Problem> problems) {
        byte[] previous = CustodyEntry.GENESIS;
        int expected = 1;
        for (var entry : chain) {
            if (entry.seq() != expected) {
                problems.add(new IntegrityReport.Problem(entry.itemId(), expected, null,
                    "custody entry " + expected + (entry.seq() - expected > 1 ? " to " + (entry.seq() - 1) : "") + " is missing"));
            } else if (!MessageDigest.isEqual(entry.previousHash(), previous)) {
                problems.add(new IntegrityReport.Problem(entry.itemId(), entry.seq(), null,
                    "custody entry " + entry.seq() + " does not follow entry " + (entry.seq() - 1)));
            }
            if (!MessageDigest.isEqual(entry.recomputedHash(), entry.hash())) {
                problems.add(new IntegrityReport.Problem(entry.itemId(), entry.seq(), null,
                    "custody entry " + entry.seq() + " (" + entry.action() + ") was altered after it was written"));
            }
            previous = entry.hash();
            expected = entry.seq() + 1;
        }
    }

    /** Returns how many entries the latest checkpoint sealed. */
    private static long checkCheckpoints(List<Checkpoint> checkpoints, List<IntegrityReport.Problem> problems) {
        byte[] previous = Checkpoint.GENESIS;
        long expected = 1;
        long sealed = 0;
        for (var checkpoint : checkpoints) {
            Long seq = checkpoint.seq();
            if (checkpoint.seq() != expected) {
                problems.add(new IntegrityReport.Problem(null, null, expected, "checkpoint " + expected + " is missing"));
            } else if (!MessageDigest.isEqual(checkpoint.previousHash(), previous)) {
                problems.add(new IntegrityReport.Problem(null, null, seq, "checkpoint " + seq + " does not follow checkpoint " + (seq - 1)));
            }
            if (!MessageDigest.isEqual(Checkpoint.digest(checkpoint.heads()), checkpoint.headsDigest())) {
                problems.add(new IntegrityReport.Problem(null, null, seq, "checkpoint " + seq + "'s list of chain heads was altered"));
            }
            byte[] statement = checkpoint.statementBytes();
            boolean signed;
            try {
                signed = SigningKey.verifies(SigningKey.fromPem(checkpoint.publicKey()), statement, checkpoint.signature());
            } catch (IllegalArgumentException e) {
                signed = false;
            }
            if (!MessageDigest.isEqual(ContentStore.sha256().digest(statement), checkpoint.hash()) || !signed) {
                problems.add(new IntegrityReport.Problem(null, null, seq,
                    "checkpoint " + seq + " does not match its signature: it was altered after it was signed"));
            }
            previous = checkpoint.hash();
            expected = checkpoint.seq() + 1;
            sealed = checkpoint.entries();
        }
        return sealed;
    }

    /** Every chain must still pass through the head the latest checkpoint signed for it. */
    private void checkHeads(Checkpoint latest, List<IntegrityReport.Problem> problems) {
        var hex = HexFormat.of();
        for (String line : latest.heads().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(" ");
            UUID itemId = UUID.fromString(parts[0]);
            int seq = Integer.parseInt(parts[1]);
            var stored = jdbc.sql("select hash from evidence.custody_entry where item_id = ? and seq = ?").params(itemId, seq)
                .query((rs, row) -> rs.getBytes(1)).optional();
            if (stored.isEmpty()) {
                problems.add(new IntegrityReport.Problem(itemId, seq, latest.seq(),
                    "custody entry " + seq + ", sealed by checkpoint " + latest.seq() + ", is missing"));
            } else if (!hex.formatHex(stored.get()).equals(parts[2])) {
                problems.add(new IntegrityReport.Problem(itemId, seq, latest.seq(), "custody entry " + seq
                    + " differs from the one sealed by checkpoint " + latest.seq() + ": the chain was rewritten"));
            }
        }
    }
}
