package org.safecity.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Names a file's media type from its first bytes (its magic numbers), never from its name: a
 * renamed file is still what it is. Unknown content is {@code application/octet-stream}.
 */
public final class MediaTypeSniffer {

    public static final String UNKNOWN = "application/octet-stream";

    private MediaTypeSniffer() {
    }

    public static String sniff(byte[] head) {
        if (head.length == 0) {
            return UNKNOWN;
        }
        if (starts(head, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (starts(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return "image/png";
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) return "image/gif";
        if (ascii(head, 0, "RIFF") && head.length >= 12) {
            if (ascii(head, 8, "WEBP")) return "image/webp";
            if (ascii(head, 8, "AVI ")) return "video/x-msvideo";
            if (ascii(head, 8, "WAVE")) return "audio/wav";
        }
        if (head.length >= 12 && ascii(head, 4, "ftyp")) {
            return isoMediaType(head);
        }
        if (starts(head, 0x1A, 0x45, 0xDF, 0xA3)) {
            return contains(head, "webm") ? "video/webm" : "video/x-matroska";
        }
        if (isTransportStream(head)) return "video/mp2t";
        if (starts(head, 0x00, 0x00, 0x01, 0xBA)) return "video/mpeg";
        if (ascii(head, 0, "%PDF-")) return "application/pdf";
        if (starts(head, 'P', 'K', 0x03, 0x04)) return zipMediaType(head);
        if (starts(head, 'I', 'I', 0x2A, 0x00) || starts(head, 'M', 'M', 0x00, 0x2A)) return "image/tiff";
        if (ascii(head, 0, "BM") && head.length >= 14) return "image/bmp";
        if (ascii(head, 0, "OggS")) return "application/ogg";
        if (ascii(head, 0, "ID3") || (head.length > 1 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE6) == 0xE2)) return "audio/mpeg";
        if (starts(head, 0x1F, 0x8B)) return "application/gzip";
        if (ascii(head, 0, "7z") && starts(head, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) return "application/x-7z-compressed";
        if (ascii(head, 0, "Rar!")) return "application/vnd.rar";
        if (starts(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) return "application/x-ole-storage";
        if (ascii(head, 0, "{\\rtf")) return "application/rtf";
        if (isText(head)) {
            String start = new String(head, 0, Math.min(head.length, 256), StandardCharsets.UTF_8).stripLeading().toLowerCase();
            if (start.startsWith("<!doctype html") || start.startsWith("<html")) return "text/html";
            if (start.startsWith("<?xml")) return "application/xml";
            return "text/plain";
        }
        return UNKNOWN;
    }

    /** ISO base media files (MP4, MOV, 3GP, HEIC) say what they are in the brand after "ftyp". */
    private static String isoMediaType(byte[] head) {
        String brand = new String(head, 8, 4, StandardCharsets.US_ASCII);
        return switch (brand) {
            case "qt  " -> "video/quicktime";
            case "heic", "heix", "mif1", "msf1" -> "image/heic";
            case "avif" -> "image/avif";
            case "3gp4", "3gp5", "3gp6", "3g2a" -> "video/3gpp";
            case "M4A " -> "audio/mp4";
            default -> "video/mp4";
        };
    }

    /** Office Open XML documents are ZIPs whose first entries name their parts. */
    private static String zipMediaType(byte[] head) {
        if (contains(head, "word/")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        if (contains(head, "xl/")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        if (contains(head, "ppt/")) return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        if (contains(head, "mimetypeapplication/vnd.oasis.opendocument.text")) return "application/vnd.oasis.opendocument.text";
        return "application/zip";
    }

    /** MPEG-TS: 188-byte packets, each starting with the sync byte 0x47. */
    private static boolean isTransportStream(byte[] head) {
        if (head.length < 188 * 2 + 1 || head[0] != 0x47) {
            return false;
        }
        for (int offset = 0; offset + 188 <= head.length && offset <= 188 * 4; offset += 188) {
            if (head[offset] != 0x47) {
                return false;
            }
        }
        return true;
    }

    /** Valid UTF-8 (a cut final character allowed) with no control characters but tab, newline, carriage return, form feed. */
    private static boolean isText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
                return false;
            }
        }
        int length = head.length;
        // the head may end inside a multi-byte character; drop up to three trailing continuation bytes
        for (int i = 0; i < 3 && length > 0 && (head[length - 1] & 0xC0) == 0x80; i++) {
            length--;
        }
        if (length > 0 && (head[length - 1] & 0xC0) == 0xC0) {
            length--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int offset, String text) {
        if (head.length < offset + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (head[offset + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] head, String text) {
        return new String(head, StandardCharsets.ISO_8859_1).contains(text);
    }
}
