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

    @Test
    void names_documents_and_archives() {
        assertThat(MediaTypeSniffer.sniff(ascii("%PDF-1.7\n"))).isEqualTo("application/pdf");
        assertThat(MediaTypeSniffer.sniff(ascii("PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml word/document.xml")))
            .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(MediaTypeSniffer.sniff(ascii("PK\u0003\u0004\u0014\u0000notes.txt"))).isEqualTo("application/zip");
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
