package org.safecity.watchlists.internal;

import org.safecity.watchlists.WatchlistHit;
import java.time.Instant;

/** A list about to be made, checked. */
record NewList(String name, WatchlistHit.ListType type, Watchlist.Kind kind, String cityCode, WatchlistHit.Priority priority,
               boolean fuzzy, double faceThreshold, Instant expiresAt) {
}
