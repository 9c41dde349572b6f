package org.safecity.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;

/**
 * Names a file's media type from its first bytes (its magic numbers), never from its name: a
 * renamed file is still what it is. Unknown content is {@code application/octet-stream}.
 *
 * <p>Apache Tika's registry of magic numbers does the naming, with the video containers it names only
 * by their family added ({@code media-types.xml}). This class exists so that every caller asks it the
 * same way: with the head it already holds (never a whole upload), and with a file name that may only
 * narrow what the bytes proved (a ZIP to a Word document), never name what they did not.
 */
public final class MediaTypeSniffer {

    public static final String UNKNOWN = "application/octet-stream";
    private static final String TEXT = "text/plain";

    /** Tika's registry with SafeCity's additions (media-types.xml beside this class), read once; detecting keeps no state. */
    private static final MimeTypes TYPES = registry();

    private MediaTypeSniffer() {
    }

    public static String sniff(byte[] head) {
        return detect(head, null);
    }

    /**
     * As {@link #sniff(byte[])}, narrowed by the file's name where the content is a container the name can
     * say more about (a ZIP named {@code .docx}); a name never changes what the content is (a PDF named
     * {@code .jpg} is a PDF) and never names content whose bytes say nothing (unknown bytes, plain text).
     */
    public static String sniff(byte[] head, String name) {
        String byContent = detect(head, null);
        if (name == null || name.isBlank() || byContent.equals(UNKNOWN) || byContent.equals(TEXT)) {
            return byContent;
        }
        return detect(head, name);
    }

    private static MimeTypes registry() {
        try {
            return MimeTypesFactory.create(MimeTypes.class.getResource("tika-mimetypes.xml"),
                MediaTypeSniffer.class.getResource("media-types.xml"));
        } catch (IOException | MimeTypeException e) {
            throw new IllegalStateException("the media type registry could not be read", e);
        }
    }

    private static String detect(byte[] head, String name) {
        if (head.length == 0) {
            return UNKNOWN;
        }
        var metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        try {
            return TYPES.detect(new ByteArrayInputStream(head), metadata).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("bytes in memory could not be read", e);
        }
    }
}
