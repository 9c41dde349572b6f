package org.safecity.records.internal.linking;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The key a name is found by, so that the spellings of one name meet: each word is reduced to its
 * consonants, with doubled letters once and look-alike sounds as one (Muhammad, Mohammad and Muhammed
 * are {@code mhmd}; Khan and Khaan {@code khn}). Urdu script is transliterated letter by letter onto the
 * same consonants, its long vowels (alif, waw, ye) dropped as the English vowels are, so {@code محمد خان}
 * is {@code mhmd khn} too. A key finds candidates; the ranking then prefers the closer spelling.
 */
public final class SpellingKey {

    /** Urdu letters as the Latin consonants they are spelled with; vowels and signs map to nothing. */
    private static final Map<Character, String> URDU = Map.ofEntries(
        Map.entry('ب', "b"), Map.entry('پ', "p"), Map.entry('ت', "t"), Map.entry('ٹ', "t"), Map.entry('ث', "s"),
        Map.entry('ج', "j"), Map.entry('چ', "ch"), Map.entry('ح', "h"), Map.entry('خ', "kh"), Map.entry('د', "d"),
        Map.entry('ڈ', "d"), Map.entry('ذ', "z"), Map.entry('ر', "r"), Map.entry('ڑ', "r"), Map.entry('ز', "z"),
        Map.entry('ژ', "zh"), Map.entry('س', "s"), Map.entry('ش', "sh"), Map.entry('ص', "s"), Map.entry('ض', "z"),
        Map.entry('ط', "t"), Map.entry('ظ', "z"), Map.entry('غ', "gh"), Map.entry('ف', "f"), Map.entry('ق', "k"),
        Map.entry('ک', "k"), Map.entry('ك', "k"), Map.entry('گ', "g"), Map.entry('ل', "l"), Map.entry('م', "m"),
        Map.entry('ن', "n"), Map.entry('ں', "n"), Map.entry('ہ', "h"), Map.entry('ھ', "h"), Map.entry('ه', "h"),
        Map.entry('ۃ', "h"), Map.entry('ة', "h"));

    /** Short forms written for a whole name. */
    private static final Map<String, String> SHORT_FORMS = Map.of("mohd", "muhammad", "md", "muhammad", "muhd", "muhammad");

    private SpellingKey() {
    }

    /** The key of each word of a name, in order; empty for a name with no letters. */
    public static List<String> words(String name) {
        var keys = new ArrayList<String>();
        if (name == null) {
            return keys;
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        for (String word : text.split("[^\\p{L}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String key = ofWord(SHORT_FORMS.getOrDefault(word, word));
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The whole name's key: its words' keys sorted, so "Khan Muhammad" and "Muhammad Khan" meet. */
    public static String whole(String name) {
        return String.join(" ", words(name).stream().sorted().toList());
    }

    private static String ofWord(String word) {
        var latin = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 'a' && c <= 'z') {
                latin.append(c);
            } else {
                String mapped = URDU.get(c);
                if (mapped != null) {
                    latin.append(mapped);
                }
            }
        }
        String sounds = latin.toString().replace("ph", "f").replace("q", "k").replace("ck", "k").replace("x", "ks")
            .replace("v", "w");
        var key = new StringBuilder();
        for (int i = 0; i < sounds.length(); i++) {
            char c = sounds.charAt(i);
            if ("aeiouwy".indexOf(c) >= 0) {
                continue;
            }
            if (!key.isEmpty() && key.charAt(key.length() - 1) == c) {
                continue;
            }
            key.append(c);
        }
        return key.toString();
    }
}
