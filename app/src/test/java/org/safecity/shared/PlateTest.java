package org.safecity.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlateTest {

    @Test
    void a_plate_is_upper_case_letters_and_digits_only() {
        assertThat(Plate.of(" leb-12345 ").normalised()).isEqualTo("LEB12345");
        assertThat(Plate.of(" leb-12345 ").asRead()).isEqualTo("leb-12345");
        assertThat(Plate.normalise("Pwr 7 / 2024")).isEqualTo("PWR72024");
    }

    @ParameterizedTest
    @ValueSource(strings = {"straße-1", "pışawar-2", "پشاور-123", "ＬＥＢ１２", "mixed ÀB-9"})
    void text_beyond_ascii_follows_the_general_upper_case_rule(String read) {
        // 'ß' upper-cases to "SS" and 'ı' to 'I'; whatever is not then A-Z or 0-9 drops out
        assertThat(Plate.normalise(read)).isEqualTo(read.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", ""));
    }

    @Test
    void too_short_or_too_long_is_refused() {
        assertThatThrownBy(() -> Plate.of("A-")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Plate.of("ABCDEFGHIJKLM")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Plate.of("AB").normalised()).isEqualTo("AB");
        assertThat(Plate.of("ABCDEFGHIJKL").normalised()).isEqualTo("ABCDEFGHIJKL");
    }
}
