package org.safecity.shared;

import java.util.Locale;

/**
 * A vehicle registration plate: the text as read, and its normalised form (upper case, letters and
 * digits only) that every store and comparison uses, e.g. {@code "LEB-12345"} is {@code LEB12345}.
 */
public record Plate(String normalised, String asRead) {

    public Plate {
        if (normalised == null || !normalised.matches("[A-Z0-9]{2,12}")) {
            throw new IllegalArgumentException("a plate has 2 to 12 letters and digits, got '" + asRead + "'");
        }
    }

    public static Plate of(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a plate is required");
        }
        return new Plate(normalise(text), text.strip());
    }

    public static String normalise(String text) {
        return text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
