package org.safecity.detections;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OcrConfusionTest {

    @Test
    void confusable_characters_fold_to_one_class() {
        assertThat(OcrConfusion.fold("LEB1234")).isEqualTo(OcrConfusion.fold("1E81234"));
        assertThat(OcrConfusion.fold("PSO25")).isEqualTo(OcrConfusion.fold("P5Q2S"));
        assertThat(OcrConfusion.fold("GZ")).isEqualTo("62");
    }

    @Test
    void letters_that_are_not_confused_stay_apart() {
        assertThat(OcrConfusion.fold("ABC123")).isNotEqualTo(OcrConfusion.fold("ABX123"));
    }

    @Test
    void one_missing_or_one_extra_character_is_within_reach_and_two_are_not() {
        assertThat(OcrConfusion.withinOneInsertOrDelete("PRA1234", "PRA124")).isTrue();
        assertThat(OcrConfusion.withinOneInsertOrDelete("PRA1234", "PRA12345")).isTrue();
        assertThat(OcrConfusion.withinOneInsertOrDelete("PRA1234", "PRA1234")).isTrue();
        assertThat(OcrConfusion.withinOneInsertOrDelete("PRA1234", "PRA12")).isFalse();
        assertThat(OcrConfusion.withinOneInsertOrDelete("PRA1234", "PRA1235")).isFalse();
    }

    @Test
    void the_plates_within_one_character_include_the_missing_and_the_extra_readings() {
        var variants = OcrConfusion.withinOneCharacter(OcrConfusion.fold("PRA1234"));
        assertThat(variants).contains(OcrConfusion.fold("PRA1234"), OcrConfusion.fold("PRA124"), OcrConfusion.fold("PRA12345"));
        assertThat(variants).doesNotContain(OcrConfusion.fold("PRA12"));
    }

    @Test
    void a_look_alike_is_repaired_to_the_kind_a_plate_format_wants_from_the_same_groups_as_folding() {
        assertThat((char) OcrConfusion.asLetter('0')).isEqualTo('O');
        assertThat((char) OcrConfusion.asLetter('8')).isEqualTo('B');
        assertThat((char) OcrConfusion.asLetter('K')).isEqualTo('K');
        assertThat(OcrConfusion.asLetter('7')).isEqualTo(-1);
        assertThat((char) OcrConfusion.asDigit('S')).isEqualTo('5');
        assertThat((char) OcrConfusion.asDigit('D')).isEqualTo('0');
        assertThat((char) OcrConfusion.asDigit('4')).isEqualTo('4');
        assertThat(OcrConfusion.asDigit('K')).isEqualTo(-1);
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray()) {
            int digit = OcrConfusion.asDigit(c);
            assertThat(digit < 0 || OcrConfusion.fold(c) == digit).as("%s", c).isTrue();
        }
    }
}
