package org.safecity.registry.internal.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.safecity.identity.AuditTrail;
import org.safecity.registry.internal.Checked;
import org.safecity.registry.internal.NetworkReference;
import org.safecity.registry.internal.Visibility;
import org.safecity.registry.internal.cameras.CameraDraft;
import org.safecity.registry.internal.cameras.CameraInput;
import org.safecity.registry.internal.cameras.CameraRules;
import org.safecity.registry.internal.cameras.CameraStore;
import org.safecity.registry.internal.cameras.CredentialCipher;
import org.safecity.registry.internal.sites.SiteDraft;
import org.safecity.registry.internal.sites.SiteInput;
import org.safecity.registry.internal.sites.SiteRules;
import org.safecity.registry.internal.sites.SiteStore;
import org.safecity.shared.CsvText;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator loads many sites or cameras from a spreadsheet saved as CSV. All or nothing: every
 * row is checked first, and if any is wrong nothing is stored and the answer lists each bad row by
 * its spreadsheet row number (the header is row 1), so the file can be corrected and sent again.
 */
@Service
class ImportingFiles {

    /** A file larger than this is split by the person sending it; the answer says so. */
    static final int MAX_ROWS = 50_000;
    /** At most this many row errors are listed; a file that wrong needs a look as a whole. */
    static final int MAX_ERRORS = 1_000;

    static final List<String> SITE_COLUMNS = List.of("name", "kind", "lat", "lon", "city", "zone", "phase", "status", "status_on");
    static final List<String> CAMERA_COLUMNS = List.of("site_id", "site_name", "city", "name", "make", "model", "resolution",
        "type", "heading", "field_of_view", "main_stream", "sub_stream", "username", "password", "owner", "partner_id",
        "status", "installed_on", "lat", "lon", "onvif_address");
    private static final Set<String> SITE_REQUIRED = Set.of("name", "kind", "lat", "lon", "city", "phase");
    private static final Set<String> CAMERA_REQUIRED = Set.of("name", "make", "model", "resolution", "type", "main_stream");

    private final SiteStore sites;
    private final CameraStore cameras;
    private final NetworkReference reference;
    private final CredentialCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    ImportingFiles(SiteStore sites, CameraStore cameras, NetworkReference reference, CredentialCipher cipher,
                   AuditTrail audit, Clock clock) {
        this.sites = sites;
        this.cameras = cameras;
        this.reference = reference;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param stored how many rows were stored (0 on a dry run); {@code valid} how many rows passed */
    record Outcome(int stored, int valid, boolean dryRun) {
    }

    @Transactional
    Outcome importSites(Reader csv, boolean dryRun, Visibility visibility) {
        var snapshot = reference.snapshot();
        LocalDate today = LocalDate.now(clock);
        List<SiteDraft> drafts = checkRows(csv, SITE_COLUMNS, SITE_REQUIRED, (row, errors) -> {
            var input = new SiteInput(row.text("name"), row.text("kind"), row.decimal("lat", errors), row.decimal("lon", errors),
                row.text("city"), row.text("zone"), row.whole("phase", errors), row.text("status"), row.date("status_on", errors));
            return SiteRules.check(input, snapshot, null, visibility, today);
        });
        if (!dryRun) {
            sites.insertAll(drafts);
            audit.record("registry.sites-imported", "site", null, null, Map.of("rows", drafts.size()));
        }
        return new Outcome(dryRun ? 0 : drafts.size(), drafts.size(), dryRun);
    }

    @Transactional
    Outcome importCameras(Reader csv, boolean dryRun, Visibility visibility) {
        var snapshot = reference.snapshot();
        LocalDate today = LocalDate.now(clock);
        List<CameraDraft> drafts = checkRows(csv, CAMERA_COLUMNS, CAMERA_REQUIRED, (row, errors) -> {
            String username = row.text("username");
            String password = row.text("password");
            var credentials = username == null && password == null ? null : new CameraInput.Credentials(username, password);
            var input = new CameraInput(row.wholeLong("site_id", errors), row.text("site_name"), row.text("city"),
                row.text("name"), row.text("make"), row.text("model"), row.text("resolution"), row.text("type"),
                row.whole("heading", errors), row.whole("field_of_view", errors), row.text("main_stream"),
                row.text("sub_stream"), credentials, false, row.text("owner"), row.wholeLong("partner_id", errors),
                row.text("status"), row.date("installed_on", errors), row.decimal("lat", errors), row.decimal("lon", errors),
                row.text("onvif_address"));
            return CameraRules.check(input, snapshot, null, visibility, today);
        });
        if (!dryRun) {
            cameras.insertAll(drafts, d -> d.credentials() == null ? null : cipher.encrypt(d.credentials()));
            audit.record("registry.cameras-imported", "camera", null, null, Map.of("rows", drafts.size()));
        }
        return new Outcome(dryRun ? 0 : drafts.size(), drafts.size(), dryRun);
    }

    /** Checks one row; conversion problems (a word where a number belongs) go to {@code errors}. */
    @FunctionalInterface
    interface RowCheck<T> {
        Checked<T> check(Row row, List<FieldError> errors);
    }

    private <T> List<T> checkRows(Reader csv, List<String> known, Set<String> required, RowCheck<T> check) {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(false)
            .setTrim(true).setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get();
        List<T> drafts = new ArrayList<>();
        List<FieldError> rowErrors = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(CsvText.checked(csv)).setFormat(format).get()) {
            Map<String, String> columns = columns(parser.getHeaderNames(), known, required);
            int row = 1;
            for (CSVRecord record : parser) {
                row++;
                if (row - 1 > MAX_ROWS) {
                    throw new InvalidInput("file", "has more than " + MAX_ROWS + " rows; split it into smaller files");
                }
                if (isBlank(record)) {
                    continue;
                }
                List<FieldError> errors = new ArrayList<>();
                var outcome = check.check(new Row(record, columns), errors);
                if (outcome instanceof Checked.Invalid<T> invalid) {
                    // a cell that could not be read is reported once, not again as "missing"
                    var unreadable = errors.stream().map(FieldError::field).collect(java.util.stream.Collectors.toSet());
                    invalid.errors().stream().filter(e -> !unreadable.contains(column(e.field()))).forEach(errors::add);
                }
                if (errors.isEmpty() && outcome instanceof Checked.Valid<T> valid) {
                    drafts.add(valid.value());
                } else {
                    for (FieldError e : errors) {
                        if (rowErrors.size() < MAX_ERRORS) {
                            rowErrors.add(new FieldError("row " + row, column(e.field()) + " " + e.problem()));
                        }
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw CsvText.malformed(e);
        }
        if (!rowErrors.isEmpty()) {
            throw new InvalidInput(rowErrors);
        }
        if (drafts.isEmpty()) {
            throw new InvalidInput("file", "has no rows below its header");
        }
        return drafts;
    }

    /** Maps each known column to the header as written in the file, refusing unknown or missing ones. */
    private static Map<String, String> columns(List<String> header, List<String> known, Set<String> required) {
        if (header == null || header.isEmpty()) {
            throw new InvalidInput("file", "needs a header row: " + String.join(",", known));
        }
        Map<String, String> found = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (String written : header) {
            String key = normal(written);
            var match = known.stream().filter(k -> normal(k).equals(key)).findFirst();
            if (match.isPresent()) {
                found.put(match.get(), written);
            } else if (!written.isBlank()) {
                errors.add(new FieldError("row 1", "column '" + written + "' is not one of " + String.join(",", known)));
            }
        }
        required.stream().filter(r -> !found.containsKey(r)).sorted()
            .forEach(r -> errors.add(new FieldError("row 1", "column '" + r + "' is missing")));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return found;
    }

    /** {@code field_of_view}, {@code fieldOfView} and {@code Field of view} are the same column. */
    private static String normal(String column) {
        return column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The file's column name for a field the rules name in the API's words. */
    static String column(String field) {
        String last = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        return switch (last) {
            case "siteId" -> "site_id";
            case "siteName" -> "site_name";
            case "fieldOfView" -> "field_of_view";
            case "mainStream" -> "main_stream";
            case "subStream" -> "sub_stream";
            case "partnerId" -> "partner_id";
            case "installedOn" -> "installed_on";
            case "statusOn" -> "status_on";
            case "onvifAddress" -> "onvif_address";
            default -> last;
        };
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** One row's cells by column name, converted as a person would expect. */
    record Row(CSVRecord record, Map<String, String> columns) {

        String text(String column) {
            String header = columns.get(column);
            if (header == null || !record.isMapped(header) || !record.isSet(header)) {
                return null;
            }
            String value = record.get(header);
            return value == null || value.isBlank() ? null : value.strip();
        }

        Double decimal(String column, List<FieldError> errors) {
            return convert(column, errors, "a number such as 34.0086", Double::valueOf);
        }

        Integer whole(String column, List<FieldError> errors) {
            return convert(column, errors, "a whole number", Integer::valueOf);
        }

        Long wholeLong(String column, List<FieldError> errors) {
            return convert(column, errors, "a whole number", Long::valueOf);
        }

        LocalDate date(String column, List<FieldError> errors) {
            return convert(column, errors, "a date written 2026-06-01", LocalDate::parse);
        }

        private <T> T convert(String column, List<FieldError> errors, String expected, Function<String, T> parse) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (NumberFormatException | DateTimeParseException e) {
                errors.add(new FieldError(column, "must be " + expected + ", got '" + value + "'"));
                return null;
            }
        }
    }
}
