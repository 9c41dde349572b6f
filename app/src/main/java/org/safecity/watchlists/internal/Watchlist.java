package org.safecity.watchlists.internal;

import java.time.Instant;
import org.safecity.watchlists.WatchlistHit.ListType;
import org.safecity.watchlists.WatchlistHit.Priority;

/**
 * A hotlist: what it lists, whose it is, how urgent its hits are, and how tolerant its matching. Its type and
 * priority are the ones its hits carry to the alerts.
 */
record Watchlist(long id, String name, ListType type, Kind kind, String owner, String cityCode, Priority priority, boolean fuzzy,
                 double faceThreshold, Instant expiresAt, Instant createdAt) {

    enum Kind { VEHICLE, PERSON }

    boolean activeAt(Instant at) {
        return expiresAt == null || at.isBefore(expiresAt);
    }
}
