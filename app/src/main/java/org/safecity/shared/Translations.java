package org.safecity.shared;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Words of one language, read from a properties file in the build ({@code i18n/…}), in UTF-8 so
 * Urdu is written as Urdu, not as escapes. Translations are data: one file per language, the same keys.
 */
public final class Translations {

    private Translations() {
    }

    /** The texts of {@code resource} by key; a file missing from the build stops the start, never shows blanks. */
    public static Map<String, String> read(String resource) {
        var properties = new Properties();
        try (var in = Translations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var texts = new TreeMap<String, String>();
        properties.forEach((key, value) -> texts.put((String) key, (String) value));
        return Map.copyOf(texts);
    }
}
