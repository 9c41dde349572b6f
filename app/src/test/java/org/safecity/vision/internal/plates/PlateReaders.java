package org.safecity.vision.internal.plates;

import org.safecity.vision.internal.PlateReader;

/** The plate reader as the application makes it by default, for benchmarks outside this package. */
public final class PlateReaders {

    private PlateReaders() {
    }

    public static PlateReader standard() {
        return new OcrPlateReader(OcrModels.Generation.V4, OcrModels.Generation.V4, 960); // PlateReadingSettings' defaults
    }
}
