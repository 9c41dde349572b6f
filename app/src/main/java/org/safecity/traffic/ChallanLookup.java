package org.safecity.traffic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Challans another module may show beside a vehicle or a person (the records module's search and
 * profiles). A caller may rely on: only challans in the signed-in person's jurisdiction are answered,
 * newest first, at most {@code limit}; the caller audits what it shows.
 */
public interface ChallanLookup {

    /** Challans of any of these normalised plates, or addressed to the owner with this CNIC (13 digits, may be null). */
    List<ChallanSummary> find(Collection<String> plates, String ownerCnic, int limit);

    record ChallanSummary(String number, String plate, String offenceName, long finePkr, Instant observedAt, LocalDate dueDate, String status,
                          String ownerName, String cityCode) {
    }
}
