package org.safecity.vision.internal.plates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.safecity.vision.internal.PixelBox;
import org.safecity.vision.internal.PlateReader.PlateRead;
import org.safecity.vision.internal.plates.TextRecogniser.Line;

/**
 * Which of the lines read in a picture are plates. A plate may be one line, a line the detector
 * split at a wide gap (joined again when the pieces stand side by side at one height), or the two
 * lines of a motorcycle plate (one above the other, about as wide). Each such candidate that a
 * format accepts scores its reading confidence × how well the format fits × a little for its size
 * (the plate a photo is taken of is seldom the smallest text in it); overlapping candidates keep
 * the best; best first.
 */
final class PlateCandidates {

    /** Shorter reads are mostly stray characters of a sign; plates that short (VIP numbers) are too rare to pay for that. */
    static final int FEWEST_CHARACTERS = 3;
    /** Below this the recogniser is guessing. */
    static final double LOWEST_CONFIDENCE = 0.5;
    /** A plate cut out of a longer line is a little less sure than a line that is a plate. */
    private static final double TRIMMED = 0.9;
    /** Pieces of one line: heights within this ratio... */
    private static final double LIKE_HEIGHTS = 1.6;
    /** ...and a gap of at most this many heights. */
    private static final double WIDEST_GAP = 2.0;
    /** Regions are grown around their text, so neighbouring lines of a plate overlap by up to this many heights. */
    private static final double OVERLAP = 0.6;
    /**
     * A read of a plate with one more character at an edge than a better-scored read of it is taken instead when it scores
     * at least this share of the other's: the recogniser often loses a plate's first or last character, a narrow one
     * ("I", "J", "1") most, and the read that keeps it scores lower for that character's doubt.
     */
    static final double EDGE_CHARACTER = 0.8;

    private PlateCandidates() {
    }

    static List<PlateRead> rank(List<Line> lines, PlateFormats formats, int pictureWidth, int pictureHeight) {
        var usable = lines.stream().filter(l -> !l.text().isBlank())
            .sorted(Comparator.comparingDouble(l -> l.region().centreX())).toList();
        var candidates = new ArrayList<Candidate>();
        for (int i = 0; i < usable.size(); i++) {
            var first = usable.get(i);
            consider(List.of(first), false, formats, candidates);
            // the pieces of one line, left to right, up to three
            var chain = new ArrayList<Line>(List.of(first));
            for (int j = i + 1; j < usable.size() && chain.size() < 3; j++) {
                if (continues(chain.getLast(), usable.get(j))) {
                    chain.add(usable.get(j));
                    consider(List.copyOf(chain), false, formats, candidates);
                }
            }
            for (var below : usable) {
                if (below != first && stacked(first, below)) {
                    consider(List.of(first, below), true, formats, candidates);
                }
            }
        }
        double tallest = candidates.stream().mapToDouble(Candidate::height).max().orElse(1);
        var ranked = candidates.stream()
            .map(c -> c.withScore(c.score() * (0.8 + 0.2 * c.height() / tallest)))
            .sorted(Comparator.comparingDouble(Candidate::score).reversed()).toList();
        var kept = new ArrayList<Candidate>();
        for (var c : ranked) {
            if (c.box(pictureWidth, pictureHeight) == null) {
                continue;
            }
            int clash = -1;
            int clashes = 0;
            for (int k = 0; k < kept.size(); k++) {
                var other = kept.get(k);
                if (other.overlaps(c, pictureWidth, pictureHeight) || other.fit().normalized().equals(c.fit().normalized())) {
                    clash = k;
                    clashes++;
                }
            }
            if (clashes == 0) {
                kept.add(c);
            } else if (clashes == 1 && c.extendsAtAnEdge(kept.get(clash)) && c.score() >= EDGE_CHARACTER * kept.get(clash).score()) {
                kept.set(clash, c); // takes the place of the read it mends, and clashes with no other
            }
        }
        var reads = new ArrayList<PlateRead>();
        for (var c : kept) {
            reads.add(new PlateRead(c.fit().printed().replace('/', ' '), c.fit().normalized(), c.fit().format().name(),
                Math.round(c.score() * 1000) / 1000.0, c.box(pictureWidth, pictureHeight)));
        }
        return reads;
    }

    private static void consider(List<Line> parts, boolean stacked, PlateFormats formats, List<Candidate> into) {
        List<String> text = stacked ? parts.stream().map(Line::text).toList()
            : List.of(String.join(" ", parts.stream().map(Line::text).toList()));
        var fit = formats.fit(text);
        double trimmed = 1;
        if (fit.isEmpty() && !stacked) {
            // a plate line read together with its neighbours ("PUNJAB LEA 1234", "LEA 1234 07"): the best run of its words
            fit = words(text.getFirst(), formats);
            trimmed = TRIMMED;
        }
        if (fit.isEmpty() || fit.get().characters() < FEWEST_CHARACTERS) {
            return;
        }
        double weighted = 0;
        int characters = 0;
        for (var part : parts) {
            int n = part.text().replaceAll("[^A-Z0-9]", "").length();
            weighted += part.confidence() * n;
            characters += n;
        }
        double confidence = characters == 0 ? 0 : weighted / characters;
        if (confidence < LOWEST_CONFIDENCE) {
            return;
        }
        into.add(new Candidate(parts, fit.get(), confidence * fit.get().score() * trimmed));
    }

    /** The run of whole words of a line that a format accepts with the most characters, then the best fit. */
    private static java.util.Optional<PlateFormats.Fit> words(String line, PlateFormats formats) {
        String[] words = line.strip().split(" +");
        PlateFormats.Fit best = null;
        for (int from = 0; from < words.length; from++) {
            for (int to = from + 1; to <= words.length; to++) {
                if (from == 0 && to == words.length) {
                    continue;
                }
                var fit = formats.fit(List.of(String.join(" ", java.util.Arrays.asList(words).subList(from, to))));
                if (fit.isPresent() && (best == null || fit.get().characters() > best.characters()
                    || fit.get().characters() == best.characters() && fit.get().score() > best.score())) {
                    best = fit.get();
                }
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /** Whether {@code next} is the continuation of {@code line} to its right, on the same text line. */
    private static boolean continues(Line line, Line next) {
        var a = line.region();
        var b = next.region();
        double h = Math.max(a.height(), b.height());
        if (Math.max(a.height(), b.height()) > LIKE_HEIGHTS * Math.min(a.height(), b.height())) {
            return false;
        }
        if (Math.abs(a.centreY() - b.centreY()) > 0.4 * h) {
            return false;
        }
        double gap = (b.centreX() - b.width() / 2) - (a.centreX() + a.width() / 2);
        return gap > -OVERLAP * h && gap < WIDEST_GAP * h;
    }

    /** Whether {@code below} is the second line of a two-line plate whose first line is {@code top}. */
    private static boolean stacked(Line top, Line below) {
        var a = top.region();
        var b = below.region();
        double h = Math.max(a.height(), b.height());
        if (h > 1.8 * Math.min(a.height(), b.height())) {
            return false;
        }
        double gap = (b.centreY() - b.height() / 2) - (a.centreY() + a.height() / 2);
        if (gap < -OVERLAP * h || gap > 0.8 * h) {
            return false;
        }
        return Math.abs(a.centreX() - b.centreX()) < 0.35 * Math.max(a.width(), b.width());
    }

    private record Candidate(List<Line> parts, PlateFormats.Fit fit, double score) {

        /** Whether this read is the other's with one character more at its start or end. */
        boolean extendsAtAnEdge(Candidate other) {
            String longer = fit.normalized();
            String shorter = other.fit().normalized();
            return longer.length() == shorter.length() + 1 && (longer.startsWith(shorter) || longer.endsWith(shorter));
        }

        Candidate withScore(double newScore) {
            return new Candidate(parts, fit, newScore);
        }

        double height() {
            return parts.stream().mapToDouble(p -> p.region().height()).max().orElse(0);
        }

        PixelBox box(int pictureWidth, int pictureHeight) {
            int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
            for (var part : parts) {
                var b = part.region().levelBox(pictureWidth, pictureHeight);
                if (b == null) {
                    continue;
                }
                x0 = Math.min(x0, b.x());
                y0 = Math.min(y0, b.y());
                x1 = Math.max(x1, b.right());
                y1 = Math.max(y1, b.bottom());
            }
            return x1 > x0 && y1 > y0 ? new PixelBox(x0, y0, x1 - x0, y1 - y0) : null;
        }

        /** Shares a line with the other, or covers more than a third of the smaller of the two. */
        boolean overlaps(Candidate other, int pictureWidth, int pictureHeight) {
            if (parts.stream().anyMatch(other.parts::contains)) {
                return true;
            }
            var a = box(pictureWidth, pictureHeight);
            var b = other.box(pictureWidth, pictureHeight);
            return a.sharedArea(b) > Math.min(a.area(), b.area()) / 3;
        }
    }
}
