package org.safecity.registry.internal.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SiteProgressPolicyTest {

    private static final LocalDate JUNE = LocalDate.of(2026, 6, 10);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 10);

    @Test
    void a_planned_site_is_surveyed_on_the_given_day() {
        var outcome = SiteProgressPolicy.decide(SiteStatus.PLANNED, SiteStatus.SURVEYED, JUNE, SiteProgressPolicy.Dates.NONE);

        assertThat(outcome).isEqualTo(new SiteProgressPolicy.Moved(SiteStatus.SURVEYED,
            new SiteProgressPolicy.Dates(JUNE, null, null)));
    }

    @Test
    void skipped_steps_take_the_same_day() {
        var outcome = SiteProgressPolicy.decide(SiteStatus.SURVEYED, SiteStatus.COMMISSIONED, JULY,
            new SiteProgressPolicy.Dates(JUNE, null, null));

        assertThat(outcome).isEqualTo(new SiteProgressPolicy.Moved(SiteStatus.COMMISSIONED,
            new SiteProgressPolicy.Dates(JUNE, JULY, JULY)));
    }

    @Test
    void going_back_is_refused() {
        var outcome = SiteProgressPolicy.decide(SiteStatus.INSTALLED, SiteStatus.SURVEYED, JULY,
            new SiteProgressPolicy.Dates(JUNE, JUNE, null));

        assertThat(outcome).isInstanceOf(SiteProgressPolicy.Refused.class);
    }

    @Test
    void a_step_dated_before_the_previous_one_is_refused() {
        var outcome = SiteProgressPolicy.decide(SiteStatus.SURVEYED, SiteStatus.INSTALLED, JUNE.minusDays(1),
            new SiteProgressPolicy.Dates(JUNE, null, null));

        assertThat(outcome).isInstanceOf(SiteProgressPolicy.Refused.class);
    }

    @Test
    void staying_put_changes_nothing() {
        assertThat(SiteProgressPolicy.decide(SiteStatus.INSTALLED, SiteStatus.INSTALLED, JULY, SiteProgressPolicy.Dates.NONE))
            .isInstanceOf(SiteProgressPolicy.Unchanged.class);
    }
}
