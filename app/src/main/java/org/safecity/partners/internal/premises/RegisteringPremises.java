package org.safecity.partners.internal.premises;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Places;
import org.safecity.identity.Reach;
import org.safecity.partners.internal.compliance.EvaluatingCompliance;
import org.safecity.partners.internal.compliance.Requirements;
import org.safecity.shared.Conflict;
import org.safecity.shared.CsvText;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Authority puts premises on its register: one at a time, or many from a CSV file. An import is
 * row by row, not all or nothing: each row is created, updated, left unchanged (sent again as it was)
 * or refused with its reasons, and the file can be sent again once corrected without making any
 * premises twice (a premises is known by its licence number within its city).
 */
@Service
class RegisteringPremises {

    static final List<String> COLUMNS = List.of("name", "category", "owner_cnic", "owner_ntn", "address", "city", "zone", "lat", "lon",
        "licence_number", "contact_name", "contact_phone", "contact_email", "act_applies_from", "registration");
    static final int MAX_ROWS = 20_000;

    private final PremisesStore premises;
    private final Requirements requirements;
    private final Places places;
    private final EvaluatingCompliance evaluating;
    private final AuditTrail audit;

    RegisteringPremises(PremisesStore premises, Requirements requirements, Places places, EvaluatingCompliance evaluating,
                        AuditTrail audit) {
        this.premises = premises;
        this.requirements = requirements;
        this.places = places;
        this.evaluating = evaluating;
        this.audit = audit;
    }

    @Transactional
    long register(PremisesInput input) {
        var draft = PremisesRules.check(input, requirements.categories(), places, Registration.REGISTERED).orThrow();
        Reach.place("cityCode", new Jurisdiction(draft.cityCode(), draft.zoneCode()));
        long id = premises.insert(draft).orElseThrow(() -> new Conflict("A premises with licence number " + draft.licenceNumber()
            + " is already registered in " + draft.cityCode() + " (premises " + premises.idOf(draft.cityCode(), draft.licenceNumber())
            .map(String::valueOf).orElse("?") + ")."));
        audit.record("partners.premises-registered", "premises", Long.toString(id), null,
            Map.of("licenceNumber", draft.licenceNumber(), "city", draft.cityCode(), "category", draft.category()));
        evaluating.evaluate(id);
        return id;
    }

    /** One row's outcome; {@code row} counts as a spreadsheet does (the header is row 1). */
    record RowOutcome(long row, String outcome, Long id, List<FieldError> problems) {
    }

    @Transactional
    List<RowOutcome> importCsv(Reader csv) {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
        List<RowOutcome> report = new ArrayList<>();
        var categories = requirements.categories();
        try (var parser = format.parse(CsvText.checked(csv))) {
            var header = parser.getHeaderNames();
            var missing = List.of("name", "category", "address", "city", "lat", "lon", "licence_number", "act_applies_from").stream()
                .filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInput("file", "lacks the column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + "; the columns are " + String.join(",", COLUMNS));
            }
            var unknown = header.stream().filter(c -> !COLUMNS.contains(c)).toList();
            if (!unknown.isEmpty()) {
                throw new InvalidInput("file", "has columns SafeCity does not know: " + String.join(", ", unknown));
            }
            for (CSVRecord row : parser) {
                if (report.size() == MAX_ROWS) {
                    throw new InvalidInput("file", "has more than " + MAX_ROWS + " rows; split it and send each part");
                }
                report.add(importRow(row, categories));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw CsvText.malformed(e);
        }
        Map<String, Integer> counts = new HashMap<>();
        report.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        audit.record("partners.premises-imported", "premises", null, null, counts);
        return report;
    }

    private RowOutcome importRow(CSVRecord row, java.util.Set<String> categories) {
        long number = row.getRecordNumber() + 1;
        List<FieldError> problems = new ArrayList<>();
        Double lat = decimal(row, "lat", problems);
        Double lon = decimal(row, "lon", problems);
        var input = new PremisesInput(text(row, "name"), text(row, "category"), text(row, "owner_cnic"), text(row, "owner_ntn"),
            text(row, "address"), text(row, "city"), text(row, "zone"), lat, lon, text(row, "licence_number"), text(row, "contact_name"),
            text(row, "contact_phone"), text(row, "contact_email"), text(row, "act_applies_from"), text(row, "registration"));
        var checked = PremisesRules.check(input, categories, places, Registration.REGISTERED);
        problems.addAll(checked.errors());
        if (checked.draft() != null && !Reach.permits(new Jurisdiction(checked.draft().cityCode(), checked.draft().zoneCode()))) {
            problems.add(new FieldError("city", "lies outside your jurisdiction"));
        }
        if (!problems.isEmpty()) {
            return new RowOutcome(number, "refused", null, problems);
        }
        var stored = premises.upsert(checked.draft());
        if (stored.outcome() != PremisesStore.Stored.UNCHANGED) {
            evaluating.evaluate(stored.id());
        }
        return new RowOutcome(number, stored.outcome().name().toLowerCase(java.util.Locale.ROOT), stored.id(), List.of());
    }

    private static String text(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) && !row.get(column).isBlank() ? row.get(column) : null;
    }

    private static Double decimal(CSVRecord row, String column, List<FieldError> problems) {
        String value = text(row, column);
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            problems.add(new FieldError(column, "must be a number in decimal degrees, not '" + value + "'"));
            return 0.0;
        }
    }
}
