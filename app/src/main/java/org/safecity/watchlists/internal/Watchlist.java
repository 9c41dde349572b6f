package org.safecity.watchlists.internal;

import java.time.Instant;

/** A hotlist: what it lists, whose it is, how urgent its hits are, and how tolerant its matching. */
record Watchlist(long id, String name, ListType type, Kind kind, String owner, String cityCode, Priority priority, boolean fuzzy,
                 double faceThreshold, Instant expiresAt, Instant createdAt) {

    enum ListType { STOLEN_VEHICLE, WANTED_VEHICLE, UNPAID_CHALLANS, WANTED_PERSON, CUSTOM }

    enum Kind { VEHICLE, PERSON }

    enum Priority { HIGH, MEDIUM, LOW }

    boolean activeAt(Instant at) {
        return expiresAt == null || at.isBefore(expiresAt);
    }
}
