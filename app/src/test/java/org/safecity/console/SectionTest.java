package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.safecity.identity.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;

class SectionTest {

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    @Test
    void the_navigation_offers_each_section_to_exactly_the_roles_its_page_admits() {
        for (Section section : Section.values()) {
            Method page = pageAt(section.path());
            String rule = page.getAnnotation(PreAuthorize.class).value();
            Set<Role> admitted = ROLE.matcher(rule).results().map(m -> Role.valueOf(m.group(1))).collect(Collectors.toSet());

            assertThat(rule).as(section.path()).startsWith("hasAnyRole(");
            assertThat(admitted).as(section.path()).isEqualTo(section.roles());
        }
    }

    @Test
    void an_auditor_is_offered_no_map_or_rollout() {
        assertThat(Section.MAP.openTo(Set.of(Role.AUDITOR))).isFalse();
        assertThat(Section.ROLLOUT.openTo(Set.of(Role.AUDITOR))).isFalse();
        assertThat(Section.MAP.openTo(Set.of(Role.AUDITOR, Role.SUPERVISOR))).isTrue();
    }

    @Test
    void a_commercial_partner_sees_the_map_but_not_the_authoritys_rollout_plan() {
        assertThat(Section.MAP.openTo(Set.of(Role.PARTNER))).isTrue();
        assertThat(Section.ROLLOUT.openTo(Set.of(Role.PARTNER))).isFalse();
    }

    private static Method pageAt(String path) {
        return Arrays.stream(new Class<?>[] {OperationsMapPage.class, RolloutPage.class, IncidentPages.class, EvidencePages.class,
                AlertFeedPage.class, VehicleSearchPage.class, ChallanPages.class, VideoPages.class, WatchlistPages.class,
                VisionPages.class, AdminPages.class, PremisesCameraPage.class, CompliancePage.class})
            .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
            .filter(method -> method.isAnnotationPresent(GetMapping.class))
            .filter(method -> Arrays.asList(method.getAnnotation(GetMapping.class).value()).contains(path))
            .findFirst().orElseThrow(() -> new AssertionError("no page for " + path));
    }
}
