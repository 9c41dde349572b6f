package org.safecity.watchlists.internal;

import java.util.Collection;
import java.util.Collections;
import org.safecity.shared.InstanceNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The in-memory index of all lists and entries, loaded on first use from the database and kept
 * current on every instance: a change is told, in the transaction that makes it, as a notice naming
 * what changed; after the commit this instance applies it, and the other instances apply it when
 * they hear it (read back from the database, so a notice never carries an entry the database lacks).
 */
@Component
class LoadedWatchlists implements InstanceNotices.Listener {

    private static final Logger log = LoggerFactory.getLogger(LoadedWatchlists.class);
    private static final String TOPIC = "watchlists";

    private final WatchlistStore store;
    private final TransactionTemplate transactions;
    /** Applying runs after the change's commit, when that transaction's connection may still be bound. */
    private final TransactionTemplate applying;
    private final InstanceNotices notices;
    private volatile WatchlistIndex index;

    LoadedWatchlists(WatchlistStore store, TransactionTemplate transactions, InstanceNotices notices) {
        this.store = store;
        this.transactions = transactions;
        this.applying = new TransactionTemplate(transactions.getTransactionManager());
        this.applying.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.applying.setReadOnly(true);
        this.notices = notices;
        notices.listen(TOPIC, this);
    }

    /** Loaded on first use, so that matching of events replayed at start waits for the index rather than missing it. */
    WatchlistIndex index() {
        WatchlistIndex loaded = index;
        if (loaded == null) {
            synchronized (this) {
                if (index == null) {
                    index = load();
                }
                loaded = index;
            }
        }
        return loaded;
    }

    /** In the transaction that made or changed the list. */
    void listChanged(long listId) {
        changed("list " + listId);
    }

    /** In the transaction that added these entries to the list. */
    void entriesAdded(long listId, Collection<Long> entryIds) {
        if (!entryIds.isEmpty()) {
            changed("entries " + listId + " " + Collections.min(entryIds) + " " + Collections.max(entryIds));
        }
    }

    /** In the transaction that removed the entry. */
    void entryRemoved(long entryId) {
        changed("removed " + entryId);
    }

    private void changed(String change) {
        notices.tell(TOPIC, change);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    heard(change);
                } catch (RuntimeException e) {
                    // committed, so the request succeeded; the index must not miss it
                    log.warn("Watchlist change '{}' could not enter the index ({}); it is loaded again on next use", change,
                        e.getMessage());
                    unload();
                }
            }
        });
    }

    /** A change, made here or on another instance, committed: the index takes it if it is loaded (a later load reads it anyway). */
    @Override
    public synchronized void heard(String change) {
        WatchlistIndex loaded = index;
        if (loaded == null) {
            return;
        }
        String[] words = change.split(" ");
        long id = Long.parseLong(words[1]);
        switch (words[0]) {
            case "list" -> applying.executeWithoutResult(status -> store.find(id).ifPresent(loaded::putList));
            case "entries" -> applying.executeWithoutResult(status -> {
                if (!loaded.lists().containsKey(id)) {
                    store.find(id).ifPresent(loaded::putList);
                }
                store.eachActive(id, Long.parseLong(words[2]), Long.parseLong(words[3]), loaded::add);
            });
            case "removed" -> applying.executeWithoutResult(status -> store.findEntryEvenRemoved(id).ifPresent(loaded::remove));
            default -> throw new IllegalArgumentException("not a watchlist change: " + change);
        }
    }

    /** Changes told while this instance was not listening are lost: a loaded index is loaded again. */
    @Override
    public synchronized void mayHaveMissed() {
        if (index != null) {
            index = load();
        }
    }

    private synchronized void unload() {
        index = null;
    }

    private WatchlistIndex load() {
        long started = System.nanoTime();
        var fresh = new WatchlistIndex();
        store.all().forEach(fresh::putList);
        transactions.executeWithoutResult(status -> store.eachActive(fresh::add));
        log.info("Watchlists loaded: {} lists, {} entries in {} ms", fresh.lists().size(), fresh.size(),
            (System.nanoTime() - started) / 1_000_000);
        return fresh;
    }
}
