package org.safecity.registry.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.safecity.registry.CameraInstallation;
import org.safecity.registry.CameraType;
import org.safecity.registry.internal.sites.SiteStatus;

class DemoNetworkPlanTest {

    private static final LocalDate START = LocalDate.of(2026, 6, 1);

    @Test
    void phase_1_has_exactly_125_sites_and_710_cameras_and_phase_2_has_600_planned_sites() {
        var plan = DemoNetwork.plan(START, LocalDate.of(2026, 11, 25));

        assertThat(plan.sites().stream().filter(s -> s.phase() == 1)).hasSize(125);
        assertThat(plan.cameras()).hasSize(710);
        assertThat(plan.sites().stream().filter(s -> s.phase() == 2)).hasSize(600)
            .allMatch(s -> s.status() == SiteStatus.PLANNED);
    }

    @Test
    void site_names_are_unique_in_the_city() {
        var plan = DemoNetwork.plan(START, LocalDate.of(2026, 11, 25));

        var names = plan.sites().stream().map(s -> s.name().toLowerCase()).collect(Collectors.toSet());
        assertThat(names).hasSize(plan.sites().size());
    }

    @Test
    void junctions_get_an_anpr_pair_an_overview_and_a_ptz() {
        var plan = DemoNetwork.plan(START, LocalDate.of(2026, 11, 25));

        var chowkYadgar = plan.cameras().stream().filter(c -> c.siteName().equals("Chowk Yadgar")).map(DemoNetwork.CameraPlan::type)
            .toList();
        assertThat(chowkYadgar.stream().filter(t -> t == CameraType.ANPR).count()).isGreaterThanOrEqualTo(2);
        assertThat(chowkYadgar).contains(CameraType.FIXED, CameraType.PTZ);
    }

    @Test
    void nothing_is_installed_after_the_demo_day_or_today() {
        LocalDate earlyToday = LocalDate.of(2026, 10, 1);
        var plan = DemoNetwork.plan(START, earlyToday);

        assertThat(plan.cameras()).allSatisfy(c -> {
            if (c.installedOn() != null) {
                assertThat(c.installedOn()).isBeforeOrEqualTo(earlyToday).isAfterOrEqualTo(START);
            }
        });
        assertThat(plan.cameras().stream().map(DemoNetwork.CameraPlan::status).collect(Collectors.toSet()))
            .contains(CameraInstallation.INSTALLED, CameraInstallation.PLANNED);
    }

    @Test
    void a_ptz_camera_has_no_heading_and_the_others_do() {
        var plan = DemoNetwork.plan(START, LocalDate.of(2026, 11, 25));

        assertThat(plan.cameras()).allSatisfy(c -> {
            if (c.type() == CameraType.PTZ) {
                assertThat(c.heading()).isNull();
            } else {
                assertThat(c.heading()).isBetween(0, 359);
                assertThat(c.fieldOfView()).isBetween(1, 360);
            }
        });
    }

    @Test
    void every_site_lies_in_a_peshawar_zone() {
        var plan = DemoNetwork.plan(START, LocalDate.of(2026, 11, 25));
        var zones = new HashSet<String>();
        plan.zones().forEach(z -> zones.add(z.code()));

        assertThat(plan.sites()).allSatisfy(s -> assertThat(zones).contains(s.zoneCode()));
    }
}
