package org.safecity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MediaTypeSnifferTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void names_images_by_their_signatures() {
        assertThat(MediaTypeSniffer.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).isEqualTo("image/jpeg");
        assertThat(MediaTypeSniffer.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0))).isEqualTo("image/png");
        assertThat(MediaTypeSniffer.sniff(ascii("GIF89a\u0001\u0000"))).isEqualTo("image/gif");
        assertThat(MediaTypeSniffer.sniff(ascii("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).isEqualTo("image/webp");
    }

    @Test
    void names_video_containers_by_their_structure() {
        assertThat(MediaTypeSniffer.sniff(ascii("\u0000\u0000\u0000\u0018ftypisom\u0000\u0000\u0002\u0000"))).isEqualTo("video/mp4");
        assertThat(MediaTypeSniffer.sniff(ascii("\u0000\u0000\u0000\u0014ftypqt  \u0000\u0000\u0002\u0000"))).isEqualTo("video/quicktime");
        assertThat(MediaTypeSniffer.sniff(ascii("RIFF\u0000\u0000\u0000\u0000AVI LIST"))).isEqualTo("video/x-msvideo");
        byte[] webm = ascii("\u001aE\u00df\u00a3\u00a3B\u0086\u0081\u0001B\u0082\u0084webm");
        assertThat(MediaTypeSniffer.sniff(webm)).isEqualTo("video/webm");
        byte[] mkv = ascii("\u001aE\u00df\u00a3\u00a3B\u0086\u0081\u0001B\u0082\u0088matroska");
        assertThat(MediaTypeSniffer.sniff(mkv)).isEqualTo("video/x-matroska");
        byte[] ts = new byte[188 * 3];
        ts[0] = 0x47;
        ts[188] = 0x47;
        ts[376] = 0x47;
        assertThat(MediaTypeSniffer.sniff(ts)).isEqualTo("video/mp2t");
    }

    /** A ZIP's first local file header: 30 bytes, then the entry's name. */
    private static byte[] zipStartingWith(String entry) {
        byte[] name = ascii(entry);
        byte[] head = new byte[30 + name.length];
        System.arraycopy(bytes('P', 'K', 3, 4, 20, 0, 6, 0), 0, head, 0, 8);
        head[26] = (byte) name.length;
        System.arraycopy(name, 0, head, 30, name.length);
        return head;
    }

    @Test
    void names_documents_and_archives() {
        assertThat(MediaTypeSniffer.sniff(ascii("%PDF-1.7\n"))).isEqualTo("application/pdf");
        assertThat(MediaTypeSniffer.sniff(zipStartingWith("[Content_Types].xml"), "statement.docx"))
            .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(MediaTypeSniffer.sniff(zipStartingWith("notes.txt"))).isEqualTo("application/zip");
    }

    @Test
    void a_name_never_changes_what_the_content_is() {
        assertThat(MediaTypeSniffer.sniff(ascii("%PDF-1.7\n"), "photo.jpg")).isEqualTo("application/pdf");
        assertThat(MediaTypeSniffer.sniff(ascii("\u0000\u0000\u0000\u0018ftypisom\u0000\u0000\u0002\u0000"), "statement.pdf"))
            .isEqualTo("video/mp4");
        assertThat(MediaTypeSniffer.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10), "notes.txt")).isEqualTo("image/jpeg");
    }

    @Test
    void a_name_never_names_content_its_bytes_do_not() {
        assertThat(MediaTypeSniffer.sniff(bytes(0x00, 0x01, 0x02, 0x03, 0x04), "camera-0112.mp4")).isEqualTo("application/octet-stream");
        assertThat(MediaTypeSniffer.sniff(ascii("not a picture"), "gate.jpg")).isEqualTo("text/plain");
        assertThat(MediaTypeSniffer.sniff(zipStartingWith("notes.txt"), "footage.mp4")).isEqualTo("application/zip");
    }

    /** Video exported by recorders in containers the earlier hand-written signatures did not know. */
    @Test
    void names_recorder_exports_in_windows_media_and_flash_video_as_video() {
        byte[] asf = bytes(0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C,
            0x5A, 0x2C, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 1, 2);
        assertThat(MediaTypeSniffer.sniff(asf, "export.dat")).isEqualTo("video/x-ms-asf");
        assertThat(MediaTypeSniffer.sniff(bytes('F', 'L', 'V', 1, 5, 0, 0, 0, 9, 0, 0, 0, 0))).isEqualTo("video/x-flv");
    }

    @Test
    void takes_valid_utf8_without_control_characters_as_plain_text() {
        assertThat(MediaTypeSniffer.sniff("Statement of the witness, Peshawar\r\nگواہ کا بیان".getBytes(StandardCharsets.UTF_8)))
            .isEqualTo("text/plain");
        assertThat(MediaTypeSniffer.sniff(bytes(0x00, 0x01, 0x02, 0x03, 0x04))).isEqualTo("application/octet-stream");
        assertThat(MediaTypeSniffer.sniff(new byte[0])).isEqualTo("application/octet-stream");
    }

    @Test
    void a_text_head_cut_inside_a_multibyte_character_is_still_text() {
        byte[] urdu = "بیان".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(urdu, urdu.length - 1);
        assertThat(MediaTypeSniffer.sniff(cut)).isEqualTo("text/plain");
    }
}
