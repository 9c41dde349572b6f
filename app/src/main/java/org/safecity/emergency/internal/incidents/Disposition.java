package org.safecity.emergency.internal.incidents;

import java.util.Locale;
import java.util.Optional;

/**
 * How an incident ended: what the response figures and the incident's record say besides "closed".
 * Chosen by the dispatcher or supervisor who resolves or closes it; a merged duplicate is {@link #DUPLICATE}.
 */
public enum Disposition {
    ARREST_MADE("Arrest made"),
    FIR_REGISTERED("FIR registered"),
    ASSISTANCE_GIVEN("Assistance given"),
    RESOLVED_ON_SCENE("Resolved on scene"),
    TRANSPORTED_TO_HOSPITAL("Taken to hospital"),
    REFERRED("Referred to another agency"),
    GONE_ON_ARRIVAL("Gone on arrival"),
    NO_ACTION_NEEDED("No action needed"),
    UNFOUNDED("Unfounded"),
    FALSE_ALARM("False alarm"),
    CANCELLED_BY_CALLER("Cancelled by the caller"),
    DUPLICATE("Duplicate of another incident");

    private final String label;

    Disposition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The dispositions a person may choose, in the order they are offered. */
    public static java.util.List<Disposition> choosable() {
        return java.util.Arrays.stream(values()).filter(d -> d != DUPLICATE).toList();
    }

    /** A disposition a person may choose (not {@link #DUPLICATE}, which merging sets), by its code. */
    static Optional<Disposition> chosen(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            var found = valueOf(code.strip().toUpperCase(Locale.ROOT));
            return found == DUPLICATE ? Optional.empty() : Optional.of(found);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
