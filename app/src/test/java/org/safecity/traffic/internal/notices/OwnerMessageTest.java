package org.safecity.traffic.internal.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.safecity.shared.Placement;
import org.safecity.traffic.internal.challans.Challan;
import org.safecity.traffic.internal.challans.IssuingChallans;

/** The SMS and e-mail an owner gets: the same facts in English and in Urdu. */
class OwnerMessageTest {

    @Test
    void the_message_says_everything_in_english_and_then_in_urdu() {
        String message = IssuingChallans.ownerMessage(challan("Hayatabad Toll Plaza"), "https://safecity.example/portal/challans");

        String[] parts = message.split("\n");
        assertThat(parts).hasSize(2);
        assertThat(parts[0]).isEqualTo("SafeCity e-challan PSH-2026-000042: Exceeding the speed limit, vehicle PR4417, 2026-12-04 12:00:00 PKT at"
            + " Hayatabad Toll Plaza. Fine Rs 2000 due 2027-01-03. Pay with reference 000000004217. Details and contest:"
            + " https://safecity.example/portal/challans");
        assertThat(parts[1]).startsWith("ای چالان PSH-2026-000042: حد رفتار سے تجاوز، گاڑی PR4417، 2026-12-04 12:00:00 PKT، Hayatabad Toll Plaza۔")
            .contains("جرمانہ 2000 روپے", "آخری تاریخ 2027-01-03", "حوالہ 000000004217 سے ادائیگی کریں", "https://safecity.example/portal/challans");
    }

    @Test
    void a_challan_without_a_place_leaves_it_out_in_both() {
        String message = IssuingChallans.ownerMessage(challan(null), "https://safecity.example/portal/challans");

        assertThat(message).contains("PR4417, 2026-12-04 12:00:00 PKT. Fine", "PR4417، 2026-12-04 12:00:00 PKT۔").doesNotContain("null", "{");
    }

    private static Challan challan(String place) {
        return new Challan("PSH-2026-000042", 1, "PR4417", "OVER_SPEEDING", "Exceeding the speed limit", "car_jeep", 2000,
            Instant.parse("2026-12-04T07:00:00Z"), Instant.parse("2026-12-04T08:00:00Z"), LocalDate.of(2027, 1, 3), Challan.Status.ISSUED,
            "000000004217", new Challan.Owner("گل محمد خان", "1730112345671", "+92 300 5550000", null),
            new Placement(7, null, place, "PSH", null, null), null, null);
    }
}
