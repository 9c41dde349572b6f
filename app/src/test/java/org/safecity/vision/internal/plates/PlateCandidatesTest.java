package org.safecity.vision.internal.plates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.vision.internal.PlateReader.PlateRead;
import org.safecity.vision.internal.plates.TextRecogniser.Line;

/** Which lines read in a picture are plates, and which read of a plate comes first, from lines as the recogniser gives them. */
class PlateCandidatesTest {

    private static final PlateFormats FORMATS = PlateFormats.standard();

    @Test
    void a_plate_line_read_alone_is_a_plate_and_a_sign_word_is_not() {
        var reads = rank(line("LHR 5678", 0.97, 400, 300, 160, 40), line("BANK ISLAMI", 0.99, 200, 100, 220, 30));

        assertThat(reads).extracting(PlateRead::normalized).containsExactly("LHR5678");
        assertThat(reads.getFirst().format()).isEqualTo("punjab");
    }

    @Test
    void the_two_lines_of_a_motorcycle_plate_are_one_plate() {
        var reads = rank(line("UJX", 0.95, 400, 300, 60, 30), line("794", 0.99, 400, 330, 60, 32));

        assertThat(reads).extracting(PlateRead::normalized).containsExactly("UJX794");
    }

    @Test
    void a_read_that_keeps_a_plates_first_character_comes_before_a_surer_read_that_lost_it() {
        // the letters found by the detector, the first one doubtful, and the same line read again narrower, without it
        var found = line("IYZ", 0.77, 449, 431, 56, 46);
        var narrower = line("YZ", 0.98, 450, 431, 40, 41);
        var number = line("44", 1.0, 450, 458, 44, 32);

        var reads = rank(found, narrower, number);

        assertThat(reads).extracting(PlateRead::normalized).containsExactly("IYZ44");
        assertThat(reads.getFirst().confidence()).as("its own score, not the other's").isLessThan(0.9);
    }

    @Test
    void a_read_with_a_character_more_that_is_far_less_sure_does_not_come_first() {
        var found = line("IYZ", 0.55, 449, 431, 56, 46);
        var narrower = line("YZ", 0.98, 450, 431, 40, 41);
        var number = line("44", 1.0, 450, 458, 44, 32);

        assertThat(rank(found, narrower, number)).extracting(PlateRead::normalized).containsExactly("YZ44");
    }

    @Test
    void a_read_that_differs_by_more_than_an_edge_character_does_not_replace_the_better_one() {
        // "LEA 1234" against "LEB 12345": not the same read with a character more
        var better = line("LEA 1234", 0.98, 400, 300, 160, 40);
        var other = line("LEB 12345", 0.9, 405, 300, 170, 40);

        assertThat(rank(better, other)).extracting(PlateRead::normalized).containsExactly("LEA1234");
    }

    @Test
    void two_plates_apart_are_both_read_the_larger_first_when_as_sure() {
        var reads = rank(line("LHR 5678", 0.97, 300, 500, 160, 40), line("BKX-123", 0.97, 900, 400, 100, 25));

        assertThat(reads).extracting(PlateRead::normalized).containsExactly("LHR5678", "BKX123");
    }

    private static List<PlateRead> rank(Line... lines) {
        return PlateCandidates.rank(List.of(lines), FORMATS, 1280, 720);
    }

    private static Line line(String text, double confidence, double centreX, double centreY, double width, double height) {
        return new Line(text, confidence, new TextRegion(centreX, centreY, width, height, 0, 0.95));
    }
}
