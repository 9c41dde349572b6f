package org.safecity.vision.internal.plates;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How plates are read, and how long the reads are kept ({@code safecity.vision.plates.*}).
 *
 * @param detectorLongSide text is looked for on the picture scaled to half its long side, but at most this long...
 * @param detectorLeastLongSide ... and at least this (or the picture's own): with 640, a 1280×720 frame is looked at at 640
 *                              and a 1920×1080 photo at 960; smaller is faster, larger finds smaller plates
 * @param detector the PP-OCR generation that finds text ({@code V4} or {@code V3})
 * @param recogniser the PP-OCR generation that reads it
 * @param closerLook small lines of text found on the scaled-down picture are looked for again around them at this scale of
 *                   the picture's own pixels (1 = as it is); 0 = not looked at again
 * @param maxUploadSize the largest still that {@code POST /api/v1/vision/plates} takes
 * @param readsKeptFor plate reads and their crops are deleted once this old (as long as plate sightings are kept, by default)
 * @param correctedReadsKeptFor ... except reads people marked wrong, the evaluation set, kept this long (at least as long)
 */
@ConfigurationProperties("safecity.vision.plates")
record PlateReadingSettings(@DefaultValue("960") int detectorLongSide, @DefaultValue("960") int detectorLeastLongSide,
                            @DefaultValue("V4") OcrModels.Generation detector,
                            @DefaultValue("V4") OcrModels.Generation recogniser, @DefaultValue("0") double closerLook,
                            @DefaultValue("10MB") DataSize maxUploadSize,
                            @DefaultValue("90d") Duration readsKeptFor, @DefaultValue("365d") Duration correctedReadsKeptFor) {

    PlateReadingSettings {
        if (readsKeptFor.toDays() < 1 || correctedReadsKeptFor.compareTo(readsKeptFor) < 0) {
            throw new IllegalArgumentException("safecity.vision.plates.reads-kept-for must be at least 1d and "
                + "corrected-reads-kept-for at least as long; got " + readsKeptFor + " and " + correctedReadsKeptFor);
        }
    }
}
