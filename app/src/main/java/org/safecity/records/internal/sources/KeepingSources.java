package org.safecity.records.internal.sources;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safecity.records.internal.DepartmentRecord;
import org.safecity.records.internal.RecordKind;
import org.safecity.shared.BearerSecret;
import org.safecity.identity.Actor;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.DeviceKeyRevoked;
import org.safecity.identity.DeviceKeys;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;
import org.safecity.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator registers a department feed, changes it, and issues its push key. The key is
 * shown once and only its SHA-256 hash kept, as a device's; issuing a new one ends the old at once.
 * The identity module asks here whether a presented key is a source's.
 */
@Service
public class KeepingSources implements DeviceKeys {

    static final String PREFIX = "scr_";

    private final SourceStore sources;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private static final BearerSecret KEYS = new BearerSecret(PREFIX);

    KeepingSources(SourceStore sources, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.sources = sources;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** What a person asks for; the same shape registers and changes a source. */
    public record Draft(String code, String name, String owner, String description, Integer retentionDays, List<String> kinds,
                 Map<String, String> mapping, String pullUrl, Integer pullEveryMinutes) {
    }

    @Transactional
    public Source register(Draft draft) {
        var checked = check(draft, null);
        if (sources.findByCode(checked.code()).isPresent()) {
            throw new Conflict("A source with code " + checked.code() + " is already registered.");
        }
        long id = sources.insert(checked);
        audit.record("records.source-registered", "records-source", Long.toString(id), null,
            Map.of("code", checked.code(), "kinds", checked.kinds().toString()));
        return sources.find(id).orElseThrow();
    }

    @Transactional
    Source change(long id, Draft draft) {
        var existing = find(id);
        var checked = check(new Draft(existing.code(), draft.name(), draft.owner(), draft.description(), draft.retentionDays(), draft.kinds(),
            draft.mapping(), draft.pullUrl(), draft.pullEveryMinutes()), existing);
        sources.update(checked);
        audit.record("records.source-changed", "records-source", Long.toString(id), null, Map.of("code", existing.code()));
        return sources.find(id).orElseThrow();
    }

    Source find(long id) {
        return sources.find(id).orElseThrow(() -> new NotFound("records source", id));
    }

    /** A new key for the source's pushes; the one before stops working at once. */
    @Transactional
    String issueKey(long id) {
        var source = find(id);
        String key = KEYS.issue();
        sources.setKey(id, BearerSecret.hash(key), clock.instant());
        audit.record("records.source-key-issued", "records-source", Long.toString(id), null, Map.of("code", source.code(),
            "replaced", source.keyIssuedAt() != null));
        if (source.keyIssuedAt() != null) {
            events.publishEvent(new DeviceKeyRevoked("records", id));
        }
        return key;
    }

    /** The source a presented push key belongs to. */
    Optional<Source> byKey(String presentedKey) {
        if (!KEYS.isOfKind(presentedKey)) {
            return Optional.empty();
        }
        return sources.findByKeyHash(BearerSecret.hash(presentedKey));
    }

    @Override
    public Optional<Actor.Machine> authenticate(String presentedKey) {
        return byKey(presentedKey).map(s -> new Actor.Machine(s.id(), "records source " + s.code(), Set.of()));
    }

    private Source check(Draft d, Source existing) {
        var errors = new ArrayList<FieldError>();
        String code = d.code() == null ? null : d.code().strip().toLowerCase(java.util.Locale.ROOT);
        if (code == null || !code.matches("[a-z0-9-]{2,40}")) {
            errors.add(new FieldError("code", "is required: 2 to 40 lower-case letters, digits and dashes, such as excise-vehicles"));
        }
        require(d.name(), "name", "such as 'Excise & Taxation vehicle registrations'", errors);
        require(d.owner(), "owner", "the department that keeps the data, such as 'Excise & Taxation Department KP'", errors);
        if (d.retentionDays() == null || d.retentionDays() < 1 || d.retentionDays() > 36500) {
            errors.add(new FieldError("retentionDays", "is required: how many days a record is kept after it arrives, 1 to 36500"));
        }
        var kinds = new ArrayList<RecordKind>();
        if (d.kinds() == null || d.kinds().isEmpty()) {
            errors.add(new FieldError("kinds", "must name at least one kind of record: " + List.of(RecordKind.values())));
        } else {
            for (String k : d.kinds()) {
                RecordKind.named(k).ifPresentOrElse(kind -> {
                    if (!kinds.contains(kind)) {
                        kinds.add(kind);
                    }
                }, () -> errors.add(new FieldError("kinds", "'" + k + "' is not a kind of record; one of " + List.of(RecordKind.values()))));
            }
        }
        var mapping = new LinkedHashMap<String, String>();
        if (d.mapping() != null) {
            var known = new java.util.HashSet<>(List.of("id", "version", "kind"));
            kinds.forEach(k -> known.addAll(DepartmentRecord.fieldsOf(k)));
            d.mapping().forEach((field, column) -> {
                if (!known.contains(field)) {
                    errors.add(new FieldError("mapping." + field, "is not a field of " + kinds + "; fields are " + known));
                } else if (column == null || column.isBlank() || column.length() > 200) {
                    errors.add(new FieldError("mapping." + field, "must name the column that holds it"));
                } else {
                    mapping.put(field, column.strip());
                }
            });
        }
        String pullUrl = d.pullUrl() == null || d.pullUrl().isBlank() ? null : d.pullUrl().strip();
        if (pullUrl != null) {
            try {
                var uri = URI.create(pullUrl);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    errors.add(new FieldError("pullUrl", "must be an http or https address"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("pullUrl", "must be an http or https address"));
            }
            if (d.pullEveryMinutes() == null || d.pullEveryMinutes() < 1 || d.pullEveryMinutes() > 10080) {
                errors.add(new FieldError("pullEveryMinutes", "is required with pullUrl: minutes between pulls, 1 to 10080"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var now = clock.instant();
        return new Source(existing == null ? 0 : existing.id(), code, d.name().strip(), d.owner().strip(),
            d.description() == null ? "" : d.description().strip(), d.retentionDays(), List.copyOf(kinds), mapping, pullUrl,
            pullUrl == null ? null : d.pullEveryMinutes(), existing == null ? null : existing.lastPulledAt(),
            existing == null ? null : existing.keyIssuedAt(), existing == null ? CurrentActor.name() : existing.createdBy(),
            existing == null ? now : existing.createdAt());
    }

    private static void require(String value, String field, String hint, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required: " + hint));
        } else if (value.strip().length() > 300) {
            errors.add(new FieldError(field, "must be at most 300 characters"));
        }
    }
}
