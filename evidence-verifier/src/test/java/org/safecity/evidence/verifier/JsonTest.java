package org.safecity.evidence.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void reads_objects_arrays_strings_numbers_and_literals() {
        var value = Json.parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": \"x\\u00e9\\n\\\"y\\\"\"} ");

        assertThat(value).isEqualTo(Map.of("a", java.util.Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false, null),
            "b", "x\u00e9\n\"y\""));
    }

    @Test
    void refuses_a_member_that_appears_twice_so_no_reader_sees_a_different_value() {
        assertThatThrownBy(() -> Json.parse("{\"sha256\":\"a\",\"sha256\":\"b\"}")).hasMessageContaining("appears twice");
    }

    @Test
    void refuses_trailing_text() {
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("after the JSON value");
        assertThat(Json.parse("[]")).isEqualTo(List.of());
    }
}
