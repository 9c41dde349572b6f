package org.safecity.traffic.internal.notices;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safecity.shared.Translations;

/**
 * The words of a challan notice and of the owner's SMS and e-mail, in English and in Urdu, read from
 * {@code i18n/notices.properties} and {@code i18n/notices_ur.properties} (translations are data).
 * A notice carries both languages. An Urdu text that is missing falls back to the English one,
 * never to a blank.
 */
public enum NoticeTexts {

    ENGLISH("i18n/notices.properties"),
    URDU("i18n/notices_ur.properties");

    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

    private final Map<String, String> texts;

    NoticeTexts(String resource) {
        this.texts = Translations.read(resource);
    }

    /** The text of {@code key}, or null when this language has none. */
    String optional(String key) {
        return texts.get(key);
    }

    /** The text of {@code key} with each {name} filled in from {@code values}. */
    public String text(String key, Map<String, ?> values) {
        String template = texts.get(key);
        if (template == null) {
            template = ENGLISH.texts.get(key);
        }
        if (template == null) {
            throw new IllegalArgumentException("no notice text " + key);
        }
        Matcher slot = SLOT.matcher(template);
        var out = new StringBuilder();
        while (slot.find()) {
            Object value = values.get(slot.group(1));
            slot.appendReplacement(out, Matcher.quoteReplacement(value == null ? slot.group() : String.valueOf(value)));
        }
        slot.appendTail(out);
        return out.toString();
    }

    public String text(String key) {
        return text(key, Map.of());
    }

    /** The offence's name in this language: the schedule's (English) name unless a translation exists. */
    public String offence(String code, String scheduleName) {
        String translated = this == ENGLISH ? null : texts.get("offence." + code);
        return translated == null ? scheduleName : translated;
    }
}
