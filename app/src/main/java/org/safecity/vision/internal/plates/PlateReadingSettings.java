package org.safecity.vision.internal.plates;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How plates are read ({@code safecity.vision.plates.*}).
 *
 * @param detectorLongSide a picture is scaled down so its long side is at most this before text is looked for:
 *                         smaller is faster, larger finds smaller plates
 * @param detector the PP-OCR generation that finds text ({@code V4} or {@code V3})
 * @param recogniser the PP-OCR generation that reads it
 * @param maxUploadSize the largest still that {@code POST /api/v1/vision/plates} takes
 */
@ConfigurationProperties("safecity.vision.plates")
record PlateReadingSettings(@DefaultValue("960") int detectorLongSide, @DefaultValue("V4") OcrModels.Generation detector,
                            @DefaultValue("V4") OcrModels.Generation recogniser, @DefaultValue("10MB") DataSize maxUploadSize) {
}
