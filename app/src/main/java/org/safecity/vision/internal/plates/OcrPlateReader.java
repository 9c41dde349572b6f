package org.safecity.vision.internal.plates;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.safecity.vision.internal.PlateReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads plates with PP-OCR and the plate formats: text is found on the picture scaled down, read
 * at full resolution, and kept only where a format accepts it (see {@link PlateCandidates}).
 * The models are opened once and shared by every caller.
 */
@Component
class OcrPlateReader implements PlateReader, AutoCloseable {

    /** Lines this much wider than high, or narrower, are not a plate's (the top line of a motorcycle plate may be one letter). */
    private static final double WIDEST_LINE = 12;
    private static final double NARROWEST_LINE = 0.5;
    /** Text lower than this many pixels cannot be read. */
    private static final double LOWEST_LINE = 8;
    /** Pictures this many times the detector's long side are looked at again in quarters when nothing was found. */
    private static final double TILED_BEYOND = 1.5;

    private final OcrModels models;
    private final TextDetector detector;
    private final TextRecogniser recogniser;
    private final PlateFormats formats;
    private final int detectorLongSide;
    private final Semaphore readings = new Semaphore(Runtime.getRuntime().availableProcessors());

    @Autowired
    OcrPlateReader(PlateReadingSettings settings) {
        this(settings.detector(), settings.recogniser(), settings.detectorLongSide());
    }

    OcrPlateReader(OcrModels.Generation detectorGeneration, OcrModels.Generation recogniserGeneration, int detectorLongSide) {
        this.models = OcrModels.open(detectorGeneration, recogniserGeneration);
        this.detector = new TextDetector(models.detector);
        this.recogniser = new TextRecogniser(models.recogniser, models.keys);
        this.formats = PlateFormats.standard();
        this.detectorLongSide = detectorLongSide;
    }

    @Override
    public List<PlateRead> read(BufferedImage picture) {
        // each reading takes a core; more at once (a burst of uploads on virtual threads) would only share the cores slower
        readings.acquireUninterruptibly();
        try {
            return readNow(picture);
        } finally {
            readings.release();
        }
    }

    private List<PlateRead> readNow(BufferedImage picture) {
        var pixels = new Picture(picture);
        var regions = new ArrayList<>(detector.find(pixels, detectorLongSide));
        var lines = new ArrayList<>(recogniser.read(pixels, plateLike(regions)));
        lines.addAll(recogniser.read(pixels, abovePlateNumbers(lines)));
        var reads = PlateCandidates.rank(lines, formats, pixels.width, pixels.height);
        if (reads.isEmpty() && Math.max(pixels.width, pixels.height) > TILED_BEYOND * detectorLongSide) {
            // a large photo whose plates were too small to find scaled down: look again a quarter at a time, at twice the detail
            int tileW = (int) Math.ceil(pixels.width * 0.55);
            int tileH = (int) Math.ceil(pixels.height * 0.55);
            for (int tx : new int[] {0, pixels.width - tileW}) {
                for (int ty : new int[] {0, pixels.height - tileH}) {
                    detector.find(pixels.part(tx, ty, tileW, tileH), detectorLongSide).forEach(r -> regions.add(r.moved(tx, ty)));
                }
            }
            reads = PlateCandidates.rank(recogniser.read(pixels, plateLike(regions)), formats, pixels.width, pixels.height);
        }
        return reads;
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

    /** Every line of text found and read, plate or not. */
    List<TextRecogniser.Line> readLines(BufferedImage picture) {
        var pixels = new Picture(picture);
        return recogniser.read(pixels, plateLike(detector.find(pixels, detectorLongSide)));
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
