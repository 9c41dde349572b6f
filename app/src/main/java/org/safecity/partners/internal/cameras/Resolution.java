package org.safecity.partners.internal.cameras;

import java.util.Optional;
import java.util.regex.Pattern;

/** A picture size in pixels, as cameras state it ({@code 1920x1080}). */
public record Resolution(int width, int height) {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{2,5})\\s*[xX×]\\s*(\\d{2,5})\\s*");

    public static Optional<Resolution> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var m = TEXT.matcher(text);
        return m.matches() ? Optional.of(new Resolution(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    /** At least as wide and as tall as {@code minimum}; a portrait camera is measured turned (a 1080x1920 corridor camera is full HD). */
    public boolean meets(int minWidth, int minHeight) {
        int longer = Math.max(width, height);
        int shorter = Math.min(width, height);
        return longer >= Math.max(minWidth, minHeight) && shorter >= Math.min(minWidth, minHeight);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
