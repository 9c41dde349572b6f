package org.safecity.vision.internal.plates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlateFormatsTest {

    private final PlateFormats formats = PlateFormats.standard();

    private PlateFormats.Fit fit(String... lines) {
        return formats.fit(List.of(lines)).orElseThrow(() -> new AssertionError(List.of(lines) + " was not taken for a plate"));
    }

    @Test
    void every_format_takes_its_own_example_and_names_it() {
        for (var format : formats.all()) {
            var fit = fit(format.example().split("/"));
            assertThat(fit.format().name()).as(format.example()).isEqualTo(format.name());
            assertThat(fit.printed()).isEqualTo(format.example());
            assertThat(fit.repairs()).isZero();
        }
    }

    @Test
    void a_plate_is_normalised_to_letters_and_digits() {
        assertThat(fit("LEA-12-1234").normalized()).isEqualTo("LEA121234");
        assertThat(fit("ICT AB 123").normalized()).isEqualTo("ICTAB123");
    }

    @Test
    void a_digit_read_where_the_format_wants_a_letter_is_repaired_and_so_is_the_reverse() {
        var fit = fit("LE8 I234");
        assertThat(fit.printed()).isEqualTo("LEB 1234");
        assertThat(fit.repairs()).isEqualTo(2);
        assertThat(fit("1CT-AB-l23").printed()).isEqualTo("ICT-AB-123");
        assertThat(fit("BKX-I23").score()).isLessThan(fit("BKX-123").score());
    }

    @Test
    void the_breaks_read_decide_between_formats_of_the_same_characters() {
        assertThat(fit("LHR 5678").format().name()).isEqualTo("punjab");
        assertThat(fit("LHR-56-78").format().name()).isEqualTo("punjab-year");
    }

    @Test
    void fixed_letters_read_as_they_are_outweigh_a_shape_that_fits_without_repair() {
        var fit = fit("ICT 15288");
        assertThat(fit.format().name()).isEqualTo("islamabad");
        assertThat(fit.normalized()).isEqualTo("ICTI5288");
    }

    @Test
    void words_telephone_numbers_and_over_repaired_reads_are_not_plates() {
        assertThat(formats.fit(List.of("PUNJAB"))).isEmpty();
        assertThat(formats.fit(List.of("AL MADINA STORE"))).isEmpty();
        assertThat(formats.fit(List.of("0300 1234567"))).isEmpty();
        assertThat(formats.fit(List.of("12345"))).isEmpty();
        assertThat(formats.fit(List.of("0I2 8S6Z"))).as("more than a third repaired").isEmpty();
    }

    @Test
    void a_two_line_plate_breaks_where_its_lines_do() {
        var fit = fit("LEF", "12-1234");
        assertThat(fit.format().name()).isEqualTo("motorcycle-year");
        assertThat(fit.normalized()).isEqualTo("LEF121234");
        assertThat(fit("PR", "1234").format().name()).isEqualTo("motorcycle-series");
        assertThat(formats.fit(List.of("LEF1", "234"))).isEmpty();
    }
}
