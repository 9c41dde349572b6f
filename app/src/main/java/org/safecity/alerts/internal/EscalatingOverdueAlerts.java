package org.safecity.alerts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.safecity.alerts.AlertPriority;
import org.safecity.cluster.OncePerCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Escalates to supervisors every alert nobody acknowledged within its priority's limit. */
@Component
class EscalatingOverdueAlerts {

    private static final Logger log = LoggerFactory.getLogger(EscalatingOverdueAlerts.class);
    /**
     * Alerts escalated per transaction: one lock and one commit for many when nobody keeps up with a
     * busy feed, yet short enough that raising new alerts, which waits for the same lock, is not held up.
     */
    static final int CHUNK = 50;

    private final AlertStore store;
    private final HandlingAlerts handling;
    private final AlertSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final OncePerCluster oncePerCluster;

    EscalatingOverdueAlerts(AlertStore store, HandlingAlerts handling, AlertSettings settings, TransactionTemplate transactions,
                            Clock clock, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.store = store;
        this.handling = handling;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${safecity.alerts.overdue-check}")
    void escalateOverdue() {
        if (!oncePerCluster.mine("alerts escalations")) {
            return; // another instance of the cluster runs it
        }
        Instant now = clock.instant();
        int escalated = 0;
        for (AlertPriority priority : AlertPriority.values()) {
            String note = "not acknowledged within " + settings.acknowledgeWithin(priority).toSeconds() + " s";
            Instant due = now.minus(settings.acknowledgeWithin(priority));
            // the oldest first, a chunk at a time, until none is left: a busy feed is escalated in full, not 500 per check
            List<Long> chunk;
            int done;
            do {
                chunk = store.unacknowledged(priority, due, CHUNK);
                done = chunk.isEmpty() ? 0 : escalate(chunk, note, now);
                escalated += done;
            } while (chunk.size() == CHUNK && done > 0);
        }
        if (escalated > 0) {
            log.info("Escalated {} alerts nobody acknowledged in time", escalated);
        }
    }

    /** Escalates those of the chunk still NEW, in one transaction; answers how many. */
    private int escalate(List<Long> chunk, String note, Instant now) {
        Integer done = transactions.execute(status -> {
            store.serialise();
            var stillNew = store.lockStillNew(chunk);
            stillNew.forEach(alert -> handling.apply(alert, AlertLifecycle.Step.ESCALATE, "system", note, now));
            return stillNew.size();
        });
        return done == null ? 0 : done;
    }
}
