package org.safecity.watchlists.internal;

import java.time.Instant;

/** A list about to be made, checked. */
record NewList(String name, Watchlist.ListType type, Watchlist.Kind kind, String cityCode, Watchlist.Priority priority,
               boolean fuzzy, double faceThreshold, Instant expiresAt) {
}
