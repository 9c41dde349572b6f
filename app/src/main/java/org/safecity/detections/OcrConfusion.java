package org.safecity.detections;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Characters a plate reader confuses with each other, folded to one class each, and the plates
 * within one missing or extra character of a reading. Used by tolerant plate search and by fuzzy
 * watchlists, so both forgive the same misreads.
 */
public final class OcrConfusion {

    /** The alphabet of folded plates: letters and digits with each confusable group reduced to one symbol. */
    public static final String FOLDED_ALPHABET;

    static {
        var symbols = new StringBuilder();
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray()) {
            char folded = fold(c);
            if (symbols.indexOf(String.valueOf(folded)) < 0) {
                symbols.append(folded);
            }
        }
        FOLDED_ALPHABET = symbols.toString();
    }

    private OcrConfusion() {
    }

    /** O/0/D/Q, I/1/L, B/8, S/5, Z/2, G/6 each become one symbol (the digit); others stay. */
    public static char fold(char c) {
        return switch (c) {
            case 'O', 'D', 'Q' -> '0';
            case 'I', 'L' -> '1';
            case 'B' -> '8';
            case 'S' -> '5';
            case 'Z' -> '2';
            case 'G' -> '6';
            default -> c;
        };
    }

    /** A normalised plate with every character folded: {@code LEB1234} and {@code 1E81234} fold alike. */
    public static String fold(String normalisedPlate) {
        char[] chars = normalisedPlate.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    /** The folded plate with one character left out, at each position (duplicates removed). */
    public static Set<String> deletions(String folded) {
        var variants = new LinkedHashSet<String>();
        for (int i = 0; i < folded.length(); i++) {
            variants.add(folded.substring(0, i) + folded.substring(i + 1));
        }
        return variants;
    }

    /** Every folded plate that the reading could be with one character missing, the same, or one extra. */
    public static Set<String> withinOneCharacter(String folded) {
        var variants = new LinkedHashSet<String>();
        variants.add(folded);
        variants.addAll(deletions(folded));
        for (int i = 0; i <= folded.length(); i++) {
            for (char c : FOLDED_ALPHABET.toCharArray()) {
                variants.add(folded.substring(0, i) + c + folded.substring(i));
            }
        }
        return variants;
    }

    /** Whether two folded plates are equal or differ by exactly one inserted or deleted character. */
    public static boolean withinOneInsertOrDelete(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (Math.abs(a.length() - b.length()) != 1) {
            return false;
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.regionMatches(i, longer, i + 1, shorter.length() - i);
    }
}
