package org.safecity.records.internal.sources;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.cluster.OncePerCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes each source's records older than its retention period (counted from when each version
 * arrived), in batches, with their keys and links; persons and vehicles no record speaks of any more
 * go with them. Each run that deleted something is written to the audit trail.
 */
@Service
class KeepingForRetention {

    private static final Logger log = LoggerFactory.getLogger(KeepingForRetention.class);
    private static final int BATCH = 10_000;

    private final SourceStore sources;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final OncePerCluster oncePerCluster;

    KeepingForRetention(SourceStore sources, JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit, Clock clock,
                        OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.sources = sources;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${safecity.records.retention-interval}", fixedDelayString = "${safecity.records.retention-interval}")
    void scheduled() {
        if (!oncePerCluster.mine("records retention")) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            log.error("Records retention failed; will try again at the next interval", e);
        }
    }

    /** Deletes what has outlived its source's retention; answers how many record versions went. */
    long run() {
        long total = 0;
        for (var source : sources.all()) {
            var before = Timestamp.from(clock.instant().minus(Duration.ofDays(source.retentionDays())));
            long deleted = 0;
            int batch;
            do {
                batch = transactions.execute(status -> {
                    jdbc.sql("""
                            delete from records.link_proposal where record_id in (select id from records.record
                              where source_id = ? and received_at < ? order by id limit ?)""")
                        .params(source.id(), before, BATCH).update();
                    jdbc.sql("""
                            delete from records.link where record_id in (select id from records.record
                              where source_id = ? and received_at < ? order by id limit ?)""")
                        .params(source.id(), before, BATCH).update();
                    return jdbc.sql("""
                            delete from records.record where id in (select id from records.record
                              where source_id = ? and received_at < ? order by id limit ?)""")
                        .params(source.id(), before, BATCH).update();
                });
                deleted += batch;
            } while (batch == BATCH);
            if (deleted > 0) {
                long gone = deleted;
                transactions.executeWithoutResult(status -> {
                    jdbc.sql("delete from records.link_proposal p where not exists (select 1 from records.link l where l.person_id = p.person_id)")
                        .update();
                    jdbc.sql("delete from records.person p where not exists (select 1 from records.link l where l.person_id = p.id)").update();
                    jdbc.sql("delete from records.vehicle v where not exists (select 1 from records.link l where l.vehicle_id = v.id)").update();
                    audit.record("records.retention-applied", "records-source", Long.toString(source.id()), null,
                        Map.of("code", source.code(), "retentionDays", source.retentionDays(), "deleted", gone));
                });
                total += deleted;
            }
        }
        return total;
    }
}
