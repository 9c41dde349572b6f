package org.safecity.shared.pdf;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Arabic-script text (Urdu included) in its contextual letter forms: each letter becomes the
 * Unicode presentation form (isolated, initial, medial or final) its neighbours call for, and lam
 * before alef becomes the lam-alef ligature. A PDF has no shaping engine, so a letter printed as
 * itself stands alone and a word falls apart into separate letters. The order stays logical.
 *
 * <p>The forms are read from the Unicode data the JDK carries (each presentation form's name and
 * its compatibility decomposition), so Urdu's own letters (gaf, keheh, heh goal, yeh barree, tteh,
 * ddal, rreh, noon ghunna, Farsi yeh) shape exactly as the Arabic ones do; ICU's shaper leaves
 * them isolated. A letter that joins on both sides has an initial form; one that joins only to the
 * letter before it (alef, dal, reh, waw, yeh barree) has a final form only.
 */
public final class ArabicLetterForms {

    private static final int ISOLATED = 0;
    private static final int FINAL = 1;
    private static final int INITIAL = 2;
    private static final int MEDIAL = 3;
    private static final String[] FORM_NAMES = {" ISOLATED FORM", " FINAL FORM", " INITIAL FORM", " MEDIAL FORM"};

    /** Letter -> its presentation forms by ISOLATED, FINAL, INITIAL, MEDIAL (0 where the letter has none). */
    private static final Map<Integer, int[]> FORMS = new HashMap<>();
    /** Alef (plain, with madda, with hamza above or below) -> the lam-alef ligature, isolated and final. */
    private static final Map<Integer, int[]> LAM_ALEF = new HashMap<>();
    private static final int LAM = 0x0644;
    private static final int TATWEEL = 0x0640;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    static {
        // Presentation Forms-B first: where both blocks name a form, the B one is the common one
        readForms(0xFE70, 0xFEFF);
        readForms(0xFB50, 0xFDFF);
    }

    private ArabicLetterForms() {
    }

    private static void readForms(int first, int last) {
        for (int c = first; c <= last; c++) {
            String name = Character.getName(c);
            if (name == null) {
                continue;
            }
            int form = formOf(name);
            if (form < 0) {
                continue;
            }
            String letters = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKC);
            if (letters.codePointCount(0, letters.length()) == 1 && name.startsWith("ARABIC LETTER ")) {
                int[] forms = FORMS.computeIfAbsent(letters.codePointAt(0), k -> new int[4]);
                if (forms[form] == 0) {
                    forms[form] = c;
                }
            } else if (letters.length() == 2 && letters.charAt(0) == LAM && name.startsWith("ARABIC LIGATURE LAM WITH ALEF")
                && (form == ISOLATED || form == FINAL)) {
                int[] ligature = LAM_ALEF.computeIfAbsent((int) letters.charAt(1), k -> new int[2]);
                if (ligature[form] == 0) {
                    ligature[form] = c;
                }
            }
        }
    }

    private static int formOf(String name) {
        for (int form = 0; form < FORM_NAMES.length; form++) {
            if (name.endsWith(FORM_NAMES[form])) {
                return form;
            }
        }
        return -1;
    }

    /** The text with every Arabic-script letter in its contextual form; everything else as it was. */
    public static String shaped(String text) {
        int[] cps = text.codePoints().toArray();
        var out = new StringBuilder(text.length());
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            int[] forms = FORMS.get(c);
            if (forms == null) {
                out.appendCodePoint(c);
                continue;
            }
            int before = neighbour(cps, i, -1);
            boolean joinsBefore = before >= 0 && joinsForward(cps[before]) && forms[FINAL] != 0;
            int after = neighbour(cps, i, +1);
            if (c == LAM && after == i + 1 && LAM_ALEF.containsKey(cps[after])) {
                int[] ligature = LAM_ALEF.get(cps[after]);
                int form = joinsBefore && ligature[FINAL] != 0 ? FINAL : ISOLATED;
                if (ligature[form] != 0) {
                    out.appendCodePoint(ligature[form]);
                    i++; // the alef is part of the ligature
                    continue;
                }
            }
            boolean joinsAfter = after >= 0 && forms[INITIAL] != 0 && joinsBackward(cps[after]);
            int form = joinsBefore ? (joinsAfter ? MEDIAL : FINAL) : (joinsAfter ? INITIAL : ISOLATED);
            if (forms[form] == 0) {
                form = joinsBefore ? FINAL : ISOLATED; // e.g. noon ghunna: no initial or medial form
            }
            out.appendCodePoint(forms[form] != 0 ? forms[form] : c);
        }
        return out.toString();
    }

    /** The index of the next letter in direction {@code step}, skipping vowel marks; -1 if none. */
    private static int neighbour(int[] cps, int i, int step) {
        for (int j = i + step; j >= 0 && j < cps.length; j += step) {
            if (Character.getType(cps[j]) != Character.NON_SPACING_MARK) {
                return j;
            }
        }
        return -1;
    }

    private static boolean joinsForward(int c) {
        int[] forms = FORMS.get(c);
        return c == TATWEEL || c == ZERO_WIDTH_JOINER || (forms != null && forms[INITIAL] != 0);
    }

    private static boolean joinsBackward(int c) {
        int[] forms = FORMS.get(c);
        return c == TATWEEL || c == ZERO_WIDTH_JOINER || (forms != null && forms[FINAL] != 0);
    }
}
