package org.safecity.vision.internal;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Reads the number plates in one picture. Answers only text that a plate format accepts (see
 * {@link PlateRead#normalized}), best first; an empty list when the picture holds no plate. Safe to
 * call from several threads; each call is independent of the ones before.
 */
public interface PlateReader {

    /** A picture taken alone (an upload, a witness's photo): the one chance to read it, so every look is tried. */
    List<PlateRead> read(BufferedImage picture);

    /**
     * One frame of a camera's video. The vehicle in it is seen again in the frames that follow, closer, and its reads are
     * voted over them; so where the first look reads nothing, the frame is not looked at again as a still would be, and a
     * frame with no plate, which is most of a street camera's, costs no more than one with a plate.
     */
    default List<PlateRead> readFrame(BufferedImage frame) {
        return read(frame);
    }

    /**
     * One frame of a camera's video, of which only these parts moved (the motion gate's): a plate is on a vehicle, which
     * moved to come into view, so text is looked for only there, at the detail the whole frame would be looked at with. The
     * boxes answered are the frame's.
     */
    default List<PlateRead> readFrame(BufferedImage frame, List<PixelBox> moving) {
        return readFrame(frame);
    }

    /**
     * @param text the plate as printed, e.g. {@code LEA-12-1234}
     * @param normalized upper case without spaces or dashes ({@code LEA121234}), as plates are stored
     * @param format the plate format that accepted it, e.g. {@code punjab}, {@code islamabad}
     * @param confidence 0 to 1
     */
    record PlateRead(String text, String normalized, String format, double confidence, PixelBox box) {
    }
}
