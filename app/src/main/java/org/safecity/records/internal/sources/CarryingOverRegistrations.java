package org.safecity.records.internal.sources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safecity.shared.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes the vehicle registrations e-challan kept before the records did (left in
 * {@code records.carried_over} by the migration that removed e-challan's table) through the records'
 * own import, a batch at a time, each batch deleted in the transaction that stored it. Instances
 * starting together share the rows ({@code skip locked}); a batch the import refuses whole stays with
 * its reason, never dropped.
 */
@Component
class CarryingOverRegistrations {

    private static final Logger log = LoggerFactory.getLogger(CarryingOverRegistrations.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final SourceStore sources;
    private final ReceivingRecords receiving;
    private final TransactionTemplate transactions;

    CarryingOverRegistrations(JdbcClient jdbc, SourceStore sources, ReceivingRecords receiving, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.receiving = receiving;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        int taken = carryOver();
        if (taken > 0) {
            log.info("{} vehicle registrations carried over from e-challan into the records", taken);
        }
    }

    /** Takes every waiting row; answers how many were taken. */
    int carryOver() {
        int taken = 0;
        while (true) {
            record Waiting(long id, long sourceId, Map<String, String> row) {
            }
            List<Long> batch;
            var tried = new java.util.ArrayList<Long>();
            try {
                batch = transactions.execute(status -> {
                    var waiting = jdbc.sql("select id, source_id, row::text from records.carried_over where refusal is null order by id limit ? "
                            + "for update skip locked")
                        .param(BATCH).query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2),
                            JSON.readValue(rs.getString(3), new TypeReference<LinkedHashMap<String, String>>() { }))).list();
                    if (waiting.isEmpty()) {
                        return List.<Long>of();
                    }
                    long sourceId = waiting.getFirst().sourceId();
                    var ofSource = waiting.stream().filter(w -> w.sourceId() == sourceId).toList();
                    var source = sources.find(sourceId).orElseThrow();
                    ofSource.forEach(w -> tried.add(w.id()));
                    receiving.receive(source, ReceivingRecords.Via.FILE, "traffic.vehicle_registration", ofSource.stream().map(Waiting::row).toList(), 0);
                    var ids = ofSource.stream().map(Waiting::id).toList();
                    jdbc.sql("delete from records.carried_over where id = any(string_to_array(?, ',')::bigint[])")
                        .param(String.join(",", ids.stream().map(String::valueOf).toList())).update();
                    return ids;
                });
            } catch (InvalidInput refused) {
                // Every row of the batch was refused: they stay, with the reasons, for an administrator to see.
                String reasons = String.join("; ", refused.errors().stream().map(e -> e.field() + ": " + e.problem()).toList());
                transactions.executeWithoutResult(status -> jdbc.sql("update records.carried_over set refusal = ? "
                        + "where id = any(string_to_array(?, ',')::bigint[])")
                    .params(reasons, String.join(",", tried.stream().map(String::valueOf).toList())).update());
                log.warn("vehicle registrations carried over from e-challan were refused: {}", refused.getMessage());
                continue;
            }
            if (batch == null || batch.isEmpty()) {
                return taken;
            }
            taken += batch.size();
        }
    }
}
