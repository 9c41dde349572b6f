package org.safecity.detections.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What tells a new detection from a repeat: {@code event_seen} in two generations, each holding the (device, eventId)
 * pairs of one repeat window; a pair seen in either is a repeat. Used by the writer thread alone.
 */
final class SeenEvents {

    /** The period each generation of {@code event_seen} is known to hold. */
    private final long[] periods = {-1, -1};

    /**
     * The generation of {@code event_seen} that records this period's events; the first group of a new
     * period empties it (it held the period before last).
     */
    int generation(Connection connection, long period) throws SQLException {
        int generation = (int) (period % 2);
        if (periods[generation] == period) {
            return generation;
        }
        try (var select = connection.prepareStatement("select period from detections.event_seen_period where generation = ? for update")) {
            select.setInt(1, generation);
            try (var result = select.executeQuery()) {
                if (result.next() && result.getLong(1) == period) {
                    return generation;
                }
            }
        }
        try (var statement = connection.createStatement()) {
            statement.execute("truncate detections.event_seen_" + generation);
            statement.execute("update detections.event_seen_period set period = " + period + " where generation = " + generation);
        }
        return generation;
    }

    /** After a commit: the generation of this period is known to hold it. */
    void committed(long period) {
        periods[(int) (period % 2)] = period;
    }

    /**
     * Records in {@code event_seen} each (device, eventId) of the group seen in neither generation (the
     * first row of a repeat within the group wins), and returns the ids of exactly those rows: one
     * statement, the group's keys sent as three arrays.
     */
    static Set<Long> recordFresh(Connection connection, List<SightingRow> rows, long[] ids, int generation)
        throws SQLException {
        var devices = new Long[ids.length];
        var events = new String[ids.length];
        var sightings = new Long[ids.length];
        int i = 0;
        for (var row : rows) {
            devices[i] = row.deviceId();
            events[i] = row.detection().eventId();
            sightings[i] = ids[i];
            i++;
        }
        var fresh = new HashSet<Long>(ids.length * 2);
        try (var insert = connection.prepareStatement("insert into detections.event_seen_" + generation
                + " (generation, device_id, event_id, sighting_id) select " + generation + ", b.device_id, b.event_id, min(b.sighting_id) "
                + "from unnest(?::bigint[], ?::text[], ?::bigint[]) as b(device_id, event_id, sighting_id) "
                + "where not exists (select 1 from detections.event_seen_" + (1 - generation)
                + " o where o.device_id = b.device_id and o.event_id = b.event_id) group by b.device_id, b.event_id "
                + "on conflict do nothing returning sighting_id")) {
            insert.setArray(1, connection.createArrayOf("bigint", devices));
            insert.setArray(2, connection.createArrayOf("text", events));
            insert.setArray(3, connection.createArrayOf("bigint", sightings));
            try (var result = insert.executeQuery()) {
                while (result.next()) {
                    fresh.add(result.getLong(1));
                }
            }
        }
        return fresh;
    }
}
