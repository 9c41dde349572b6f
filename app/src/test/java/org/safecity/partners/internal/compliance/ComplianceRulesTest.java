package org.safecity.partners.internal.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safecity.partners.internal.cameras.Resolution;
import org.safecity.partners.internal.premises.Registration;
import org.safecity.registry.CameraPresence.Observed;

class ComplianceRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final ComplianceRules.Settings SETTINGS = new ComplianceRules.Settings(Duration.ofDays(7), Duration.ofMinutes(15));
    private static final Requirement SCHOOL = new Requirement("SCHOOL", LocalDate.of(2025, 1, 1), "School", 2,
        List.of("gate", "boundary wall"), 1280, 720, 30, false, 0.1, 21);
    private static final LocalDate APPLIES = LocalDate.of(2026, 1, 1);

    private static ComplianceRules.CameraFacts camera(long id, String resolution, Set<String> points) {
        return new ComplianceRules.CameraFacts(id, "cam " + id, Resolution.parse(resolution).orElse(null), points, Observed.ONLINE,
            NOW, NOW.minus(Duration.ofDays(30)), 1.0);
    }

    private static Compliance assess(List<ComplianceRules.CameraFacts> cameras) {
        return ComplianceRules.assess(Registration.REGISTERED, APPLIES, "SCHOOL", Optional.of(SCHOOL), cameras, NOW, SETTINGS);
    }

    private static List<String> codes(Compliance c) {
        return c.reasons().stream().map(Compliance.Reason::code).toList();
    }

    @Test
    void a_premises_meeting_every_requirement_is_compliant() {
        var c = assess(List.of(camera(1, "1920x1080", Set.of("gate")), camera(2, "1280x720", Set.of("boundary wall"))));
        assertThat(c).isInstanceOf(Compliance.Compliant.class);
        assertThat(c.reasons()).isEmpty();
    }

    @Test
    void a_listed_premises_is_not_registered_and_an_applicant_is_pending_whatever_its_cameras() {
        var cameras = List.of(camera(1, "1920x1080", Set.of("gate")), camera(2, "1920x1080", Set.of("boundary wall")));
        assertThat(ComplianceRules.assess(Registration.LISTED, APPLIES, "SCHOOL", Optional.of(SCHOOL), cameras, NOW, SETTINGS).status())
            .isEqualTo(Compliance.Status.NOT_REGISTERED);
        assertThat(ComplianceRules.assess(Registration.REFUSED, APPLIES, "SCHOOL", Optional.of(SCHOOL), cameras, NOW, SETTINGS).status())
            .isEqualTo(Compliance.Status.NOT_REGISTERED);
        var applied = ComplianceRules.assess(Registration.APPLIED, APPLIES, "SCHOOL", Optional.of(SCHOOL), cameras, NOW, SETTINGS);
        assertThat(applied.status()).isEqualTo(Compliance.Status.PENDING);
        assertThat(codes(applied)).containsExactly("AWAITING_APPROVAL");
    }

    @Test
    void before_the_act_applies_a_registered_premises_is_pending_with_the_day_it_will() {
        var c = ComplianceRules.assess(Registration.REGISTERED, LocalDate.of(2027, 7, 1), "SCHOOL", Optional.of(SCHOOL), List.of(), NOW,
            SETTINGS);
        assertThat(c.status()).isEqualTo(Compliance.Status.PENDING);
        assertThat(c.reasons().getFirst().message()).contains("2027-07-01");
    }

    @Test
    void a_category_without_a_requirement_in_force_is_pending_rather_than_judged() {
        var c = ComplianceRules.assess(Registration.REGISTERED, APPLIES, "ZOO", Optional.empty(), List.of(), NOW, SETTINGS);
        assertThat(codes(c)).containsExactly("NO_REQUIREMENT_IN_FORCE");
    }

    @Test
    void every_failing_rule_is_a_reason_none_hides_another() {
        var silent = new ComplianceRules.CameraFacts(3, "cam 3", null, Set.of(), Observed.OFFLINE, NOW.minus(Duration.ofHours(2)),
            NOW.minus(Duration.ofDays(30)), 0.5);
        var c = assess(List.of(silent));
        assertThat(c).isInstanceOf(Compliance.NonCompliant.class);
        assertThat(codes(c)).containsExactlyInAnyOrder("TOO_FEW_CAMERAS", "POINT_NOT_COVERED", "POINT_NOT_COVERED",
            "RESOLUTION_UNKNOWN", "NOT_HEARD_FROM", "OFFLINE_TOO_OFTEN");
        assertThat(c.reasons()).filteredOn(r -> r instanceof Compliance.TooFewCameras)
            .singleElement().extracting(Compliance.Reason::message).isEqualTo("1 camera is connected; the category requires at least 2.");
        assertThat(c.reasons()).filteredOn(r -> r instanceof Compliance.OfflineTooOften).singleElement()
            .extracting(Compliance.Reason::message).asString().contains("50.0%").contains("10.0%").contains("7 days");
    }

    @Test
    void a_camera_below_the_minimum_resolution_is_named_with_what_it_records_and_what_is_required() {
        var c = assess(List.of(camera(1, "1920x1080", Set.of("gate")), camera(2, "704x576", Set.of("boundary wall"))));
        assertThat(c.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("RESOLUTION_BELOW_MINIMUM");
            assertThat(r.cameraId()).isEqualTo(2L);
            assertThat(r.message()).contains("704x576").contains("1280x720");
        });
    }

    @Test
    void a_portrait_camera_is_measured_turned() {
        var c = assess(List.of(camera(1, "1080x1920", Set.of("gate")), camera(2, "1280x720", Set.of("boundary wall"))));
        assertThat(c.status()).isEqualTo(Compliance.Status.COMPLIANT);
    }

    @Test
    void a_camera_offline_less_than_the_allowed_share_and_heard_now_is_fine_more_is_not() {
        var cameras = new ArrayList<>(List.of(camera(1, "1920x1080", Set.of("gate", "boundary wall"))));
        cameras.add(new ComplianceRules.CameraFacts(2, "cam 2", new Resolution(1920, 1080), Set.of(), Observed.ONLINE, NOW,
            NOW.minus(Duration.ofDays(30)), 0.91));
        assertThat(assess(cameras).status()).isEqualTo(Compliance.Status.COMPLIANT);
        cameras.set(1, new ComplianceRules.CameraFacts(2, "cam 2", new Resolution(1920, 1080), Set.of(), Observed.ONLINE, NOW,
            NOW.minus(Duration.ofDays(30)), 0.89));
        assertThat(codes(assess(cameras))).containsExactly("OFFLINE_TOO_OFTEN");
    }

    @Test
    void a_camera_silent_longer_than_allowed_makes_the_premises_non_compliant_a_short_silence_does_not() {
        var first = camera(1, "1920x1080", Set.of("gate", "boundary wall"));
        var briefly = new ComplianceRules.CameraFacts(2, "cam 2", new Resolution(1920, 1080), Set.of(), Observed.OFFLINE,
            NOW.minus(Duration.ofMinutes(10)), NOW.minus(Duration.ofDays(30)), 0.99);
        assertThat(assess(List.of(first, briefly)).status()).isEqualTo(Compliance.Status.COMPLIANT);
        var long_ = new ComplianceRules.CameraFacts(2, "cam 2", new Resolution(1920, 1080), Set.of(), Observed.OFFLINE,
            NOW.minus(Duration.ofMinutes(20)), NOW.minus(Duration.ofDays(30)), 0.99);
        assertThat(codes(assess(List.of(first, long_)))).containsExactly("NOT_HEARD_FROM");
    }

    @Test
    void a_new_camera_never_heard_gets_the_allowed_silence_to_start_sending() {
        var first = camera(1, "1920x1080", Set.of("gate", "boundary wall"));
        var fresh = new ComplianceRules.CameraFacts(2, "cam 2", new Resolution(1920, 1080), Set.of(), Observed.UNKNOWN, null,
            NOW.minus(Duration.ofMinutes(5)), 1.0);
        assertThat(assess(List.of(first, fresh)).status()).isEqualTo(Compliance.Status.COMPLIANT);
        var stale = new ComplianceRules.CameraFacts(2, "cam 2", new Resolution(1920, 1080), Set.of(), Observed.UNKNOWN, null,
            NOW.minus(Duration.ofHours(1)), 1.0);
        assertThat(assess(List.of(first, stale)).reasons()).singleElement()
            .extracting(Compliance.Reason::message).asString().contains("never sent video");
    }

    @Test
    void uptime_is_counted_from_when_a_camera_joined_not_from_before_it_existed() {
        Instant windowStart = NOW.minus(Duration.ofDays(7));
        // joined a day ago and heard all of that day: 1/7 of the window, all of its own time
        double share = ComplianceRules.heardShareSinceJoining(1.0 / 7, windowStart, NOW, NOW.minus(Duration.ofDays(1)));
        assertThat(share).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ComplianceRules.heardShareSinceJoining(0.5, windowStart, NOW, NOW.minus(Duration.ofDays(30)))).isEqualTo(0.5);
        assertThat(ComplianceRules.heardShareSinceJoining(0.0, windowStart, NOW, NOW.plusSeconds(60))).isEqualTo(1.0);
    }

    @Test
    void the_requirement_in_force_is_the_latest_that_took_effect_by_the_day() {
        var later = new Requirement("SCHOOL", LocalDate.of(2026, 7, 1), "School", 4, List.of("gate"), 1920, 1080, 30, false, 0.1, 14);
        var all = List.of(SCHOOL, later);
        assertThat(Requirement.inForce(all, "SCHOOL", LocalDate.of(2026, 6, 30))).contains(SCHOOL);
        assertThat(Requirement.inForce(all, "SCHOOL", LocalDate.of(2026, 7, 1))).contains(later);
        assertThat(Requirement.inForce(all, "SCHOOL", LocalDate.of(2024, 12, 31))).isEmpty();
    }

    @Test
    void a_failed_latest_inspection_is_a_reason_a_passed_one_is_not() {
        var cameras = List.of(camera(1, "1920x1080", Set.of("gate")), camera(2, "1280x720", Set.of("boundary wall")));
        var failed = new ComplianceRules.LastInspection(LocalDate.of(2026, 12, 1), false, "Gate camera faces a wall.");
        var passed = new ComplianceRules.LastInspection(LocalDate.of(2026, 12, 3), true, null);
        var c = ComplianceRules.assess(Registration.REGISTERED, APPLIES, "SCHOOL", Optional.of(SCHOOL), cameras, Optional.of(failed), NOW,
            SETTINGS);
        assertThat(codes(c)).containsExactly("INSPECTION_FAILED");
        assertThat(c.reasons().getFirst().message()).contains("2026-12-01").contains("Gate camera faces a wall.");
        assertThat(ComplianceRules.assess(Registration.REGISTERED, APPLIES, "SCHOOL", Optional.of(SCHOOL), cameras, Optional.of(passed), NOW,
            SETTINGS).status()).isEqualTo(Compliance.Status.COMPLIANT);
    }
}
