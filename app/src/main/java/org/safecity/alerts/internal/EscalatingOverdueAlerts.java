package org.safecity.alerts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Escalates to supervisors every alert nobody acknowledged within its priority's limit. */
@Component
class EscalatingOverdueAlerts {

    private static final Logger log = LoggerFactory.getLogger(EscalatingOverdueAlerts.class);

    private final AlertStore store;
    private final HandlingAlerts handling;
    private final AlertSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EscalatingOverdueAlerts(AlertStore store, HandlingAlerts handling, AlertSettings settings, TransactionTemplate transactions,
                            Clock clock) {
        this.store = store;
        this.handling = handling;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${safecity.alerts.overdue-check:5s}")
    void escalateOverdue() {
        Instant now = clock.instant();
        int escalated = 0;
        for (String priority : List.of("HIGH", "MEDIUM", "LOW")) {
            for (long id : store.unacknowledged(priority, now.minus(settings.acknowledgeWithin(priority)))) {
                Boolean done = transactions.execute(status -> {
                    store.serialise();
                    var alert = store.lock(id).filter(a -> a.status() == AlertStatus.NEW);
                    alert.ifPresent(a -> handling.apply(a, AlertLifecycle.Step.ESCALATE, "system",
                        "not acknowledged within " + settings.acknowledgeWithin(priority).toSeconds() + " s", now));
                    return alert.isPresent();
                });
                escalated += Boolean.TRUE.equals(done) ? 1 : 0;
            }
        }
        if (escalated > 0) {
            log.info("Escalated {} alerts nobody acknowledged in time", escalated);
        }
    }
}
