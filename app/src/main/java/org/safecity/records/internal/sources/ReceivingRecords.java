package org.safecity.records.internal.sources;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.records.internal.DepartmentRecord.ProclaimedOffenderRecord;
import org.safecity.records.internal.DepartmentRecord.StolenVehicleRecord;
import org.safecity.records.internal.DepartmentRecord;
import org.safecity.records.internal.Fields;
import org.safecity.records.internal.sources.ImportReport.Outcome;
import org.safecity.records.internal.RecordKind;
import org.safecity.records.internal.RecordStore;
import org.safecity.records.internal.StoredRecord;
import org.safecity.records.internal.linking.Linking;
import org.safecity.records.internal.linking.RecordKeys;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.TextPolicy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a source's rows, however they came (a file, a push, a pull), the same way: each row is mapped
 * onto record fields by the source's mapping, read as its kind, and stored as a version unless that
 * version is already here. Idempotent by (source, source record id, version): the same row again
 * changes nothing; a row without a version is versioned by its content, so a changed row is a new
 * version and an unchanged one is not; the same version with other content is refused, never
 * overwritten. Good rows land even when others are refused; the report says which.
 */
@Service
public class ReceivingRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RecordStore records;
    private final Linking linking;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReceivingRecords(RecordStore records, Linking linking, JdbcClient jdbc, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.records = records;
        this.linking = linking;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    public enum Via { FILE, PUSH, PULL }

    /**
     * @param rows each row's columns by name, as the source named them
     * @param firstRow the number the first row is reported as (2 for a file with a header, 0 for a batch)
     */
    @Transactional
    public ImportReport receive(Source source, Via via, String fileName, List<Map<String, String>> rows, int firstRow) {
        Instant now = clock.instant();
        String by = CurrentActor.name();
        long importId = jdbc.sql("""
                insert into records.import_run (source_id, via, file_name, started_at, started_by, added, unchanged, refused, report)
                values (?, ?, ?, ?, ?, 0, 0, 0, '[]'::jsonb) returning id""")
            .params(source.id(), via.name(), fileName, Timestamp.from(now), by).query(Long.class).single();
        var report = new ArrayList<ImportReport.Row>(rows.size());
        var arriving = new ArrayList<Arriving>();
        var seen = new java.util.HashSet<String>();
        int number = firstRow;
        for (var row : rows) {
            var read = read(source, row, number++, seen);
            report.add(read.refusal());
            if (read.refusal() == null) {
                arriving.add(read.arriving());
            }
        }
        take(source, via, arriving, report, firstRow, importId, now, by);
        if (rows.isEmpty()) {
            throw new InvalidInput("records", "holds no records");
        }
        if (report.stream().allMatch(r -> r.outcome() == Outcome.REFUSED)) {
            // Nothing to keep: the whole request is refused, row by row, and the transaction leaves no trace.
            throw new InvalidInput(report.stream().map(r -> new InvalidInput.FieldError("row " + r.row()
                + (r.sourceRecordId() == null ? "" : " (" + r.sourceRecordId() + ")"), String.join("; ", r.problems()))).toList());
        }
        int added = (int) report.stream().filter(r -> r.outcome() == Outcome.ADDED).count();
        int unchanged = (int) report.stream().filter(r -> r.outcome() == Outcome.UNCHANGED).count();
        int refused = report.size() - added - unchanged;
        jdbc.sql("update records.import_run set added = ?, unchanged = ?, refused = ?, report = cast(? as jsonb) where id = ?")
            .params(added, unchanged, refused, JSON.writeValueAsString(report), importId).update();
        audit.record("records.imported", "records-source", Long.toString(source.id()), null, Map.of("import", importId, "via", via.name(),
            "added", added, "unchanged", unchanged, "refused", refused));
        return new ImportReport(importId, source.id(), via.name(), report.size(), added, unchanged, refused, report);
    }

    /** A row read and checked, not yet stored: its place in the report, and what it says. */
    public record Arriving(int number, String id, String version, String hash, RecordKind kind, Map<String, String> fields, DepartmentRecord record) {
    }

    /** Either a refusal for the report or a row to take. */
    private record Read(ImportReport.Row refusal, Arriving arriving) {
    }

    private Read read(Source source, Map<String, String> columns, int number, java.util.Set<String> seen) {
        var problems = new ArrayList<String>();
        String id = column(source, columns, "id", problems);
        String givenVersion = column(source, columns, "version", problems);
        if (id == null) {
            problems.add(source.columnOf("id") + " is required: the department's own id of the record");
        }
        RecordKind kind = source.kinds().size() == 1 ? source.kinds().getFirst() : null;
        String kindText = column(source, columns, "kind", problems);
        if (kindText != null) {
            kind = RecordKind.named(kindText).filter(source.kinds()::contains).orElse(null);
            if (kind == null) {
                problems.add(source.columnOf("kind") + " '" + kindText + "' is not a kind this source supplies: " + source.kinds());
            }
        } else if (kind == null) {
            problems.add(source.columnOf("kind") + " is required: this source supplies " + source.kinds());
        }
        if (!problems.isEmpty()) {
            return new Read(refused(number, id, givenVersion, problems), null);
        }
        var fields = new LinkedHashMap<String, String>();
        for (String field : DepartmentRecord.fieldsOf(kind)) {
            String value = column(source, columns, field, problems);
            if (value != null) {
                fields.put(field, value);
            }
        }
        var read = new Fields(fields);
        DepartmentRecord record = DepartmentRecord.read(kind, read);
        problems.addAll(read.problems());
        if (record.parties().isEmpty()) {
            problems.add("names no person or vehicle: at least a CNIC, a name, a plate or a chassis is needed");
        }
        boolean vehicleKind = kind == RecordKind.VEHICLE || kind == RecordKind.STOLEN_VEHICLE;
        if (vehicleKind && record.parties().stream().noneMatch(p -> p.vehicle() != null)) {
            problems.add("a plate or a chassis is required");
        }
        if (!problems.isEmpty()) {
            return new Read(refused(number, id, givenVersion, problems), null);
        }
        var canonical = new TreeMap<>(fields);
        canonical.put("kind", kind.name());
        String hash = sha256(JSON.writeValueAsString(canonical));
        String version = givenVersion != null ? givenVersion : "sha256:" + hash.substring(0, 16);
        if (!seen.add(id + "\u0000" + version)) {
            return new Read(refused(number, id, version, List.of("version " + version + " of record " + id + " appears twice in this import")), null);
        }
        return new Read(null, new Arriving(number, id, version, hash, kind, fields, record));
    }

    /**
     * Stores the rows not already here, a statement per step for all of them rather than per row. A record
     * arriving in two versions in one import is taken in two rounds, so the later version finds the earlier
     * one as the version before it, as it would had they come in two imports.
     */
    private void take(Source source, Via via, List<Arriving> arriving, List<ImportReport.Row> report, int firstRow, long importId, Instant now,
                      String by) {
        var known = records.hashesOf(source.id(), arriving.stream().map(a -> Map.entry(a.id(), a.version())).toList());
        var rounds = new ArrayList<List<Arriving>>();
        var times = new java.util.HashMap<String, Integer>();
        for (var a : arriving) {
            String hash = known.get(a.id() + "\u0000" + a.version());
            if (hash != null) {
                report.set(a.number() - firstRow, hash.equals(a.hash())
                    ? new ImportReport.Row(a.number(), a.id(), a.version(), Outcome.UNCHANGED, null, List.of())
                    : refused(a.number(), a.id(), a.version(), List.of("version " + a.version() + " of record " + a.id()
                        + " was already received with other content; send the change as a new version")));
                continue;
            }
            int round = times.merge(a.id(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(a);
        }
        for (var round : rounds) {
            var ids = round.stream().map(Arriving::id).toList();
            var previous = records.currentOf(source.id(), ids);
            var stored = records.insertAll(source.id(), round, now, via.name(), importId);
            var keys = new ArrayList<RecordStore.Key>();
            var linked = new ArrayList<Linking.Arrived>(round.size());
            for (var a : round) {
                long recordId = stored.get(a.id());
                RecordKeys.of(a.record()).forEach(k -> keys.add(new RecordStore.Key(recordId, k.getKey(), k.getValue())));
                linked.add(new Linking.Arrived(recordId, a.record(), java.util.Optional.ofNullable(previous.get(a.id()))));
            }
            records.addKeys(keys);
            linking.link(linked, by);
            for (var a : round) {
                feed(source, a.record(), java.util.Optional.ofNullable(previous.get(a.id())));
                report.set(a.number() - firstRow, new ImportReport.Row(a.number(), a.id(), a.version(), Outcome.ADDED, stored.get(a.id()), List.of()));
            }
        }
    }

    /** An open report lists, a closed one unlists; a new version that no longer names the plate or person takes the old one off. */
    private void feed(Source source, DepartmentRecord record, java.util.Optional<StoredRecord> previous) {
        String reason = record.title() + " (" + source.name() + ")";
        previous.map(StoredRecord::read).ifPresent(before -> {
            var was = change(before, false, reason);
            var now = change(record, record.open(), reason);
            if (was != null && (now == null || !java.util.Objects.equals(was.plate(), now.plate()) || !java.util.Objects.equals(was.cnic(), now.cnic()))) {
                events.publishEvent(was);
            }
        });
        var change = change(record, record.open(), reason);
        if (change != null) {
            events.publishEvent(change);
        }
    }

    private static FeedChange change(DepartmentRecord record, boolean open, String reason) {
        return switch (record) {
            case StolenVehicleRecord s -> new FeedChange(FeedingWatchlists.FEED, s.kind(), open, s.vehicle().plate(), null, null, s.cityCode(), reason);
            case ProclaimedOffenderRecord p -> new FeedChange(FeedingWatchlists.FEED, p.kind(), open, null, p.person().cnic(),
                p.person().name(), p.cityCode(), reason);
            default -> null;
        };
    }

    private static String column(Source source, Map<String, String> columns, String field, List<String> problems) {
        String value = columns.get(source.columnOf(field));
        if (value == null || value.isBlank()) {
            return null;
        }
        TextPolicy.refusal(value, TextPolicy.Kind.NAME).ifPresent(reason -> problems.add(source.columnOf(field) + " " + reason));
        return value.strip();
    }

    private static ImportReport.Row refused(int number, String id, String version, List<String> problems) {
        return new ImportReport.Row(number, id, version, Outcome.REFUSED, null, List.copyOf(problems));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
