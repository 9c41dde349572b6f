package org.safecity.identity;

import java.util.Map;

/**
 * The append-only, hash-chained record of who did what, when, from where, to which record and
 * why. Every module records here; every read of personal data must.
 */
public interface AuditTrail {

    /** Records an action by the current actor in the caller's transaction. */
    void record(String action, String targetType, String targetId, String reason, Map<String, ?> details);

    default void record(String action, String targetType, String targetId) {
        record(action, targetType, targetId, null, Map.of());
    }
}
