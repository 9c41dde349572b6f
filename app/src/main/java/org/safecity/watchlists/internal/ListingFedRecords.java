package org.safecity.watchlists.internal;

import org.safecity.watchlists.WatchlistHit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.safecity.identity.CurrentActor;
import org.safecity.watchlists.FedWatchlists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link FedWatchlists}: the lists a feed keeps, made on first need as e-challan's unpaid list is. */
@Component
class ListingFedRecords implements FedWatchlists {

    private final WatchlistStore store;
    private final LoadedWatchlists loaded;
    private final JdbcClient jdbc;
    private final Clock clock;

    ListingFedRecords(WatchlistStore store, LoadedWatchlists loaded, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.loaded = loaded;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void listStolenVehicle(String feed, String plate, String cityCode, String reason) {
        long listId = list("Stolen vehicles", WatchlistHit.ListType.STOLEN_VEHICLE, Watchlist.Kind.VEHICLE, cityCode, feed);
        if (store.listed(listId, List.of(plate)).isEmpty()) {
            long entryId = store.insert(new NewEntry(plate, plate, null, null, null, null, reason, null), listId, feed);
            loaded.entriesAdded(listId, List.of(entryId));
        }
    }

    @Override
    @Transactional
    public void unlistStolenVehicle(String feed, String plate) {
        remove(WatchlistHit.ListType.STOLEN_VEHICLE, feed, "e.plate = ?", plate);
    }

    @Override
    @Transactional
    public void listWantedPerson(String feed, String cnic, String name, String cityCode, String reason) {
        long listId = list("Wanted persons", WatchlistHit.ListType.WANTED_PERSON, Watchlist.Kind.PERSON, cityCode, feed);
        boolean listed = cnic != null ? !store.listed(listId, List.of(cnic)).isEmpty()
            : jdbc.sql("select count(*) from watchlists.entry where list_id = ? and cnic is null and person_name = ? and removed_at is null")
                .params(listId, name).query(Long.class).single() > 0;
        if (!listed) {
            long entryId = store.insert(new NewEntry(null, null, cnic, name, null, null, reason, null), listId, feed);
            loaded.entriesAdded(listId, List.of(entryId));
        }
    }

    @Override
    @Transactional
    public void unlistWantedPerson(String feed, String cnic, String name) {
        if (cnic != null) {
            remove(WatchlistHit.ListType.WANTED_PERSON, feed, "e.cnic = ?", cnic);
        } else {
            remove(WatchlistHit.ListType.WANTED_PERSON, feed, "e.cnic is null and e.person_name = ?", name);
        }
    }

    @Override
    public List<ListedEntry> listed(List<String> plates, List<String> cnics, String name, int limit) {
        var mine = CurrentActor.jurisdiction();
        var found = jdbc.sql("""
                select e.id, l.id list_id, l.name, l.type, l.city_code, e.plate, e.cnic, e.person_name, e.reason, e.added_by, e.created_at
                from watchlists.entry e join watchlists.list l on l.id = e.list_id
                where e.removed_at is null and (e.plate = any(string_to_array(?, ',')) or e.cnic = any(string_to_array(?, ','))
                  or (cast(? as text) is not null and lower(e.person_name) = lower(?)))
                order by e.created_at desc limit ?""")
            .params(String.join(",", plates), String.join(",", cnics), name, name, limit * 4)
            .query((rs, n) -> new Object[] {rs.getString("city_code"), new ListedEntry(rs.getLong("id"), rs.getLong("list_id"),
                rs.getString("name"), rs.getString("type"), rs.getString("plate"), rs.getString("cnic"), rs.getString("person_name"),
                rs.getString("reason"), rs.getString("added_by"), rs.getTimestamp("created_at").toInstant())}).list();
        var visible = new ArrayList<ListedEntry>();
        for (var row : found) {
            if ((row[0] == null || mine.coversCity((String) row[0])) && visible.size() < limit) {
                visible.add((ListedEntry) row[1]);
            }
        }
        return visible;
    }

    private long list(String title, WatchlistHit.ListType type, Watchlist.Kind kind, String cityCode, String feed) {
        String name = title + (cityCode == null ? "" : " " + cityCode) + " (" + feed + ")";
        return jdbc.sql("select id from watchlists.list where lower(name) = lower(?)").param(name).query(Long.class).optional()
            .orElseGet(() -> {
                long id = store.insert(new NewList(name, type, kind, cityCode, WatchlistHit.Priority.HIGH, true, 0.75, null), feed);
                loaded.listChanged(id);
                return id;
            });
    }

    private void remove(WatchlistHit.ListType type, String feed, String condition, String value) {
        var entries = jdbc.sql("select e.id from watchlists.entry e join watchlists.list l on l.id = e.list_id "
                + "where l.type = ? and l.owner = ? and " + condition + " and e.removed_at is null")
            .params(type.name(), feed, value).query(Long.class).list();
        for (long id : entries) {
            store.remove(id, clock.instant());
            loaded.entryRemoved(id);
        }
    }
}
