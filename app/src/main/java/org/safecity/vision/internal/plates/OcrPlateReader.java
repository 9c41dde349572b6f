package org.safecity.vision.internal.plates;

import java.awt.image.BufferedImage;
import java.util.List;
import org.safecity.vision.internal.PlateReader;
import org.springframework.stereotype.Component;

/**
 * Reads plates with PP-OCR and the plate formats: text is found on the picture scaled down, read
 * at full resolution, and kept only where a format accepts it (see {@link PlateCandidates}).
 * The models are opened once and shared by every caller.
 */
@Component
class OcrPlateReader implements PlateReader, AutoCloseable {

    /** Lines this much wider than high, or narrower, are not a plate's (one line of a motorcycle plate is about 1.5). */
    private static final double WIDEST_LINE = 12;
    private static final double NARROWEST_LINE = 0.7;
    /** Text lower than this many pixels cannot be read. */
    private static final double LOWEST_LINE = 8;

    private final OcrModels models;
    private final TextDetector detector;
    private final TextRecogniser recogniser;
    private final PlateFormats formats;
    private final int detectorLongSide;

    @org.springframework.beans.factory.annotation.Autowired
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
        var lines = readLines(picture);
        return PlateCandidates.rank(lines, formats, picture.getWidth(), picture.getHeight());
    }

    /** Every line of text found and read, plate or not. */
    List<TextRecogniser.Line> readLines(BufferedImage picture) {
        var pixels = new Picture(picture);
        var regions = detector.find(pixels, detectorLongSide).stream()
            .filter(r -> r.height() >= LOWEST_LINE && r.width() <= WIDEST_LINE * r.height() && r.width() >= NARROWEST_LINE * r.height())
            .toList();
        return recogniser.read(pixels, regions);
    }

    @Override
    public void close() {
        models.close();
    }
}
