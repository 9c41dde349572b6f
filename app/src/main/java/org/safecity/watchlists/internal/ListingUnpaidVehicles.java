package org.safecity.watchlists.internal;

import org.safecity.watchlists.WatchlistHit;
import java.time.Clock;
import java.util.List;
import org.safecity.shared.FollowUp;
import org.safecity.shared.Plate;
import org.safecity.traffic.UnpaidChallansCleared;
import org.safecity.traffic.UnpaidChallansExceeded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the unpaid-challans watchlist of each city (made on first need) as e-challan reports vehicles
 * over or back within the unpaid limit. Traffic announces; this module decides how it is listed.
 */
@Component
class ListingUnpaidVehicles {

    private final WatchlistStore store;
    private final LoadedWatchlists loaded;
    private final JdbcClient jdbc;
    private final Clock clock;

    ListingUnpaidVehicles(WatchlistStore store, LoadedWatchlists loaded, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.loaded = loaded;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String listName(String cityCode) {
        return "Unpaid challans" + (cityCode == null ? "" : " " + cityCode);
    }

    @FollowUp
    void on(UnpaidChallansExceeded exceeded) {
        String name = listName(exceeded.cityCode());
        long listId = jdbc.sql("select id from watchlists.list where lower(name) = lower(?)").param(name).query(Long.class).optional()
            .orElseGet(() -> {
                long id = store.insert(new NewList(name, WatchlistHit.ListType.UNPAID_CHALLANS, Watchlist.Kind.VEHICLE, exceeded.cityCode(),
                    WatchlistHit.Priority.LOW, false, 0.75, null), "traffic");
                loaded.listChanged(id);
                return id;
            });
        if (store.listed(listId, List.of(exceeded.plate())).isEmpty()) {
            long entryId = store.insert(new NewEntry(exceeded.plate(), Plate.of(exceeded.plate()).asRead(), null, null, null, null,
                exceeded.reason(), null), listId, "traffic");
            loaded.entriesAdded(listId, List.of(entryId));
        }
    }

    @FollowUp
    void on(UnpaidChallansCleared cleared) {
        var entries = jdbc.sql("""
                select e.id from watchlists.entry e join watchlists.list l on l.id = e.list_id
                where l.type = 'UNPAID_CHALLANS' and e.plate = ? and e.removed_at is null""")
            .param(cleared.plate()).query(Long.class).list();
        for (long id : entries) {
            store.remove(id, clock.instant());
            loaded.entryRemoved(id);
        }
    }
}
