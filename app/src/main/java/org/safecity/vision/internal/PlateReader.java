package org.safecity.vision.internal;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Reads the number plates in one picture. Answers only text that a plate format accepts (see
 * {@link PlateRead#normalized}), best first; an empty list when the picture holds no plate. Safe to
 * call from several threads; each call is independent of the ones before.
 */
public interface PlateReader {

    List<PlateRead> read(BufferedImage picture);

    /**
     * @param text the plate as printed, e.g. {@code LEA-12-1234}
     * @param normalized upper case without spaces or dashes ({@code LEA121234}), as plates are stored
     * @param format the plate format that accepted it, e.g. {@code punjab}, {@code islamabad}
     * @param confidence 0 to 1
     */
    record PlateRead(String text, String normalized, String format, double confidence, PixelBox box) {
    }
}
