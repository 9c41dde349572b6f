package org.safecity.evidence.internal.exports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.safecity.evidence.internal.ContentStore;
import org.safecity.evidence.internal.EvidenceItem;
import org.safecity.evidence.internal.ItemStore;
import org.safecity.evidence.internal.cases.CaseFile;
import org.safecity.evidence.internal.cases.CaseFiles;
import org.safecity.evidence.internal.custody.CheckingIntegrity;
import org.safecity.evidence.internal.custody.CustodyAction;
import org.safecity.evidence.internal.custody.CustodyEntry;
import org.safecity.evidence.internal.custody.CustodyLog;
import org.safecity.evidence.internal.custody.IntegrityFailures;
import org.safecity.evidence.internal.custody.IntegrityReport;
import org.safecity.evidence.internal.custody.SigningKey;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.storage.OwnerOnly;
import org.safecity.storage.StorageSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports a case's evidence for a court or prosecutor as a signed bundle (see docs/evidence.md):
 * {@code items/…}, {@code custody.json}, {@code summary.pdf}, {@code manifest.json} (hashes and
 * sizes of all of them, the case, each chain's head) and {@code manifest.sig} (Ed25519 over the
 * manifest's bytes). Every item's custody chain is verified first and its content re-hashed as it is
 * copied, so a damaged item or a broken chain is never sealed: the export is refused (409) naming
 * the item and what is wrong, and the failure recorded. Then every item's custody log records the export.
 */
@Component
public class ExportingCase {

    static final String FORMAT = "safecity-evidence-bundle/1";
    private final CaseFiles caseFiles;
    private final ItemStore items;
    private final CustodyLog custody;
    private final ContentStore store;
    private final SigningKey key;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Path directory;
    private final CheckingIntegrity integrity;
    private final IntegrityFailures failures;

    ExportingCase(CaseFiles caseFiles, ItemStore items, CustodyLog custody, ContentStore store, SigningKey key, AuditTrail audit,
                  JdbcClient jdbc, JsonMapper json, Clock clock, TransactionTemplate transaction, StorageSettings storage,
                  CheckingIntegrity integrity, IntegrityFailures failures) throws IOException {
        this.integrity = integrity;
        this.failures = failures;
        this.caseFiles = caseFiles;
        this.items = items;
        this.custody = custody;
        this.store = store;
        this.key = key;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.transaction = transaction;
        this.directory = storage.dataDir().resolve("exports").toAbsolutePath();
        OwnerOnly.folders(directory);
    }

    public CaseExport export(UUID caseId, List<UUID> itemIds, String recipient, String reason) throws IOException {
        var caseFile = caseFiles.accessible(caseId);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (recipient == null || recipient.isBlank()) {
            errors.add(new InvalidInput.FieldError("recipient", "is required: the court, prosecutor or person the bundle is for"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new InvalidInput.FieldError("reason", "is required"));
        }
        var retained = items.ofCase(caseId).stream().filter(i -> !i.disposed()).toList();
        List<EvidenceItem> chosen = retained;
        if (itemIds != null && !itemIds.isEmpty()) {
            chosen = new ArrayList<>();
            for (UUID id : itemIds) {
                var item = retained.stream().filter(i -> i.id().equals(id)).findFirst();
                if (item.isEmpty()) {
                    errors.add(new InvalidInput.FieldError("itemIds", id + " is not a retained item of this case"));
                } else if (!chosen.contains(item.get())) {
                    chosen.add(item.get());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (chosen.isEmpty()) {
            throw new Conflict("The case has no evidence items to export.");
        }
        // a broken custody chain is found before anything is written; content is verified as it is copied
        for (var item : chosen) {
            var broken = integrity.checkChain(item.id());
            if (!broken.isEmpty()) {
                throw refused(item, broken);
            }
        }
        UUID id = UUID.randomUUID();
        var createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String createdBy = CurrentActor.name();
        Path target = directory.resolve(id + ".zip");
        Path partial = directory.resolve(id + ".zip.part");
        Path summary = directory.resolve(id + ".summary.pdf");
        try {
            var chains = chosen.stream().map(i -> custody.of(i.id())).toList();
            MessageDigest whole = ContentStore.sha256();
            String manifestSha256 = writeBundle(partial, whole, summary, id, createdAt, createdBy, recipient.strip(), reason.strip(),
                caseFile, chosen, chains);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            var export = new CaseExport(id, caseId, createdAt, createdBy, recipient.strip(), reason.strip(), chosen.size(),
                Files.size(target), HexFormat.of().formatHex(whole.digest()), manifestSha256);
            final List<EvidenceItem> exported = chosen;
            transaction.executeWithoutResult(status -> record(export, exported));
            return export;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(target);
            throw e;
        } finally {
            Files.deleteIfExists(summary);
        }
    }

    /** Records the failure and answers the refusal, naming the item and what is wrong with it. */
    private Conflict refused(EvidenceItem item, List<IntegrityReport.Problem> problems) {
        failures.record(item, "export", problems);
        return new Conflict("Item " + item.id() + (item.originalName() == null ? "" : " (" + item.originalName() + ")")
            + " failed verification: " + IntegrityFailures.describe(problems) + ". Nothing was exported or signed; the failure is "
            + "recorded in its custody log. Run the integrity check.");
    }

    /** The exports of a case the caller may see, newest first. */
    public List<CaseExport> ofCase(UUID caseId) {
        caseFiles.accessible(caseId);
        return jdbc.sql("select id, case_id, created_at, created_by, recipient, reason, items, size, sha256, manifest_sha256 "
                + "from evidence.export where case_id = ? order by created_at desc").param(caseId)
            .query((rs, row) -> new CaseExport(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getLong(8), rs.getString(9), rs.getString(10)))
            .list();
    }

    Optional<CaseExport> find(UUID id) {
        return jdbc.sql("select id, case_id, created_at, created_by, recipient, reason, items, size, sha256, manifest_sha256 "
                + "from evidence.export where id = ?").param(id)
            .query((rs, row) -> new CaseExport(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getLong(8), rs.getString(9), rs.getString(10)))
            .optional();
    }

    /** The bundle's file, if the caller may see its case; the download is audited. */
    public Path download(UUID exportId) {
        var export = find(exportId).orElseThrow(() -> new NotFound("export", exportId));
        try {
            caseFiles.accessible(export.caseId());
        } catch (NotFound e) {
            throw new NotFound("export", exportId);
        }
        Path file = directory.resolve(exportId + ".zip");
        if (!Files.isRegularFile(file)) {
            throw new NotFound("export file", exportId);
        }
        audit.record("evidence.export-downloaded", "export", exportId.toString());
        return file;
    }

    private void record(CaseExport export, List<EvidenceItem> exported) {
        jdbc.sql("""
                insert into evidence.export (id, case_id, created_at, created_by, recipient, reason, items, size, sha256, manifest_sha256)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(export.id(), export.caseId(), Timestamp.from(export.createdAt()), export.createdBy(), export.recipient(),
                export.reason(), export.items(), export.size(), export.sha256(), export.manifestSha256())
            .update();
        for (var item : exported) {
            custody.append(item.id(), CustodyAction.EXPORTED, export.createdBy(), export.recipient(), export.reason(),
                Map.of("exportId", export.id().toString(), "manifestSha256", export.manifestSha256()));
        }
        audit.record("evidence.case-exported", "case", export.caseId().toString(), export.reason(),
            Map.of("exportId", export.id().toString(), "recipient", export.recipient(), "items", export.items()));
    }

    /** Writes the ZIP, feeding all its bytes to {@code whole}; returns the SHA-256 of the manifest. */
    private String writeBundle(Path zipFile, MessageDigest whole, Path summaryFile, UUID id, java.time.Instant createdAt, String createdBy,
                                 String recipient, String reason, CaseFile caseFile, List<EvidenceItem> chosen,
                                 List<List<CustodyEntry>> chains) throws IOException {
        try (FileChannel channel = FileChannel.open(zipFile, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                 StandardOpenOption.WRITE), OwnerOnly.fileAttributes());
             OutputStream file = java.nio.channels.Channels.newOutputStream(channel);
             var zip = new ZipOutputStream(new BufferedOutputStream(new DigestOutputStream(file, whole), 1 << 16))) {
            List<Map<String, Object>> itemEntries = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                var item = chosen.get(i);
                String name = "items/" + item.exportName();
                ContentStore.Stored onDisk = null;
                try (InputStream content = store.open(item.sha256())) {
                    var copied = copy(content, zip, name);
                    onDisk = new ContentStore.Stored(copied.sha256(), copied.size(), new byte[0], false);
                } catch (java.nio.file.NoSuchFileException missing) {
                    // reported as missing
                }
                var damaged = CheckingIntegrity.contentProblem(item, onDisk);
                if (damaged.isPresent()) {
                    throw refused(item, List.of(damaged.get()));
                }
                var chain = chains.get(i);
                var entry = new LinkedHashMap<String, Object>();
                entry.put("id", item.id().toString());
                entry.put("file", name);
                entry.put("sha256", item.sha256());
                entry.put("size", item.size());
                entry.put("mediaType", item.mediaType());
                entry.put("kind", item.kind().name());
                entry.put("source", item.sourceModule());
                entry.put("originalName", item.originalName());
                entry.put("description", item.description());
                entry.put("collectedBy", item.collectedBy());
                entry.put("collectedAt", item.collectedAt().toString());
                entry.put("place", item.place());
                entry.put("receivedAt", item.receivedAt().toString());
                entry.put("receivedBy", item.receivedBy());
                entry.put("legalHold", item.legalHold());
                entry.put("custodyHead", Map.of("seq", chain.getLast().seq(), "hash", chain.getLast().hashHex()));
                itemEntries.add(entry);
            }

            byte[] custodyJson = json.writeValueAsBytes(custodyDocument(chosen, chains));
            var custodyFile = copy(new java.io.ByteArrayInputStream(custodyJson), zip, "custody.json");

            OwnerOnly.file(summaryFile);
            CaseSummaryPdf.write(summaryFile, id.toString(), createdAt, createdBy, recipient, reason, caseFile, chosen, chains,
                key.fingerprint());
            Stored summary;
            try (InputStream in = Files.newInputStream(summaryFile)) {
                summary = copy(in, zip, "summary.pdf");
            }

            var manifest = new LinkedHashMap<String, Object>();
            manifest.put("format", FORMAT);
            manifest.put("bundleId", id.toString());
            manifest.put("createdAt", createdAt.toString());
            manifest.put("createdBy", createdBy);
            manifest.put("recipient", recipient);
            manifest.put("reason", reason);
            manifest.put("signingKeySha256", key.fingerprint());
            var caseEntry = new LinkedHashMap<String, Object>();
            caseEntry.put("id", caseFile.id().toString());
            caseEntry.put("firNumber", caseFile.firNumber());
            caseEntry.put("policeStation", caseFile.policeStation());
            caseEntry.put("offence", caseFile.offence());
            caseEntry.put("status", caseFile.status().name());
            caseEntry.put("investigatingOfficer", caseFile.investigatingOfficer());
            manifest.put("case", caseEntry);
            manifest.put("items", itemEntries);
            manifest.put("custody", Map.of("file", "custody.json", "sha256", custodyFile.sha256(), "size", custodyFile.size()));
            manifest.put("summary", Map.of("file", "summary.pdf", "sha256", summary.sha256(), "size", summary.size()));
            byte[] manifestBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
            copy(new java.io.ByteArrayInputStream(manifestBytes), zip, "manifest.json");
            byte[] signature = Base64.getEncoder().encode(key.sign(manifestBytes));
            copy(new java.io.ByteArrayInputStream(signature), zip, "manifest.sig");
            zip.finish();
            zip.flush();
            channel.force(true);
            return HexFormat.of().formatHex(ContentStore.sha256().digest(manifestBytes));
        }
    }

    private record Stored(String sha256, long size) {
    }

    private static Stored copy(InputStream in, ZipOutputStream zip, String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest digest = ContentStore.sha256();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
            zip.write(buffer, 0, n);
            size += n;
        }
        zip.closeEntry();
        return new Stored(HexFormat.of().formatHex(digest.digest()), size);
    }

    private static Map<String, Object> custodyDocument(List<EvidenceItem> chosen, List<List<CustodyEntry>> chains) {
        var document = new LinkedHashMap<String, Object>();
        document.put("format", "safecity-custody/1");
        document.put("hashing", "hash = SHA-256(previousHash || UTF-8(itemId US seq US at US action US actor US recipient US reason US details)), "
            + "US = U+001F, an absent field = U+0000, the first entry's previousHash = 32 zero bytes");
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (var entry : chains.get(i)) {
                var e = new LinkedHashMap<String, Object>();
                e.put("itemId", entry.itemId().toString());
                e.put("seq", entry.seq());
                e.put("at", entry.at().toString());
                e.put("action", entry.action());
                e.put("actor", entry.actor());
                e.put("recipient", entry.recipient());
                e.put("reason", entry.reason());
                e.put("details", entry.details());
                e.put("previousHash", entry.previousHashHex());
                e.put("hash", entry.hashHex());
                entries.add(e);
            }
            list.add(Map.of("itemId", chosen.get(i).id().toString(), "entries", entries));
        }
        document.put("chains", list);
        return document;
    }
}
