package org.safecity.detections;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Characters a plate reader confuses with each other, folded to one class each, and the plates
 * within one missing or extra character of a reading. Used by tolerant plate search and by fuzzy
 * watchlists, so both forgive the same misreads.
 */
public final class OcrConfusion {

    /**
     * The groups a reader confuses, each a digit then its look-alike letters, likeliest first: the
     * one table that folding, and repairing a read where a plate format expects a letter or a digit, share.
     */
    private static final String[] GROUPS = {"0ODQ", "1IL", "8B", "5S", "2Z", "6G"};

    /** {@link #fold(char)} for ASCII, looked up: fold runs for every character of every plate searched or matched. */
    private static final char[] FOLDED = new char[128];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            FOLDED[c] = c;
        }
        for (String group : GROUPS) {
            for (int i = 1; i < group.length(); i++) {
                FOLDED[group.charAt(i)] = group.charAt(0);
            }
        }
    }

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
        return c < FOLDED.length ? FOLDED[c] : c;
    }

    /** The digit a letter is read in place of ({@code O} is {@code 0}, {@code S} is {@code 5}); a digit stays; otherwise none (-1). */
    public static int asDigit(char c) {
        char folded = fold(c);
        return folded >= '0' && folded <= '9' ? folded : -1;
    }

    /** The letter a digit is likeliest read in place of ({@code 0} is {@code O}, {@code 8} is {@code B}); a letter stays; otherwise none (-1). */
    public static int asLetter(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c;
        }
        for (String group : GROUPS) {
            if (group.charAt(0) == c) {
                return group.charAt(1);
            }
        }
        return -1;
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
