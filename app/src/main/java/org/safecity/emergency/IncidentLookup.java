package org.safecity.emergency;

import java.time.Instant;
import java.util.List;

/**
 * Incidents another module may show beside a person (the records module's search and profiles). A
 * caller may rely on: only incidents in the signed-in person's jurisdiction are answered, newest first,
 * at most {@code limit}; the caller audits what it shows.
 */
public interface IncidentLookup {

    /** Incidents a call came from this number about, compared by the number's last ten digits ({@code 3001234567}). */
    List<IncidentSummary> calledFrom(String phoneDigits, int limit);

    record IncidentSummary(long id, String type, String status, String cityCode, String address, Instant openedAt, String callerName) {
    }
}
