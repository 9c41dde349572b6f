package org.safecity.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.safecity.shared.Translations;

/**
 * The citizen portal's languages, English and Urdu, each with its words ({@code i18n/portal.properties},
 * {@code i18n/portal_ur.properties}: translations are data) and its direction. Which one a visitor
 * reads: the one they chose with the switch, else the one they chose before (a cookie), else the
 * first of the two their browser asks for (Accept-Language), else English.
 */
enum PortalLanguage {

    ENGLISH("en", "ltr", "i18n/portal.properties"),
    URDU("ur", "rtl", "i18n/portal_ur.properties");

    static final String COOKIE = "safecity-language";
    private static final String SCRIPT_PREFIX = "js.";

    private final String tag;
    private final String direction;
    private final Map<String, String> texts;

    PortalLanguage(String tag, String direction, String resource) {
        this.tag = tag;
        this.direction = direction;
        this.texts = Translations.read(resource);
    }

    String tag() {
        return tag;
    }

    String direction() {
        return direction;
    }

    PortalLanguage other() {
        return this == ENGLISH ? URDU : ENGLISH;
    }

    /** Every text of the pages, by key. */
    Map<String, String> texts() {
        return texts;
    }

    /** The texts the pages' scripts use, by key without the {@code js.} prefix. */
    Map<String, String> scriptTexts() {
        var scripts = new LinkedHashMap<String, String>();
        new TreeMap<>(texts).forEach((key, value) -> {
            if (key.startsWith(SCRIPT_PREFIX)) {
                scripts.put(key.substring(SCRIPT_PREFIX.length()), value);
            }
        });
        return scripts;
    }

    static Optional<PortalLanguage> ofTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        for (var language : values()) {
            if (language.tag.equalsIgnoreCase(tag.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The language to show: {@code chosen} (the switch), then {@code remembered} (the cookie), then {@code acceptLanguage}, then English. */
    static PortalLanguage of(String chosen, String remembered, String acceptLanguage) {
        return ofTag(chosen).or(() -> ofTag(remembered)).or(() -> asked(acceptLanguage)).orElse(ENGLISH);
    }

    /** The first of the portal's languages in the browser's list, by the list's weights (ur-PK counts as ur). */
    private static Optional<PortalLanguage> asked(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        try {
            var ranges = Locale.LanguageRange.parse(acceptLanguage);
            return Optional.ofNullable(Locale.lookupTag(ranges, List.of(ENGLISH.tag, URDU.tag))).flatMap(PortalLanguage::ofTag);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
