package org.safecity.records.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/** FIR numbers as written: {@code 123/2026}, {@code FIR 123/2026}, {@code FIR No. 123 of 2026}. */
public final class FirNumbers {

    private static final Pattern WRITTEN = Pattern.compile("(?i)\\s*(?:fir\\s*(?:no\\.?)?\\s*)?([0-9]{1,6})\\s*(?:/|of|-)\\s*((?:19|20)[0-9]{2})\\s*");

    private FirNumbers() {
    }

    static String reference(String number, Integer year) {
        String digits = number == null ? "" : number.replaceAll("^0+(?=[0-9])", "");
        return digits + "/" + year;
    }

    /** The reference a search text names, if it is an FIR number. */
    public static Optional<String> in(String text) {
        var m = WRITTEN.matcher(text);
        return m.matches() ? Optional.of(reference(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
    }
}
