package org.safecity.watchlists.internal;

import org.safecity.watchlists.WatchlistHit;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.Cnic;
import org.safecity.shared.Conflict;
import org.safecity.shared.CsvText;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.shared.Plate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Making lists and adding or removing their entries. Each change commits first and then enters the
 * in-memory index of every instance ({@link LoadedWatchlists}), so matching never sees an entry the
 * database does not have.
 */
@Service
class KeepingWatchlists {

    private final WatchlistStore store;
    private final LoadedWatchlists loaded;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;

    KeepingWatchlists(WatchlistStore store, LoadedWatchlists loaded, TransactionTemplate transactions, AuditTrail audit, Clock clock) {
        this.store = store;
        this.loaded = loaded;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a person asks for; checked by {@link #createList}. */
    record ListRequest(String name, String type, String kind, String priority, Boolean fuzzy, String cityCode, Instant expiresAt,
                       Double faceThreshold) {
    }

    record EntryRequest(String plate, String cnic, String name, List<Double> embedding, String model, String reason,
                        Instant expiresAt) {
    }

    long createList(ListRequest request) {
        var errors = new ArrayList<InvalidInput.FieldError>();
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            errors.add(new InvalidInput.FieldError("name", "is required (at most 200 characters)"));
        }
        var kind = parse(Watchlist.Kind.class, request.kind(), "kind", errors, null);
        var type = parse(WatchlistHit.ListType.class, request.type(), "type", errors, WatchlistHit.ListType.CUSTOM);
        var priority = parse(WatchlistHit.Priority.class, request.priority(), "priority", errors, WatchlistHit.Priority.MEDIUM);
        if (kind != null && type != null && type != WatchlistHit.ListType.CUSTOM
            && (type == WatchlistHit.ListType.WANTED_PERSON) != (kind == Watchlist.Kind.PERSON)) {
            errors.add(new InvalidInput.FieldError("type", type + " does not list " + kind.name().toLowerCase() + "s"));
        }
        double threshold = request.faceThreshold() == null ? 0.75 : request.faceThreshold();
        if (!(threshold > 0 && threshold <= 1)) {
            errors.add(new InvalidInput.FieldError("faceThreshold", "must be above 0 and at most 1"));
        }
        Jurisdiction mine = CurrentActor.jurisdiction();
        String city = request.cityCode() == null || request.cityCode().isBlank() ? mine.cityCode() : request.cityCode().strip();
        if (!mine.isProvince() && !mine.cityCode().equals(city)) {
            errors.add(new InvalidInput.FieldError("cityCode", "must be your own city, " + mine.cityCode()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var list = new NewList(request.name().strip(), type, kind, city, priority, Boolean.TRUE.equals(request.fuzzy()), threshold,
            request.expiresAt());
        return transactions.execute(status -> {
            long id = store.insert(list, CurrentActor.name());
            audit.record("watchlists.list-created", "watchlist", Long.toString(id), null,
                Map.of("name", list.name(), "type", list.type().name(), "kind", list.kind().name()));
            loaded.listChanged(id);
            return id;
        });
    }

    List<Watchlist> visibleLists() {
        Jurisdiction mine = CurrentActor.jurisdiction();
        return store.all().stream().filter(l -> l.cityCode() == null || mine.coversCity(l.cityCode())).toList();
    }

    Watchlist visible(long listId) {
        Jurisdiction mine = CurrentActor.jurisdiction();
        return store.find(listId).filter(l -> l.cityCode() == null || mine.coversCity(l.cityCode()))
            .orElseThrow(() -> new NotFound("watchlist", listId));
    }

    /** A city's people keep their city's lists; province-wide lists are kept by province-wide staff. */
    Watchlist manageable(long listId) {
        var list = visible(listId);
        Jurisdiction mine = CurrentActor.jurisdiction();
        if (!mine.isProvince() && !mine.cityCode().equals(list.cityCode())) {
            throw new NotFound("watchlist", listId);
        }
        return list;
    }

    /** A plate or CNIC the list has already, by the row of the file that named it again (the header is row 1). */
    record AlreadyListed(int row, String plate, String cnic, long entryId) {
    }

    /** What an import stored, and the rows it left because their plate or CNIC was on the list already. */
    record Imported(int imported, List<AlreadyListed> alreadyListed) {
    }

    long addEntry(long listId, EntryRequest request) {
        var list = manageable(listId);
        var entry = entry(list, request.plate(), request.cnic(), request.name(), request.embedding(), request.model(),
            request.reason(), request.expiresAt(), "");
        String identity = entry.identity();
        if (identity != null) {
            var listed = store.listed(listId, List.of(identity));
            if (!listed.isEmpty()) {
                throw new Conflict(entry.named() + " is already on this list (entry " + listed.get(identity) + "); nothing was changed");
            }
        }
        return store(list, List.of(entry)).getFirst();
    }

    /**
     * All or nothing: a file with any bad row stores nothing and names every bad row (the header is row 1).
     * Plates and CNICs already on the list are left as they are and reported, so a file sent again stores
     * nothing twice.
     */
    Imported importEntries(long listId, Reader csv) throws IOException {
        var list = manageable(listId);
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
        var entries = new ArrayList<NewEntry>();
        var errors = new ArrayList<InvalidInput.FieldError>();
        try (var parser = format.parse(CsvText.checked(csv))) {
            var header = parser.getHeaderNames();
            var needed = list.kind() == Watchlist.Kind.VEHICLE ? List.of("plate", "reason") : List.of("reason");
            for (String column : needed) {
                if (!header.contains(column)) {
                    throw new InvalidInput("row 1", "the header needs the column '" + column + "' (columns: "
                        + (list.kind() == Watchlist.Kind.VEHICLE ? "plate,reason,expires_at" : "cnic,name,reason,expires_at") + ")");
                }
            }
            for (CSVRecord row : parser) {
                String where = "row " + (row.getRecordNumber() + 1);
                try {
                    Instant expires = blank(value(row, "expires_at")) ? null : Instant.parse(value(row, "expires_at"));
                    entries.add(entry(list, value(row, "plate"), value(row, "cnic"), value(row, "name"), null, null,
                        value(row, "reason"), expires, where + " "));
                } catch (InvalidInput e) {
                    e.errors().forEach(err -> errors.add(new InvalidInput.FieldError(where, err.field().replace(where + " ", "")
                        + " " + err.problem())));
                } catch (DateTimeParseException e) {
                    errors.add(new InvalidInput.FieldError(where, "expires_at must be a UTC time such as 2027-01-01T00:00:00Z"));
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw CsvText.malformed(e);
        }
        var seen = new java.util.HashMap<String, Integer>();
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            if (entry.identity() != null && seen.put(entry.identity(), i) != null) {
                errors.add(new InvalidInput.FieldError("row " + (i + 2), entry.named() + " appears twice in the file"));
            }
        }
        if (entries.isEmpty() && errors.isEmpty()) {
            throw new InvalidInput("file", "has no rows");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var listed = store.listed(listId, entries.stream().map(NewEntry::identity).filter(java.util.Objects::nonNull).toList());
        var alreadyListed = new ArrayList<AlreadyListed>();
        var fresh = new ArrayList<NewEntry>();
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            if (entry.identity() != null && listed.containsKey(entry.identity())) {
                alreadyListed.add(new AlreadyListed(i + 2, entry.plate(), entry.cnic(), listed.get(entry.identity())));
            } else {
                fresh.add(entry);
            }
        }
        return new Imported(fresh.isEmpty() ? 0 : store(list, fresh).size(), alreadyListed);
    }

    void removeEntry(long listId, long entryId) {
        manageable(listId);
        store.findEntry(entryId).filter(e -> e.listId() == listId).orElseThrow(() -> new NotFound("entry", entryId));
        transactions.executeWithoutResult(status -> {
            store.remove(entryId, clock.instant());
            audit.record("watchlists.entry-removed", "watchlist-entry", Long.toString(entryId));
            loaded.entryRemoved(entryId);
        });
    }

    private List<Long> store(Watchlist list, List<NewEntry> entries) {
        return transactions.execute(status -> {
            var stored = new ArrayList<Long>(entries.size());
            for (var entry : entries) {
                stored.add(store.insert(entry, list.id(), CurrentActor.name()));
            }
            audit.record("watchlists.entries-added", "watchlist", Long.toString(list.id()), null,
                Map.of("count", entries.size()));
            loaded.entriesAdded(list.id(), stored);
            return stored;
        });
    }

    private static NewEntry entry(Watchlist list, String plateText, String cnicText, String name, List<Double> embedding,
                                  String model, String reason, Instant expiresAt, String prefix) {
        var errors = new ArrayList<InvalidInput.FieldError>();
        if (blank(reason)) {
            errors.add(new InvalidInput.FieldError(prefix + "reason", "is required: why is this listed?"));
        }
        Plate plate = null;
        String cnic = null;
        float[] vector = null;
        if (list.kind() == Watchlist.Kind.VEHICLE) {
            try {
                plate = Plate.of(plateText);
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError(prefix + "plate", e.getMessage()));
            }
        } else {
            if (!blank(cnicText)) {
                try {
                    cnic = Cnic.of(cnicText).digits();
                } catch (IllegalArgumentException e) {
                    errors.add(new InvalidInput.FieldError(prefix + "cnic", e.getMessage()));
                }
            }
            if (embedding != null && !embedding.isEmpty()) {
                if (embedding.size() < 16 || embedding.size() > 4096 || blank(model)) {
                    errors.add(new InvalidInput.FieldError(prefix + "embedding", "must be 16 to 4096 numbers with its model"));
                } else {
                    vector = new float[embedding.size()];
                    for (int i = 0; i < vector.length; i++) {
                        vector[i] = embedding.get(i).floatValue();
                    }
                }
            }
            if (cnic == null && blank(name) && vector == null && errors.isEmpty()) {
                errors.add(new InvalidInput.FieldError(prefix + "cnic", "a person needs a CNIC, a name or a face embedding"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new NewEntry(plate == null ? null : plate.normalised(), plate == null ? null : plate.asRead(), cnic,
            blank(name) ? null : name.strip(), vector, vector == null ? null : model.strip(), reason.strip(), expiresAt);
    }

    private static String value(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) ? row.get(column) : null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, List<InvalidInput.FieldError> errors,
                                               E otherwise) {
        if (blank(text)) {
            if (otherwise == null) {
                errors.add(new InvalidInput.FieldError(field, "is required: one of " + List.of(type.getEnumConstants())));
            }
            return otherwise;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidInput.FieldError(field, "must be one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }
}
