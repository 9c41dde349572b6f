package org.safecity.watchlists.internal;

import org.safecity.watchlists.WatchlistHit;
import java.util.List;
import java.util.Map;
import org.safecity.shared.DemoSettings;
import org.safecity.identity.AuditTrail;
import org.safecity.shared.Plate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With the Peshawar demo on: a "Wanted vehicles (demo)" list holding the plate the demo's street camera
 * shows ({@code safecity.demo-watched-plate}), so a fresh demo raises a watchlist alert within a minute.
 * Made once; a list of that name already there (kept or emptied by an administrator) is left alone.
 */
@Component
@Order(30)
class DemoWatchlist implements ApplicationRunner {

    static final String NAME = "Wanted vehicles (demo)";
    private static final Logger log = LoggerFactory.getLogger(DemoWatchlist.class);

    private final WatchlistStore store;
    private final LoadedWatchlists loaded;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final boolean demo;
    private final String watched;

    DemoWatchlist(WatchlistStore store, LoadedWatchlists loaded, TransactionTemplate transactions, AuditTrail audit,
                  DemoSettings demo) {
        this.store = store;
        this.loaded = loaded;
        this.transactions = transactions;
        this.audit = audit;
        this.demo = demo.demo();
        this.watched = demo.demoWatchedPlate();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo || watched.isBlank() || store.all().stream().anyMatch(l -> l.name().equals(NAME))) {
            return;
        }
        Plate plate = Plate.of(watched);
        transactions.executeWithoutResult(status -> {
            long list = store.insert(new NewList(NAME, WatchlistHit.ListType.WANTED_VEHICLE, Watchlist.Kind.VEHICLE, "PSH",
                WatchlistHit.Priority.HIGH, false, 0.75, null), "demo");
            long entry = store.insert(new NewEntry(plate.normalised(), plate.asRead(), null, null, null, null,
                "demo: the car the demo street camera shows every 24 s", null), list, "demo");
            audit.record("watchlists.demo-loaded", "watchlist", Long.toString(list), "safecity.demo is on", Map.of("plate", plate.normalised()));
            loaded.listChanged(list);
            loaded.entriesAdded(list, List.of(entry));
        });
        log.info("Watchlists demo: {} lists {}", NAME, plate.normalised());
    }
}
