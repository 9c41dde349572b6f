package org.safecity.vision.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.MediaTypeSniffer;

/**
 * A still picture sent by a person, read into pixels. Only JPEG and PNG are taken, recognised by
 * their first bytes (never by a name or a declared type); anything else, a file over the size
 * limit, or an image that does not decode is an {@link InvalidInput} naming the field, so the
 * request answers 400 and nothing else happens. A JPEG is turned the way its Exif orientation says,
 * as a phone's photograph is shown.
 */
public final class Stills {

    /** 20 MB: a 12-megapixel JPEG is about 5 MB; a larger upload is not a photo. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** 40 megapixels: decoding more would take the memory of many requests for one. */
    private static final long MAX_PIXELS = 40_000_000L;

    private Stills() {
    }

    /** A still as its bytes and what they are. */
    public record Still(byte[] bytes, String mediaType, BufferedImage image) {
    }

    public static Still read(String field, InputStream in, long declaredSize) {
        if (declaredSize > MAX_BYTES) {
            throw new InvalidInput(field, "must be at most " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidInput(field, "could not be read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInput(field, "must be at most " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        String mediaType = MediaTypeSniffer.sniff(Arrays.copyOf(bytes, Math.min(bytes.length, 512)));
        if (!mediaType.equals("image/jpeg") && !mediaType.equals("image/png")) {
            throw new InvalidInput(field, "must be a JPEG or PNG picture; this is " + mediaType);
        }
        try (var stream = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new InvalidInput(field, "is not a picture that can be read");
            }
            var reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new InvalidInput(field, "must be at most " + MAX_PIXELS / 1_000_000 + " megapixels");
                }
                var image = reader.read(0);
                if (mediaType.equals("image/jpeg")) {
                    image = Orientation.upright(image, Orientation.of(bytes));
                }
                return new Still(bytes, mediaType, image);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw new InvalidInput(field, "is a damaged " + mediaType + " that cannot be read");
        }
    }
}
