package org.safecity.alerts.internal;

import java.time.Clock;
import java.time.Instant;
import org.safecity.alerts.AlertEscalated;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** An operator acknowledges, escalates, dismisses or closes an alert of their jurisdiction; each step joins its timeline. */
@Service
class HandlingAlerts {

    private final AlertStore store;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final AlertStream stream;
    private final Clock clock;

    HandlingAlerts(AlertStore store, TransactionTemplate transactions, ApplicationEventPublisher events, AlertStream stream, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.events = events;
        this.stream = stream;
        this.clock = clock;
    }

    Alert take(long id, AlertLifecycle.Step step, String reason) {
        if (step == AlertLifecycle.Step.DISMISS && (reason == null || reason.isBlank())) {
            throw new InvalidInput("reason", "is required: why is the alert dismissed?");
        }
        Jurisdiction mine = CurrentActor.jurisdiction();
        String actor = CurrentActor.name();
        return transactions.execute(status -> {
            store.serialise();
            var alert = store.lock(id).filter(a -> mine.covers(a.placement().cityCode(), a.placement().zoneCode())).orElseThrow(() -> new NotFound("alert", id));
            AlertLifecycle.refusal(alert.status(), step).ifPresent(why -> {
                throw new Conflict(why);
            });
            apply(alert, step, actor, reason == null ? null : reason.strip(), clock.instant());
            return store.find(id).orElseThrow();
        });
    }

    /** Moves the alert on and records it; the caller holds the alert's lock in a transaction. */
    void apply(Alert alert, AlertLifecycle.Step step, String actor, String reason, Instant at) {
        var next = AlertLifecycle.after(step);
        store.moveTo(alert.id(), next, actor, at, reason);
        store.append(alert.id(), next.name(), actor, reason, at);
        if (next == AlertStatus.ESCALATED) {
            events.publishEvent(new AlertEscalated(alert.id(), alert.type(), alert.priority(), alert.placement(), alert.subject().plate(),
                at));
        }
        stream.wakeAfterCommit();
    }
}
