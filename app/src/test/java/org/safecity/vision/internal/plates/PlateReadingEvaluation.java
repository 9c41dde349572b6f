package org.safecity.vision.internal.plates;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import javax.imageio.ImageIO;
import org.safecity.shared.Plate;

/**
 * Measures the plate reader on a directory of labelled pictures ({@code labels.csv}: {@code file,plate}):
 * exact matches (the best plate read equals the label, normalised), character error rate (edit
 * distance over label length, an empty answer counting every character), and milliseconds per picture,
 * both elapsed and the reading thread's CPU time (the reader computes on the calling thread; on a
 * shared machine elapsed time also counts others' work).
 *
 * <pre>
 * PlateReadingEvaluation DIR [--generate N [--seed S]] [--detector V4|V3] [--recogniser V4|V3] [--long-side 960] [--closer-look 0]
 *     [--misses 20] [--limit N] [--as stills|frames] [--enlarge 1]
 * </pre>
 * The defaults are the application's ({@link PlateReadingSettings}). {@code --long-side} is the detector's least and most long side ({@code 640-960}: half the
 * picture's, within them) or one long side for every picture ({@code 960}).
 * {@code --as frames} reads each picture as one frame of a video ({@link org.safecity.vision.internal.PlateReader#readFrame}),
 * with no second look where the first read nothing. {@code --enlarge F} scales each picture F times before reading it, so
 * the same scenes stand for the large photos a phone takes (4 turns 1280×720 into 5120×2880).
 * With {@code --generate} the directory is first filled with N pictures by {@link PlateScenes}. With
 * {@code --corrections FILE} the pictures are real reads people marked wrong: FILE is the export of
 * {@code GET /api/v1/vision/reads/corrections.csv} and DIR the crops' folder ({@code <data-dir>/media/vision/crops});
 * a crop marked "not a plate" counts as read right when nothing is read from it.
 */
public final class PlateReadingEvaluation {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        var detector = OcrModels.Generation.V4;
        var recogniser = OcrModels.Generation.V4;
        String longSide = "960";
        double closerLook = 0;
        int generate = 0;
        long seed = 2026;
        int misses = 20;
        int limit = Integer.MAX_VALUE;
        Path corrections = null;
        boolean asFrames = false;
        double enlarge = 1;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--generate" -> generate = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--detector" -> detector = OcrModels.Generation.valueOf(args[i + 1]);
                case "--recogniser" -> recogniser = OcrModels.Generation.valueOf(args[i + 1]);
                case "--long-side" -> longSide = args[i + 1];
                case "--closer-look" -> closerLook = Double.parseDouble(args[i + 1]);
                case "--misses" -> misses = Integer.parseInt(args[i + 1]);
                case "--limit" -> limit = Integer.parseInt(args[i + 1]);
                case "--corrections" -> corrections = Path.of(args[i + 1]);
                case "--as" -> asFrames = switch (args[i + 1]) {
                    case "frames" -> true;
                    case "stills" -> false;
                    default -> throw new IllegalArgumentException("--as takes stills or frames, not " + args[i + 1]);
                };
                case "--enlarge" -> enlarge = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (generate > 0) {
            System.out.println("generated " + generate + " pictures, labels.csv sha-256 " + PlateScenes.write(dir, generate, seed));
        }
        var labels = (corrections == null ? drawnLabels(dir) : correctedLabels(corrections)).stream().limit(limit).toList();
        try (var reader = reader(detector, recogniser, longSide, closerLook)) {
            reader.read(ImageIO.read(dir.resolve(labels.getFirst()[0]).toFile())); // warm up
            int exact = 0;
            long errors = 0;
            long characters = 0;
            var millis = new ArrayList<Double>();
            var cpuMillis = new ArrayList<Double>();
            var threads = ManagementFactory.getThreadMXBean();
            int shown = 0;
            for (String[] cells : labels) {
                String expected = Plate.normalise(cells[1]);
                var picture = enlarged(ImageIO.read(dir.resolve(cells[0]).toFile()), enlarge);
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                var reads = asFrames ? reader.readFrame(picture) : reader.read(picture);
                cpuMillis.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
                millis.add((System.nanoTime() - start) / 1e6);
                String got = reads.isEmpty() ? "" : reads.getFirst().normalized();
                if (got.equals(expected)) {
                    exact++;
                } else if (shown++ < misses) {
                    System.out.printf("miss %s: %s read %s%s%n", cells[0], expected, got.isEmpty() ? "nothing" : got,
                        reads.size() > 1 ? " (then " + reads.subList(1, reads.size()).stream().map(r -> r.normalized()).toList() + ")" : "");
                }
                errors += expected.isEmpty() ? (got.isEmpty() ? 0 : 1) : editDistance(expected, got);
                characters += Math.max(1, expected.length()); // "not a plate": anything read is one error
            }
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] cpu = cpuMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%s%s, ", asFrames ? "as video frames" : "as stills", enlarge == 1 ? "" : ", enlarged " + enlarge + " times");
            System.out.printf("detector %s, recogniser %s, long side %s, closer look %s: %d pictures, exact %.1f %% (%d), character error rate %.2f %%, "
                    + "ms per picture median %.0f, p90 %.0f (CPU of the reading thread: median %.0f, p90 %.0f)%n", detector, recogniser,
                longSide, closerLook, labels.size(), 100.0 * exact / labels.size(), exact, 100.0 * errors / characters, percentile(sorted, 0.5),
                percentile(sorted, 0.9), percentile(cpu, 0.5), percentile(cpu, 0.9));
        }
    }

    /** A reader of these models, its detector's long side {@code least-most} or one for all pictures, and its closer look. */
    static OcrPlateReader reader(OcrModels.Generation detector, OcrModels.Generation recogniser, String longSide, double closerLook) {
        String[] sides = longSide.split("-");
        return new OcrPlateReader(detector, recogniser, Integer.parseInt(sides[0]), Integer.parseInt(sides[sides.length - 1]), closerLook);
    }

    private static java.awt.image.BufferedImage enlarged(java.awt.image.BufferedImage picture, double times) {
        if (times == 1) {
            return picture;
        }
        var large = new java.awt.image.BufferedImage((int) Math.round(picture.getWidth() * times), (int) Math.round(picture.getHeight() * times),
            java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        var g = large.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(picture, 0, 0, large.getWidth(), large.getHeight(), null);
        g.dispose();
        return large;
    }

    /** {@code labels.csv} of drawn scenes: file, plate. */
    private static java.util.List<String[]> drawnLabels(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("labels.csv")).stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", 2)).toList();
    }

    /** The corrections export: crop path, and the right text (empty for "not a plate"). */
    private static java.util.List<String[]> correctedLabels(Path csv) throws IOException {
        try (var rows = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(Files.newBufferedReader(csv))) {
            return rows.stream().filter(r -> !r.get("crop_path").isBlank())
                .map(r -> new String[] {r.get("crop_path"), "true".equals(r.get("not_a_plate")) ? "" : r.get("right_text")}).toList();
        }
    }

    static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private PlateReadingEvaluation() {
    }

}
