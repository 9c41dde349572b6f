package org.safecity.records.internal.sources;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.safecity.records.internal.RecordKind;

/**
 * A department feed: whose it is, what it is, how long its records are kept, the kinds it supplies,
 * how its columns map onto record fields, and where it is pulled from (if it is).
 */
record Source(long id, String code, String name, String owner, String description, int retentionDays, List<RecordKind> kinds,
              Map<String, String> mapping, String pullUrl, Integer pullEveryMinutes, Instant lastPulledAt, Instant keyIssuedAt,
              String createdBy, Instant createdAt) {

    /** The column of a file or endpoint that holds a record field: the mapping's, else the field's own name. */
    String columnOf(String field) {
        return mapping.getOrDefault(field, field);
    }

    boolean pullDue(Instant now) {
        return pullUrl != null && pullEveryMinutes != null
            && (lastPulledAt == null || !lastPulledAt.plusSeconds(60L * pullEveryMinutes).isAfter(now));
    }
}
