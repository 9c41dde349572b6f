package org.safecity.watchlists.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The in-memory index of all lists and entries, loaded once at start from the database and kept
 * current by the use cases that change lists (after their transaction commits).
 */
@Component
class LoadedWatchlists {

    private static final Logger log = LoggerFactory.getLogger(LoadedWatchlists.class);

    private final WatchlistStore store;
    private volatile WatchlistIndex index;

    private final TransactionTemplate transactions;

    LoadedWatchlists(WatchlistStore store, TransactionTemplate transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    /** Loaded on first use, so that matching of events replayed at start waits for the index rather than missing it. */
    WatchlistIndex index() {
        WatchlistIndex loaded = index;
        if (loaded == null) {
            synchronized (this) {
                if (index == null) {
                    long started = System.nanoTime();
                    var fresh = new WatchlistIndex();
                    store.all().forEach(fresh::putList);
                    transactions.executeWithoutResult(status -> store.eachActive(fresh::add));
                    log.info("Watchlists loaded: {} lists, {} entries in {} ms", fresh.lists().size(), fresh.size(),
                        (System.nanoTime() - started) / 1_000_000);
                    index = fresh;
                }
                loaded = index;
            }
        }
        return loaded;
    }
}
