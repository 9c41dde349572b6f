package org.safecity.records.internal.sources;

import org.safecity.records.internal.RecordKind;

/**
 * A stolen-vehicle report or proclaimed offender arrived open or closed: after the import commits it
 * is listed on or taken off the city's watchlist.
 */
record FeedChange(String feed, RecordKind kind, boolean open, String plate, String cnic, String name, String cityCode, String reason) {
}
