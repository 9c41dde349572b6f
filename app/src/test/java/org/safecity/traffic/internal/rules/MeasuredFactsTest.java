package org.safecity.traffic.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeasuredFactsTest {

    @Test
    void a_speed_reads_with_its_limit_and_tolerance_in_the_order_a_person_reads_them() {
        assertThat(MeasuredFacts.of("{\"toleranceKmh\":5,\"limitKmh\":60,\"speedKmh\":92.4}")).extracting(f -> f.label() + ": " + f.value())
            .containsExactly("Measured speed: 92.4 km/h", "Speed limit: 60 km/h", "Tolerance: 5 km/h");
    }

    @Test
    void a_section_entry_time_is_shown_in_pakistan_time() {
        assertThat(MeasuredFacts.of("{\"enteredAt\":\"2026-12-04T07:00:00Z\"}")).extracting(MeasuredFacts.Fact::value)
            .containsExactly("2026-12-04 12:00:00 PKT");
    }

    @Test
    void words_are_written_as_words_and_confidence_as_a_percentage() {
        assertThat(MeasuredFacts.of("{\"direction\":\"AGAINST_FLOW\",\"analyticConfidence\":0.87}")).extracting(MeasuredFacts.Fact::value)
            .containsExactly("Against flow", "87%");
    }

    @Test
    void no_measurement_or_an_unreadable_one_gives_no_facts() {
        assertThat(MeasuredFacts.of(null)).isEmpty();
        assertThat(MeasuredFacts.of("not json")).isEmpty();
        assertThat(MeasuredFacts.of("{\"unknown\":1}")).isEmpty();
    }
}
