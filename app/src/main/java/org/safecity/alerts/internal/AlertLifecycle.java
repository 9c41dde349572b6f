package org.safecity.alerts.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which step may follow which: an operator acknowledges a new alert, then escalates, dismisses (with a
 * reason) or closes it; a new alert may be escalated or dismissed straight away; an escalated one is
 * closed by whoever handles it. The answer is the refusal's reason, or empty when the step is allowed.
 */
final class AlertLifecycle {

    enum Step { ACKNOWLEDGE, ESCALATE, DISMISS, CLOSE }

    private static final Map<Step, Set<AlertStatus>> FROM = Map.of(
        Step.ACKNOWLEDGE, Set.of(AlertStatus.NEW),
        Step.ESCALATE, Set.of(AlertStatus.NEW, AlertStatus.ACKNOWLEDGED),
        Step.DISMISS, Set.of(AlertStatus.NEW, AlertStatus.ACKNOWLEDGED),
        Step.CLOSE, Set.of(AlertStatus.ACKNOWLEDGED, AlertStatus.ESCALATED));

    private AlertLifecycle() {
    }

    static Optional<String> refusal(AlertStatus current, Step step) {
        if (FROM.get(step).contains(current)) {
            return Optional.empty();
        }
        return Optional.of("An alert that is " + current.name().toLowerCase() + " cannot be " + switch (step) {
            case ACKNOWLEDGE -> "acknowledged";
            case ESCALATE -> "escalated";
            case DISMISS -> "dismissed";
            case CLOSE -> "closed";
        } + ".");
    }

    static AlertStatus after(Step step) {
        return switch (step) {
            case ACKNOWLEDGE -> AlertStatus.ACKNOWLEDGED;
            case ESCALATE -> AlertStatus.ESCALATED;
            case DISMISS -> AlertStatus.DISMISSED;
            case CLOSE -> AlertStatus.CLOSED;
        };
    }
}
