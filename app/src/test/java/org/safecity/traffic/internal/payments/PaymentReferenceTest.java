package org.safecity.traffic.internal.payments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentReferenceTest {

    @Test
    void a_reference_carries_iso_7064_mod_97_10_check_digits_that_catch_a_mistyped_digit_or_swapped_pair() {
        String reference = PaymentReference.of(123);

        assertThat(reference).hasSize(12).startsWith("0000000123");
        assertThat(PaymentReference.valid(reference)).isTrue();
        assertThat(PaymentReference.valid("0000000124" + reference.substring(10))).isFalse();
        assertThat(PaymentReference.valid("0000001023" + reference.substring(10))).isFalse();
        assertThat(PaymentReference.valid("12345")).isFalse();
        assertThat(PaymentReference.valid(null)).isFalse();
    }

    @Test
    void every_serial_gets_a_valid_and_distinct_reference() {
        var seen = new java.util.HashSet<String>();
        for (long serial = 1; serial <= 2000; serial++) {
            String reference = PaymentReference.of(serial);
            assertThat(PaymentReference.valid(reference)).as(reference).isTrue();
            assertThat(seen.add(reference)).isTrue();
        }
    }
}
