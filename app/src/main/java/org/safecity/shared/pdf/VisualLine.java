package org.safecity.shared.pdf;

import java.text.Bidi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One line of text as it is drawn from left to right: Arabic-script letters shaped, right-to-left
 * runs reversed (Unicode bidirectional algorithm, so numbers and Latin words inside Urdu stay
 * readable) and brackets inside them mirrored. A PDF draws glyphs in the order it is given them;
 * readers (PDFBox's text extraction among them) turn this order back into the logical one.
 */
public final class VisualLine {

    private VisualLine() {
    }

    /** A line whose own first strong letter sets its direction (an English label, a name in either script). */
    public static String of(String logical) {
        return of(logical, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
    }

    /** A line of an Urdu paragraph: right to left even where it starts with a number or a Latin word. */
    public static String ofUrdu(String logical) {
        return of(logical, Bidi.DIRECTION_RIGHT_TO_LEFT);
    }

    private static String of(String logical, int direction) {
        String shaped = ArabicLetterForms.shaped(logical);
        if (!Bidi.requiresBidi(shaped.toCharArray(), 0, shaped.length()) && direction != Bidi.DIRECTION_RIGHT_TO_LEFT) {
            return shaped;
        }
        var bidi = new Bidi(shaped, direction);
        int count = bidi.getRunCount();
        var levels = new byte[count];
        var runs = new Run[count];
        for (int r = 0; r < count; r++) {
            levels[r] = (byte) bidi.getRunLevel(r);
            runs[r] = new Run(shaped.substring(bidi.getRunStart(r), bidi.getRunLimit(r)), bidi.getRunLevel(r));
        }
        Bidi.reorderVisually(levels, 0, runs, 0, count);
        var out = new StringBuilder(shaped.length());
        for (Run run : runs) {
            out.append(run.level() % 2 == 1 ? reversed(run.text()) : run.text());
        }
        return out.toString();
    }

    private record Run(String text, int level) {
    }

    /** Right to left: letters reversed with each vowel mark kept after its letter, brackets mirrored. */
    private static String reversed(String run) {
        List<String> clusters = new ArrayList<>();
        var cluster = new StringBuilder();
        run.codePoints().forEach(c -> {
            if (!cluster.isEmpty() && Character.getType(c) != Character.NON_SPACING_MARK) {
                clusters.add(cluster.toString());
                cluster.setLength(0);
            }
            cluster.appendCodePoint(mirrored(c));
        });
        if (!cluster.isEmpty()) {
            clusters.add(cluster.toString());
        }
        Collections.reverse(clusters);
        return String.join("", clusters);
    }

    private static int mirrored(int c) {
        return switch (c) {
            case '(' -> ')';
            case ')' -> '(';
            case '[' -> ']';
            case ']' -> '[';
            case '{' -> '}';
            case '}' -> '{';
            case '<' -> '>';
            case '>' -> '<';
            case '«' -> '»';
            case '»' -> '«';
            default -> c;
        };
    }
}
