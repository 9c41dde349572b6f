package org.safecity.evidence.internal.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.safecity.evidence.EvidenceKind;
import org.safecity.evidence.internal.EvidenceSettings;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention periods in force: the configured ones ({@code safecity.evidence.retention.*}),
 * overridden kind by kind by what an administrator set ({@code evidence.retention_policy}).
 */
@Component
public class RetentionSettings {

    private final EvidenceSettings settings;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    RetentionSettings(EvidenceSettings settings, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** One kind's period and where it comes from: {@code configuration} or the administrator who set it. */
    public record Period(EvidenceKind kind, Duration retainFor, String setBy, java.time.Instant setAt) {
    }

    public List<Period> periods() {
        Map<String, Period> set = new java.util.HashMap<>();
        jdbc.sql("select kind, retain_for, set_by, set_at from evidence.retention_policy").query(rs -> {
            var kind = EvidenceKind.valueOf(rs.getString(1));
            set.put(kind.name(), new Period(kind, Duration.parse(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant()));
        });
        return java.util.Arrays.stream(EvidenceKind.values())
            .map(kind -> set.getOrDefault(kind.name(), new Period(kind, settings.retentionOf(kind), "configuration", null)))
            .toList();
    }

    RetentionPolicy policy() {
        var map = new EnumMap<EvidenceKind, Duration>(EvidenceKind.class);
        periods().forEach(p -> map.put(p.kind(), p.retainFor()));
        return new RetentionPolicy(map);
    }

    @Transactional
    public Period set(String kindText, String retainForText) {
        var kind = EvidenceKind.parse(kindText);
        if (kind == null) {
            throw new InvalidInput("kind", "must be one of " + java.util.Arrays.toString(EvidenceKind.values()));
        }
        Duration retainFor;
        try {
            retainFor = Duration.parse(retainForText == null ? "" : retainForText.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("retainFor", "must be an ISO-8601 duration such as P3650D (ten years) or PT24H");
        }
        if (retainFor.isNegative()) {
            throw new InvalidInput("retainFor", "must not be negative");
        }
        jdbc.sql("""
                insert into evidence.retention_policy (kind, retain_for, set_at, set_by) values (?, ?, ?, ?)
                on conflict (kind) do update set retain_for = excluded.retain_for, set_at = excluded.set_at, set_by = excluded.set_by""")
            .params(kind.name(), retainFor.toString(), Timestamp.from(clock.instant()), CurrentActor.name()).update();
        audit.record("evidence.retention-set", "retention", kind.name(), null, Map.of("retainFor", retainFor.toString()));
        return periods().stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
    }
}
