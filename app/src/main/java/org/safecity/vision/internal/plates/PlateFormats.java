package org.safecity.vision.internal.plates;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.safecity.detections.OcrConfusion;
import org.safecity.shared.Plate;

/**
 * The plate formats of {@code vision/plate-formats.csv}: which read text is a plate, how it prints,
 * and what it is called. Formats are data so that a new series needs no code; this class only
 * reads them and matches reads against them.
 */
public final class PlateFormats {

    public static final String RESOURCE = "/vision/plate-formats.csv";

    /** A repaired read whose characters are more than this share of repairs is noise, not a plate. */
    private static final double MOST_REPAIRED_SHARE = 0.34;

    private final List<PlateFormat> formats;

    private PlateFormats(List<PlateFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** The formats SafeCity ships. */
    public static PlateFormats standard() {
        try (var in = PlateFormats.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            var rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setIgnoreSurroundingSpaces(false).get().parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            var formats = new ArrayList<PlateFormat>();
            for (CSVRecord row : rows) {
                formats.add(new PlateFormat(row.get("format"), row.get("region"), Template.parse(row.get("template")),
                    PlateArtwork.Livery.valueOf(row.get("livery")), row.get("example")));
            }
            return new PlateFormats(formats);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<PlateFormat> all() {
        return formats;
    }

    public Optional<PlateFormat> named(String name) {
        return formats.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * The format that accepts these lines of read text (one line, or a plate's two lines top first)
     * with the fewest repairs and breaks out of place, the earlier row on a tie; empty when none does.
     */
    public Optional<Fit> fit(List<String> lines) {
        Fit best = null;
        int bestCost = Integer.MAX_VALUE;
        for (PlateFormat format : formats) {
            var fit = format.template().match(lines);
            if (fit.isPresent() && (best == null || fit.get().cost() < bestCost)) {
                bestCost = fit.get().cost();
                best = new Fit(format, fit.get().printed(), fit.get().repairs(), fit.get().breaks(), fit.get().characters());
            }
        }
        return Optional.ofNullable(best);
    }

    /** One row of the formats file. */
    public record PlateFormat(String name, String region, Template template, PlateArtwork.Livery livery, String example) {
    }

    /**
     * A read as a format accepts it.
     *
     * @param printed the plate as the format prints it, e.g. {@code LEA-12-1234}, lines joined by {@code /}
     * @param repairs characters changed to their look-alike because the format wanted the other kind
     * @param breaks spaces or dashes read where the format has none, or missing where it has one
     * @param characters letters and digits in the plate
     */
    public record Fit(PlateFormat format, String printed, int repairs, int breaks, int characters) {

        public String normalized() {
            return Plate.normalise(printed);
        }

        /** 1 for a read the format took as it was, less for each repair and, a little, for each break out of place. */
        public double score() {
            return 1.0 - 0.5 * (repairs + 0.25 * breaks) / characters;
        }
    }

    /** A template of the formats file, parsed into runs of letters, digits and fixed letters. */
    public record Template(List<Run> runs, int lines, String source) {

        /** Letters, digits or fixed text, {@code min} to {@code max} of them, then what separates it from the next run. */
        public record Run(char kind, int min, int max, String fixed, String separatorAfter) {
        }

        static Template parse(String source) {
            var runs = new ArrayList<Run>();
            int lines = 1;
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (c == '@' || c == '#') {
                    int min = 1;
                    int max = 1;
                    i++;
                    if (i < source.length() && source.charAt(i) == '{') {
                        int close = source.indexOf('}', i);
                        String[] bounds = source.substring(i + 1, close).split(",");
                        min = Integer.parseInt(bounds[0].strip());
                        max = Integer.parseInt(bounds[bounds.length - 1].strip());
                        i = close + 1;
                    }
                    // consecutive single characters of one kind form one run: "@@@" is three letters
                    if (!runs.isEmpty() && runs.getLast().kind() == c && runs.getLast().separatorAfter().isEmpty()) {
                        var last = runs.removeLast();
                        runs.add(new Run(c, last.min() + min, last.max() + max, null, ""));
                    } else {
                        runs.add(new Run(c, min, max, null, ""));
                    }
                } else if (c == '[') {
                    int close = source.indexOf(']', i);
                    String fixed = source.substring(i + 1, close);
                    runs.add(new Run('=', fixed.length(), fixed.length(), fixed, ""));
                    i = close + 1;
                } else if (c == '-' || c == ' ' || c == '/') {
                    if (runs.isEmpty()) {
                        throw new IllegalArgumentException("a template cannot start with a separator: " + source);
                    }
                    if (c == '/') {
                        lines++;
                    }
                    var last = runs.removeLast();
                    runs.add(new Run(last.kind(), last.min(), last.max(), last.fixed(), String.valueOf(c)));
                    i++;
                } else {
                    throw new IllegalArgumentException("'" + c + "' has no meaning in a plate template: " + source);
                }
            }
            return new Template(List.copyOf(runs), lines, source);
        }

        /**
         * The cheapest way these lines fill the template, if any; the lines must be as many as the
         * template's. A repaired character costs 1, and so does a break (space, dash) where the read
         * has one and the template none or the other way round: "LHR 5678" is {@code LHR 5678}, not
         * {@code LHR-56-78}.
         */
        Optional<TemplateFit> match(List<String> readLines) {
            if (readLines.size() != lines) {
                return Optional.empty();
            }
            var text = new StringBuilder();
            var breaks = new ArrayList<Integer>();
            var lineBreaks = new ArrayList<Integer>();
            for (String line : readLines) {
                if (!text.isEmpty()) {
                    lineBreaks.add(text.length());
                }
                boolean gap = false;
                for (char c : line.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
                    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                        if (gap && !text.isEmpty() && !lineBreaks.contains(text.length())) {
                            breaks.add(text.length());
                        }
                        text.append(c);
                        gap = false;
                    } else {
                        gap = true;
                    }
                }
            }
            if (text.isEmpty()) {
                return Optional.empty();
            }
            var first = runs.getFirst();
            boolean anchored = first.kind() == '=' && first.fixed().length() >= 2 && text.toString().startsWith(first.fixed());
            var read = new Read(text.toString(), breaks, lineBreaks, anchored);
            var best = new TemplateFit[1];
            fill(read, 0, 0, new StringBuilder(), 0, 0, best);
            if (best[0] == null || best[0].repairs() > MOST_REPAIRED_SHARE * best[0].characters()) {
                return Optional.empty();
            }
            // fixed letters read as they are ("ICT") are evidence no shape that fits by chance has: one repair's worth
            if (read.anchored()) {
                var fit = best[0];
                return Optional.of(new TemplateFit(fit.printed(), fit.repairs(), fit.breaks(), fit.characters(), 1));
            }
            return Optional.of(best[0]);
        }

        /** @param anchored the template's fixed letters begin the read as they are */
        private record Read(String text, List<Integer> breaks, List<Integer> lineBreaks, boolean anchored) {

            /** 1 when the read breaks (or not) at this position against what the template wants, 0 when they agree. */
            int breakCost(int position, boolean templateBreaks) {
                return breaks.contains(position) == templateBreaks ? 0 : 1;
            }
        }

        private void fill(Read read, int at, int run, StringBuilder printed, int repairs, int breakCost, TemplateFit[] best) {
            String text = read.text();
            if (best[0] != null && repairs + breakCost >= best[0].cost()) {
                return;
            }
            if (run == runs.size()) {
                if (at == text.length()) {
                    best[0] = new TemplateFit(printed.toString(), repairs, breakCost, text.length(), 0);
                }
                return;
            }
            Run r = runs.get(run);
            int mark = printed.length();
            int changed = 0;
            int inside = 0;
            for (int n = 1; n <= r.max() && at + n <= text.length(); n++) {
                char seen = text.charAt(at + n - 1);
                int as;
                if (r.kind() == '=') {
                    char wanted = r.fixed().charAt(n - 1);
                    as = seen == wanted || OcrConfusion.fold(seen) == OcrConfusion.fold(wanted) ? wanted : -1;
                } else {
                    as = r.kind() == '@' ? OcrConfusion.asLetter(seen) : OcrConfusion.asDigit(seen);
                }
                if (as < 0) {
                    break;
                }
                if (n > 1) {
                    if (read.lineBreaks().contains(at + n - 1)) {
                        break; // a run never spans the two lines of a plate
                    }
                    inside += read.breakCost(at + n - 1, false);
                }
                if (as != seen) {
                    changed++;
                }
                printed.append((char) as);
                // a run of letters read all as digits (or the reverse) is a number or a word, not this plate, unless
                // the plate's fixed letters were read ("ICT-1-5288" is ICT-I-5288)
                if (n >= r.min() && (r.kind() == '=' || changed < n || read.anchored())) {
                    int end = at + n;
                    int cost = 0;
                    if (end < text.length()) {
                        boolean lineBreak = read.lineBreaks().contains(end);
                        if (lineBreak != r.separatorAfter().equals("/")) {
                            continue;
                        }
                        cost = lineBreak ? 0 : read.breakCost(end, !r.separatorAfter().isEmpty());
                    }
                    int before = printed.length();
                    printed.append(r.separatorAfter());
                    fill(read, end, run + 1, printed, repairs + changed, breakCost + inside + cost, best);
                    printed.setLength(before);
                }
            }
            printed.setLength(mark);
        }
    }

    record TemplateFit(String printed, int repairs, int breaks, int characters, int fixedCredit) {

        int cost() {
            return repairs + breaks - fixedCredit;
        }
    }
}
