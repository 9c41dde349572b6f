package org.safecity.watchlists;

import java.time.Instant;
import java.util.List;

/**
 * How another module's records keep entries on the city's watchlists: an open stolen-vehicle report
 * lists its plate on "Stolen vehicles", a proclaimed offender goes onto "Wanted persons", and each
 * leaves when its record is closed. A caller may rely on: listing what is already listed by the same
 * feed adds nothing; unlisting what is not listed does nothing; the lists are made on first need, one
 * per city (or one for the province when no city is given), owned by the feed.
 */
public interface FedWatchlists {

    /** Lists a normalised plate on the stolen-vehicles list of {@code cityCode} (null: the province's). */
    void listStolenVehicle(String feed, String plate, String cityCode, String reason);

    /** Takes the plate off every stolen-vehicles list of the feed. */
    void unlistStolenVehicle(String feed, String plate);

    /** Lists a person (CNIC of 13 digits, or a name when no CNIC is known) on the wanted-persons list of {@code cityCode}. */
    void listWantedPerson(String feed, String cnic, String name, String cityCode, String reason);

    /** Takes the person off every wanted-persons list of the feed, by CNIC or, without one, by name. */
    void unlistWantedPerson(String feed, String cnic, String name);

    /**
     * Entries still listed that name a normalised plate, a CNIC or a name, on lists the signed-in person may
     * see (their jurisdiction's and the province's), at most {@code limit}.
     */
    List<ListedEntry> listed(List<String> plates, List<String> cnics, String name, int limit);

    record ListedEntry(long entryId, long listId, String listName, String listType, String plate, String cnic, String personName,
                       String reason, String addedBy, Instant addedAt) {
    }
}
