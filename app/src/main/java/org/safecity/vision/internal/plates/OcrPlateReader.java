package org.safecity.vision.internal.plates;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.safecity.vision.internal.PixelBox;
import org.safecity.vision.internal.PlateReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads plates with PP-OCR and the plate formats: text is found on the picture scaled down, read
 * at full resolution, and kept only where a format accepts it (see {@link PlateCandidates}).
 * The models are opened once and shared by every caller.
 *
 * <p>Text is looked for at half the picture's resolution, its long side kept between the least and the most
 * long side (both 960 by default: every picture at 960). With 640 and 960, a 1280×720 frame is looked at at 640 and a
 * 1920×1080 photo at 960: on the labelled scenes the detector finds plates at half resolution better than at three
 * quarters, but at 640 it also finds many specks of texture, each read at a line's cost (docs/BENCHMARKS.md).
 */
@Component
class OcrPlateReader implements PlateReader, AutoCloseable {

    /** Lines this much wider than high, or narrower, are not a plate's (the top line of a motorcycle plate may be one letter). */
    private static final double WIDEST_LINE = 12;
    private static final double NARROWEST_LINE = 0.5;
    /** A two-line plate is at most this many times as wide as its two lines are high. */
    private static final double SQUARE_PLATE = 2.2;
    /** Text lower than this many pixels cannot be read. */
    private static final double LOWEST_LINE = 8;
    /** Pictures this many times the detector's long side are looked at again in quarters when nothing was found. */
    private static final double TILED_BEYOND = 1.5;
    /** Lines lower than this many pixels of the scaled-down picture are looked at again closer. */
    private static final double SMALL_LINE = 24;
    /** Letters and digits of the longest plate ({@code LEA-12-1234} has 9), with one to spare for a neighbour's read joined to it. */
    private static final int LONGEST_PLATE = 10;
    /** Two regions whose level boxes overlap this much (intersection over union) are one line found twice. */
    private static final double SAME_LINE = 0.6;

    private final OcrModels models;
    private final TextDetector detector;
    private final TextRecogniser recogniser;
    private final PlateFormats formats;
    private final int leastLongSide;
    private final int mostLongSide;
    /** The scale of the picture's own pixels that small lines are looked at again with; 0 = not looked at again. */
    private final double closerLook;
    private final Semaphore readings = new Semaphore(Runtime.getRuntime().availableProcessors());

    @Autowired
    OcrPlateReader(PlateReadingSettings settings) {
        this(settings.detector(), settings.recogniser(), settings.detectorLeastLongSide(), settings.detectorLongSide(), settings.closerLook());
    }

    /** A reader that looks for text at this long side whatever the picture's size, without a closer look. */
    OcrPlateReader(OcrModels.Generation detectorGeneration, OcrModels.Generation recogniserGeneration, int detectorLongSide) {
        this(detectorGeneration, recogniserGeneration, detectorLongSide, detectorLongSide, 0);
    }

    OcrPlateReader(OcrModels.Generation detectorGeneration, OcrModels.Generation recogniserGeneration, int leastLongSide, int mostLongSide,
                   double closerLook) {
        this.closerLook = closerLook;
        this.models = OcrModels.open(detectorGeneration, recogniserGeneration);
        this.detector = new TextDetector(models.detector);
        this.recogniser = new TextRecogniser(models.recogniser, models.keys);
        this.formats = PlateFormats.standard();
        this.leastLongSide = Math.min(leastLongSide, mostLongSide);
        this.mostLongSide = mostLongSide;
    }

    /** The long side text is looked for at on this picture: half its own, between the least and the most. */
    int detectorLongSide(Picture pixels) {
        return Math.min(mostLongSide, Math.max(leastLongSide, Math.max(pixels.width, pixels.height) / 2));
    }

    @Override
    public List<PlateRead> read(BufferedImage picture) {
        return readNow(picture, true, null);
    }

    @Override
    public List<PlateRead> readFrame(BufferedImage frame) {
        return readNow(frame, false, null);
    }

    @Override
    public List<PlateRead> readFrame(BufferedImage frame, List<PixelBox> moving) {
        return readNow(frame, false, moving);
    }

    private List<PlateRead> readNow(BufferedImage picture, boolean inQuarters, List<PixelBox> within) {
        // each reading takes a core; more at once (a burst of uploads on virtual threads) would only share the cores slower
        readings.acquireUninterruptibly();
        try {
            return look(picture, inQuarters, within);
        } finally {
            readings.release();
        }
    }

    /** Reads the picture; where {@code within} is not null, text is looked for only in those parts of it. */
    private List<PlateRead> look(BufferedImage picture, boolean inQuarters, List<PixelBox> within) {
        var pixels = new Picture(picture);
        int detectorLongSide = detectorLongSide(pixels);
        var found = within == null ? detector.find(pixels, detectorLongSide) : findWithin(pixels, within, detectorLongSide);
        var lines = new ArrayList<>(recogniser.read(pixels, plateLike(found)));
        if (closerLook > 0) {
            lines = lookCloser(pixels, lines, detectorLongSide);
        }
        var readOnce = List.copyOf(lines);
        var again = new ArrayList<>(abovePlateNumbers(readOnce));
        again.addAll(twoLinesAsOne(pixels, readOnce));
        lines.addAll(recogniser.read(pixels, again));
        var reads = PlateCandidates.rank(lines, formats, pixels.width, pixels.height);
        if (inQuarters && reads.isEmpty() && Math.max(pixels.width, pixels.height) > TILED_BEYOND * detectorLongSide) {
            // a large photo whose plates were too small to find scaled down: look again a quarter at a time, at twice the detail
            int tileW = (int) Math.ceil(pixels.width * 0.55);
            int tileH = (int) Math.ceil(pixels.height * 0.55);
            var more = new ArrayList<TextRegion>();
            for (int tx : new int[] {0, pixels.width - tileW}) {
                for (int ty : new int[] {0, pixels.height - tileH}) {
                    for (var r : detector.find(pixels.part(tx, ty, tileW, tileH), detectorLongSide)) {
                        var moved = r.moved(tx, ty);
                        if (!foundBefore(moved, more, pixels)) {
                            more.add(moved); // a line in two quarters' overlap is read once
                        }
                    }
                }
            }
            // a line found again in a quarter is read again there, its outline seen at twice the detail: the first reading of it goes
            lines.removeIf(line -> foundBefore(line.region(), more, pixels));
            lines.addAll(recogniser.read(pixels, plateLike(more)));
            reads = PlateCandidates.rank(lines, formats, pixels.width, pixels.height);
        }
        return reads;
    }

    /**
     * The lines of text in these parts of the picture, each part looked at with the scale the whole picture would be (a
     * part is not enlarged as a small picture is: its text is no larger for being cut out). Overlapping parts are one.
     */
    private List<TextRegion> findWithin(Picture pixels, List<PixelBox> parts, int detectorLongSide) {
        double scale = TextDetector.scale(pixels, detectorLongSide);
        var found = new ArrayList<TextRegion>();
        for (var part : PixelBox.joined(parts)) {
            int x = Math.min(part.x(), pixels.width - 1);
            int y = Math.min(part.y(), pixels.height - 1);
            int w = Math.min(part.right(), pixels.width) - x;
            int h = Math.min(part.bottom(), pixels.height) - y;
            if (w > 0 && h > 0) {
                for (var r : detector.findScaled(pixels.part(x, y, w, h), scale)) {
                    found.add(r.moved(x, y));
                }
            }
        }
        return found;
    }

    /**
     * Looks again, at {@link #closerLook} times the picture's own resolution, around the lines the scaled-down picture
     * showed small and read as what could be part of a plate (a digit, and no longer than a plate): a small plate is found
     * there as well as the whole picture at that resolution would find it, at the cost of a few windows rather than of the
     * whole picture, and a shop sign's words cost nothing more. The lines a window holds whole replace the first look's
     * lines lying wholly in it; where it holds none, those stay. It does not find a plate the first look missed altogether.
     */
    private ArrayList<TextRecogniser.Line> lookCloser(Picture pixels, List<TextRecogniser.Line> lines, int detectorLongSide) {
        double firstScale = TextDetector.scale(pixels, detectorLongSide);
        if (firstScale >= closerLook) {
            return new ArrayList<>(lines); // the first look was as close
        }
        var windows = new ArrayList<PixelBox>();
        for (var line : lines) {
            var region = line.region();
            var box = region.levelBox(pixels.width, pixels.height);
            if (box == null || region.height() * firstScale >= SMALL_LINE || !partOfAPlate(line.text())) {
                continue;
            }
            // room for the other pieces of a split line beside it and for a motorcycle plate's other line above or below
            int padX = (int) Math.ceil(region.height() * 1.5);
            int padY = (int) Math.ceil(region.height() * 1.2);
            int x0 = Math.max(0, box.x() - padX);
            int y0 = Math.max(0, box.y() - padY);
            windows.add(new PixelBox(x0, y0, Math.min(pixels.width, box.right() + padX) - x0, Math.min(pixels.height, box.bottom() + padY) - y0));
        }
        var merged = affordable(PixelBox.joined(windows), pixels.width * firstScale * pixels.height * firstScale);
        if (merged.isEmpty()) {
            return new ArrayList<>(lines);
        }
        var closer = new ArrayList<TextRegion>();
        var replaced = new boolean[lines.size()];
        for (var w : merged) {
            var inWindow = new ArrayList<TextRegion>();
            for (var r : detector.findScaled(pixels.part(w.x(), w.y(), w.width(), w.height()), closerLook)) {
                var moved = r.moved(w.x(), w.y());
                if (whole(moved.levelBox(pixels.width, pixels.height), w, pixels)) {
                    inWindow.add(moved); // a line the window's edge cuts is left to the first look
                }
            }
            if (inWindow.isEmpty()) {
                continue;
            }
            closer.addAll(inWindow);
            for (int i = 0; i < lines.size(); i++) {
                var box = lines.get(i).region().levelBox(pixels.width, pixels.height);
                replaced[i] |= box != null && box.x() >= w.x() && box.right() <= w.right() && box.y() >= w.y() && box.bottom() <= w.bottom();
            }
        }
        var kept = new ArrayList<TextRecogniser.Line>();
        for (int i = 0; i < lines.size(); i++) {
            if (!replaced[i]) {
                kept.add(lines.get(i));
            }
        }
        kept.addAll(recogniser.read(pixels, plateLike(closer)));
        return kept;
    }

    /**
     * The windows, smallest first, as long as looking at them all costs no more than the first look did (its pixels): a
     * plate's window is small, but lines close together join into large ones (a sign full of telephone numbers), and one
     * of those could cost many whole looks.
     */
    private List<PixelBox> affordable(List<PixelBox> windows, double firstLookPixels) {
        var bySize = new ArrayList<>(windows);
        bySize.sort(java.util.Comparator.comparingDouble(PixelBox::area));
        var taken = new ArrayList<PixelBox>();
        double cost = 0;
        for (var w : bySize) {
            cost += w.area() * closerLook * closerLook;
            if (cost > firstLookPixels) {
                break;
            }
            taken.add(w);
        }
        return taken;
    }

    /** Whether a line read could be a plate or a piece of one: it holds a digit, as every plate does, and is no longer than one. */
    private static boolean partOfAPlate(String text) {
        long symbols = text.chars().filter(Character::isLetterOrDigit).count();
        return symbols <= LONGEST_PLATE && text.chars().anyMatch(Character::isDigit);
    }

    /** Whether one of the regions is this line found again: their level boxes mostly the same. */
    private static boolean foundBefore(TextRegion line, List<TextRegion> regions, Picture pixels) {
        var box = line.levelBox(pixels.width, pixels.height);
        return box != null && regions.stream().map(r -> r.levelBox(pixels.width, pixels.height))
            .anyMatch(b -> b != null && b.overlap(box) > SAME_LINE);
    }

    /** Whether the box lies inside the window without touching its edges, but where they are the picture's. */
    private static boolean whole(PixelBox box, PixelBox window, Picture pixels) {
        return box != null && (box.x() > window.x() || window.x() == 0) && (box.y() > window.y() || window.y() == 0)
            && (box.right() < window.right() || window.right() == pixels.width) && (box.bottom() < window.bottom() || window.bottom() == pixels.height);
    }

    /**
     * Where the top line of a motorcycle plate would be, above each line read as a plate number
     * alone: the detector finds one or two short letters standing alone poorly ("C" above "6860"),
     * so they are read where they should be.
     */
    private static List<TextRegion> abovePlateNumbers(List<TextRecogniser.Line> lines) {
        var above = new ArrayList<TextRegion>();
        for (var line : lines) {
            String text = line.text().replace(" ", "").replace("-", "");
            if (text.length() >= 2 && text.length() <= 6 && text.chars().allMatch(Character::isDigit)) {
                var r = line.region();
                // the lines of a two-line plate nearly touch, and the number's outline is grown: the letters stand 0.8 of it higher
                double up = r.height() * 0.8;
                above.add(new TextRegion(r.centreX() + up * Math.sin(r.angle()), r.centreY() - up * Math.cos(r.angle()), r.width() * 0.9,
                    r.height() * 0.9, r.angle(), r.score()));
            }
        }
        return above;
    }

    /**
     * The two lines, upper and lower, of each region that may be a two-line plate found as one: about as high as wide,
     * high enough for two lines, and read as digits alone or nothing. The detector often joins a motorcycle plate's closely
     * set lines ("UJX" over "794") into one region, which the recogniser, reading one line, reads as the number alone ("117"
     * of "S" over "117"), a digit or two, or nothing. The lines part at the plainest row of the region's middle, as they
     * need not be of one height.
     */
    private static List<TextRegion> twoLinesAsOne(Picture pixels, List<TextRecogniser.Line> lines) {
        var parts = new ArrayList<TextRegion>();
        for (var line : lines) {
            var r = line.region();
            if (r.width() > SQUARE_PLATE * r.height() || r.height() < 2 * LOWEST_LINE || !line.text().chars().allMatch(c -> Character.isDigit(c) || c == ' ' || c == '-')) {
                continue;
            }
            double parting = plainestRow(pixels, r);
            double overlap = r.height() * 0.05; // the cut between two lines' characters is seldom level
            double top = r.height() * parting + overlap;
            double bottom = r.height() * (1 - parting) + overlap;
            double upX = Math.sin(r.angle());
            double upY = -Math.cos(r.angle());
            double topShift = (r.height() - top) / 2;
            double bottomShift = (r.height() - bottom) / 2;
            parts.add(new TextRegion(r.centreX() + upX * topShift, r.centreY() + upY * topShift, r.width(), top, r.angle(), r.score()));
            parts.add(new TextRegion(r.centreX() - upX * bottomShift, r.centreY() - upY * bottomShift, r.width(), bottom, r.angle(), r.score()));
        }
        return parts;
    }

    /**
     * Where, as a share of its height from the top, the region's middle (between 0.3 and 0.7) is plainest: the row whose
     * brightness varies least along it, the plate's ground between two lines of characters.
     */
    private static double plainestRow(Picture pixels, TextRegion region) {
        int high = TextRecogniser.HEIGHT;
        int wide = (int) Math.max(16, Math.min(4 * high, Math.round(high * region.width() / region.height())));
        float[] cut = new float[3 * high * wide];
        pixels.cut(region, wide, high, cut, 0, wide);
        int plane = high * wide;
        int plainest = high / 2;
        double least = Double.MAX_VALUE;
        for (int row = (int) (high * 0.3); row <= (int) (high * 0.7); row++) {
            double sum = 0;
            double squares = 0;
            for (int x = 0; x < wide; x++) {
                int at = row * wide + x;
                double grey = cut[at] + cut[at + plane] + cut[at + 2 * plane];
                sum += grey;
                squares += grey * grey;
            }
            double spread = squares / wide - (sum / wide) * (sum / wide);
            if (spread < least) {
                least = spread;
                plainest = row;
            }
        }
        return (plainest + 0.5) / high;
    }

    /** Every line of text found and read, plate or not. */
    List<TextRecogniser.Line> readLines(BufferedImage picture) {
        var pixels = new Picture(picture);
        return recogniser.read(pixels, plateLike(detector.find(pixels, detectorLongSide(pixels))));
    }

    private static List<TextRegion> plateLike(List<TextRegion> regions) {
        return regions.stream()
            .filter(r -> r.height() >= LOWEST_LINE && r.width() <= WIDEST_LINE * r.height() && r.width() >= NARROWEST_LINE * r.height())
            .toList();
    }

    @Override
    public void close() {
        models.close();
    }
}
