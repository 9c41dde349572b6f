package org.safecity.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The audit trail read back for a report another module owes (a data subject's access report): the
 * entries about given targets, newest first. A caller may rely on: nothing is filtered by the caller's
 * jurisdiction here; the caller's endpoint decides who may ask.
 */
public interface AuditReading {

    List<Entry> about(String targetType, Collection<String> targetIds, int limit);

    record Entry(long seq, Instant at, String actor, String action, String targetType, String targetId, String reason) {
    }
}
