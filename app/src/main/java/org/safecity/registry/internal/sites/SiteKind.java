package org.safecity.registry.internal.sites;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of place a site covers; written in lower case in files and answers ("bazaar"). */
public enum SiteKind {
    BAZAAR, JUNCTION, HOSPITAL, TRANSPORT, GOVERNMENT, EDUCATION, ENTRY, OTHER,
    /** Where a commercial premises' own cameras stand: on the network, not part of any rollout phase's plan. */
    PREMISES;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SiteKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(wanted)).findFirst();
    }

    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(SiteKind::label).toList());
    }
}
