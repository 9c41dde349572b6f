package org.safecity.watchlists;

import java.util.List;

/**
 * The hits among one group of stored detections, in the order the detections were stored: published
 * together, so that a busy hour's hundreds of hits a second become alerts in a few transactions rather
 * than one each.
 */
public record WatchlistHits(List<WatchlistHit> hits) {

    public WatchlistHits {
        hits = List.copyOf(hits);
    }
}
