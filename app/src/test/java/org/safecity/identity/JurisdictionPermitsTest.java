package org.safecity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a person may act: the one rule every read and write is checked against. */
class JurisdictionPermitsTest {

    private static final Jurisdiction PESHAWAR = Jurisdiction.city("PSH");
    private static final Jurisdiction GULBAHAR = new Jurisdiction("PSH", "GULBAHAR");
    private static final Jurisdiction MARDAN = Jurisdiction.city("MRD");

    @Test
    void the_province_acts_anywhere() {
        assertThat(Jurisdiction.PROVINCE.permits(Jurisdiction.PROVINCE)).isTrue();
        assertThat(Jurisdiction.PROVINCE.permits(PESHAWAR)).isTrue();
        assertThat(Jurisdiction.PROVINCE.permits(GULBAHAR)).isTrue();
    }

    @Test
    void a_city_acts_on_itself_and_its_zones() {
        assertThat(PESHAWAR.permits(PESHAWAR)).isTrue();
        assertThat(PESHAWAR.permits(GULBAHAR)).isTrue();
    }

    @Test
    void a_city_never_acts_on_the_whole_province_or_another_city() {
        assertThat(MARDAN.permits(Jurisdiction.PROVINCE)).isFalse();
        assertThat(MARDAN.permits(PESHAWAR)).isFalse();
        assertThat(MARDAN.permits(GULBAHAR)).isFalse();
    }

    @Test
    void a_zone_acts_on_itself_only_not_on_its_city_or_another_zone() {
        assertThat(GULBAHAR.permits(GULBAHAR)).isTrue();
        assertThat(GULBAHAR.permits(PESHAWAR)).isFalse();
        assertThat(GULBAHAR.permits(new Jurisdiction("PSH", "SADDAR"))).isFalse();
    }

    @Test
    void reads_are_filtered_by_the_same_rule() {
        assertThat(MARDAN.covers("PSH", null)).isEqualTo(MARDAN.permits(PESHAWAR));
        assertThat(GULBAHAR.covers("PSH", null)).isEqualTo(GULBAHAR.permits(PESHAWAR));
        assertThat(PESHAWAR.covers(null, null)).isFalse();
        assertThat(Jurisdiction.PROVINCE.covers(null, null)).isTrue();
    }
}
