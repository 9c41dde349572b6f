package org.safecity.detections.internal.storage;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.safecity.detections.DetectionKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The day partitions of {@code detections.sighting}: one table per kind per UTC day, named
 * {@code sighting_plate_20261125}. Made ahead by a job and, for a late or early reading, on demand.
 */
@Component
class DailyPartitions {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /**
     * A day's sightings are only ever added to, then dropped whole: vacuuming it again and again as it
     * grows (PostgreSQL's default for inserts) took a core of a two-core machine under intake load and
     * reclaims nothing. Statistics are still gathered (autoanalyze); freezing still happens when due.
     */
    static final String INSERT_ONLY = "autovacuum_vacuum_insert_threshold = -1";

    private final TransactionTemplate transactions;

    DailyPartitions(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    static String name(DetectionKind kind, LocalDate day) {
        return "sighting_" + kind.jsonName() + "_" + SUFFIX.format(day);
    }

    /** Makes the partition if it does not exist yet; cheap when it is known to exist. */
    void ensure(DetectionKind kind, LocalDate day) {
        String name = name(kind, day);
        if (known.contains(name)) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            // Concurrent creators would collide on the catalogue; a lock keyed by the name makes them queue.
            jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(name).query(Object.class).single();
            jdbc.sql("create table if not exists detections." + name + " partition of detections.sighting_" + kind.jsonName()
                + " for values from ('" + day + " 00:00:00+00') to ('" + day.plusDays(1) + " 00:00:00+00')"
                + " with (" + INSERT_ONLY + ")").update();
        });
        known.add(name);
    }

    /** The days that have a partition of this kind, oldest first. */
    List<LocalDate> days(DetectionKind kind) {
        String prefix = "sighting_" + kind.jsonName() + "_";
        return jdbc.sql("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                join pg_class p on p.oid = i.inhparent join pg_namespace n on n.oid = p.relnamespace
                where n.nspname = 'detections' and p.relname = ? order by c.relname""")
            .param("sighting_" + kind.jsonName()).query(String.class).list().stream()
            .filter(n -> n.startsWith(prefix) && n.length() == prefix.length() + 8)
            .map(n -> LocalDate.parse(n.substring(prefix.length()), SUFFIX)).toList();
    }

    void drop(DetectionKind kind, LocalDate day) {
        String name = name(kind, day);
        jdbc.sql("drop table if exists detections." + name).update();
        known.remove(name);
    }

    static LocalDate dayOf(java.time.Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
