package org.safecity.detections.internal.sightings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.safecity.detections.DetectionKind;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.shared.BoundingBox;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.TextPolicy;
import org.safecity.shared.Plate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An investigator searches where vehicles (and other detections) were seen. A plate's sightings are
 * personal data: every search states its purpose and is written to the audit trail, in the same
 * transaction as the read, before anything is answered.
 */
@Service
class SearchingSightings {

    static final Duration DEFAULT_RANGE = Duration.ofDays(1);
    static final Duration LONGEST_RANGE = Duration.ofDays(92);
    static final int MOST_RESULTS = 5000;

    private final SightingStore store;
    private final AuditTrail audit;
    private final Clock clock;

    SearchingSightings(SightingStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a person typed, before it is checked. */
    record Request(String plate, Boolean fuzzy, String kind, String from, String to, String city, Long cameraId, String bbox,
                   String purpose, Integer limit) {
    }

    @Transactional
    List<SightingStore.Sighting> search(Request request) {
        var query = check(request);
        var found = store.search(query, CurrentActor.jurisdiction());
        var details = new LinkedHashMap<String, Object>();
        details.put("plate", query.plate() == null ? "" : query.plate());
        details.put("fuzzy", query.fuzzy());
        details.put("from", query.from().toString());
        details.put("to", query.to().toString());
        if (query.city() != null) {
            details.put("city", query.city());
        }
        if (query.cameraId() != null) {
            details.put("cameraId", query.cameraId());
        }
        if (query.box() != null) {
            details.put("bbox", query.box().minLon() + "," + query.box().minLat() + "," + query.box().maxLon() + "," + query.box().maxLat());
        }
        details.put("results", found.size());
        audit.record("detections.sightings-searched", "plate", query.plate(), query.purpose(), details);
        return found;
    }

    private SightingQuery check(Request r) {
        var errors = new ArrayList<InvalidInput.FieldError>();
        TextPolicy.purposeRefusal(r.purpose()).ifPresent(reason -> errors.add(new InvalidInput.FieldError("purpose", reason)));
        if (r.purpose() != null && r.purpose().length() > 500) {
            errors.add(new InvalidInput.FieldError("purpose", "must be at most 500 characters"));
        }
        String plate = null;
        if (r.plate() != null && !r.plate().isBlank()) {
            try {
                plate = Plate.of(r.plate()).normalised();
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError("plate", e.getMessage()));
            }
        }
        DetectionKind kind = null;
        if (r.kind() != null && !r.kind().isBlank()) {
            kind = DetectionKind.fromJson(r.kind().strip()).orElse(null);
            if (kind == null) {
                errors.add(new InvalidInput.FieldError("kind", "must be one of plate, object, face, analytic, signal, speed"));
            }
        }
        Instant now = clock.instant();
        Instant to = time(r.to(), "to", now, errors);
        Instant from = time(r.from(), "from", to.minus(DEFAULT_RANGE), errors);
        if (!from.isBefore(to)) {
            errors.add(new InvalidInput.FieldError("from", "must be before to"));
        } else if (Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            errors.add(new InvalidInput.FieldError("from", "a search spans at most " + LONGEST_RANGE.toDays() + " days"));
        }
        BoundingBox box = null;
        if (r.bbox() != null && !r.bbox().isBlank()) {
            try {
                box = BoundingBox.parse(r.bbox());
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError("bbox", e.getMessage()));
            }
        }
        int limit = r.limit() == null ? 1000 : r.limit();
        if (limit < 1 || limit > MOST_RESULTS) {
            errors.add(new InvalidInput.FieldError("limit", "must be from 1 to " + MOST_RESULTS));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String city = r.city() == null || r.city().isBlank() ? null : r.city().strip().toUpperCase(java.util.Locale.ROOT);
        return new SightingQuery(plate, Boolean.TRUE.equals(r.fuzzy()), kind, from, to, city, r.cameraId(), box, r.purpose().strip(),
            limit);
    }

    private static Instant time(String text, String field, Instant otherwise, List<InvalidInput.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInput.FieldError(field, "must be a UTC time such as 2026-11-25T09:00:00Z"));
            return otherwise;
        }
    }
}
