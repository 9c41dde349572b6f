package org.safecity.traffic.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.Measurements;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.Placement;
import org.safecity.traffic.internal.challans.FineSchedule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RuleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RuleType.Cameras EVERY_CAMERA = (field, id) ->
        id == null ? Optional.of(new InvalidInput.FieldError(field, "is required")) : Optional.empty();

    private static SignalRule cycle(int from, int to) {
        return new SignalRule("N", null, 90, from, to, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static AcceptedDetection detection(DetectionKind kind, String analytic) {
        return detection(kind, analytic, Measurements.NONE);
    }

    private static AcceptedDetection detection(DetectionKind kind, String analytic, Measurements measured) {
        return new AcceptedDetection(1, 1, "e-1", Placement.unknown(7), kind, Instant.EPOCH, Instant.EPOCH, "PSH1234", "PSH-1234", 0.9,
            null, null, analytic, measured);
    }

    private static AcceptedDetection speed(DetectionKind kind, double kmh) {
        return detection(kind, null, new Measurements(kmh, null, null, null, null, null, null, null, null));
    }

    private static AcceptedDetection heading(String direction) {
        return detection(DetectionKind.PLATE, null, new Measurements(null, direction, null, null, null, null, null, null, null));
    }

    private static JsonNode body(String json) {
        return JSON.readTree(json);
    }

    @Test
    void a_fixed_cycle_is_red_within_its_window_counted_from_the_epoch_in_every_cycle() {
        var rule = cycle(30, 60);

        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:00:29Z"))).isFalse();
        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:00:30Z"))).isTrue();
        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:00:59Z"))).isTrue();
        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:01:00Z"))).isFalse();
        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:02:10Z"))).isTrue(); // 130 s = second 40 of the second cycle
        assertThat(rule.fixedCycleRedAt(Instant.parse("2025-12-31T23:59:20Z"))).isTrue(); // before the epoch: second 50
    }

    @Test
    void a_red_window_may_wrap_the_end_of_the_cycle() {
        var rule = cycle(80, 10);

        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:01:25Z"))).isTrue();
        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:01:35Z"))).isTrue();
        assertThat(rule.fixedCycleRedAt(Instant.parse("2026-01-01T00:00:40Z"))).isFalse();
    }

    @Test
    void each_kind_is_named_by_its_record_and_every_kind_has_a_name() {
        assertThat(RuleType.KINDS).containsOnlyKeys("SIGNAL", "SPOT_SPEED", "AVERAGE_SPEED", "WRONG_WAY", "ANALYTIC");
        assertThat(new SpotSpeedRule(60, 5).kind()).isEqualTo("SPOT_SPEED");
    }

    @Test
    void a_kind_s_parameters_are_read_by_its_record_s_components_and_written_back_the_same() {
        var request = body("""
            {"cameraId": 7, "kind": "SIGNAL", "approach": " n ", "cycleSeconds": 120, "redFromSeconds": 0, "redToSeconds": 45,
             "cycleEpoch": "2026-01-01T00:00:00Z", "limitKmh": 60}""");

        RuleType read = RuleParameters.read("SIGNAL", request);

        assertThat(read).isEqualTo(new SignalRule("N", null, 120, 0, 45, Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(RuleParameters.fromJson("SIGNAL", RuleParameters.json(read))).isEqualTo(read);
        assertThat(RuleParameters.of(read)).containsOnlyKeys("approach", "cycleSeconds", "redFromSeconds", "redToSeconds", "cycleEpoch");
    }

    @Test
    void an_unknown_kind_and_a_value_of_the_wrong_type_are_the_caller_s_errors() {
        assertThatThrownBy(() -> RuleParameters.read("HOOTING", body("{}")))
            .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("kind"));
        assertThatThrownBy(() -> RuleParameters.read("SPOT_SPEED", body("{\"limitKmh\": \"sixty\"}")))
            .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("limitKmh"));
    }

    @Test
    void each_kind_names_what_is_missing_from_its_own_parameters() {
        assertThat(new SignalRule(null, null, null, null, null, null).problems(EVERY_CAMERA))
            .extracting(InvalidInput.FieldError::field).containsExactly("signalCameraId");
        assertThat(new AverageSpeedRule(null, 50, null, 60).problems(EVERY_CAMERA))
            .extracting(InvalidInput.FieldError::field).containsExactly("limitKmh", "toleranceKmh", "entryCameraId", "distanceM");
        assertThat(new WrongWayRule("  ").problems(EVERY_CAMERA)).extracting(InvalidInput.FieldError::field).containsExactly("allowedDirection");
        assertThat(new AnalyticRule("jaywalking").problems(EVERY_CAMERA)).extracting(InvalidInput.FieldError::field).containsExactly("analyticType");
        assertThat(new AnalyticRule("no_helmet").problems(EVERY_CAMERA)).isEmpty();
    }

    @Test
    void a_rule_watching_another_camera_says_which() {
        assertThat(new SignalRule("N", 12L, null, null, null, null).alsoWatches()).containsExactly(12L);
        assertThat(new AverageSpeedRule(13L, 900, 60, 0).alsoWatches()).containsExactly(13L);
        assertThat(new SpotSpeedRule(60, 0).alsoWatches()).isEmpty();
    }

    @Test
    void a_spot_speed_is_broken_only_above_the_limit_and_its_tolerance() {
        var rule = new SpotSpeedRule(60, 5);

        assertThat(rule.broken(speed(DetectionKind.PLATE, 65), null)).isEmpty();
        assertThat(rule.broken(speed(DetectionKind.PLATE, 65.5), null))
            .contains(Map.of("speedKmh", 65.5, "limitKmh", 60, "toleranceKmh", 5));
        assertThat(rule.broken(speed(DetectionKind.FACE, 90), null)).isEmpty();
        assertThat(rule.broken(detection(DetectionKind.PLATE, null), null)).as("no speed measured").isEmpty();
    }

    @Test
    void wrong_way_and_analytic_rules_look_at_their_own_kind_of_detection() {
        assertThat(new WrongWayRule("N").broken(heading("n"), null)).isEmpty();
        assertThat(new WrongWayRule("N").broken(heading("S"), null)).contains(Map.of("direction", "S", "allowedDirection", "N"));
        assertThat(new WrongWayRule("N").broken(detection(DetectionKind.PLATE, null), null)).as("no direction measured").isEmpty();
        assertThat(new AnalyticRule("no_helmet").broken(detection(DetectionKind.ANALYTIC, "no_helmet"), null))
            .contains(Map.of("analyticConfidence", 0.9));
        assertThat(new AnalyticRule("no_helmet").broken(detection(DetectionKind.ANALYTIC, "mobile_phone"), null)).isEmpty();
    }

    @Test
    void an_analytic_rule_finds_the_offence_its_analytic_stands_for() {
        assertThat(new AnalyticRule("triple_riding").defaultOffence()).isEqualTo("TRIPLE_RIDING");
        assertThat(new SignalRule("N", 1L, null, null, null, null).defaultOffence()).isEqualTo("SIGNAL_VIOLATION");
    }

    @Test
    void vehicle_types_as_cameras_report_them_fall_into_the_classes_of_the_fine_schedule() {
        assertThat(FineSchedule.vehicleClass("Motorcycle")).isEqualTo("motorcycle");
        assertThat(FineSchedule.vehicleClass("bus")).isEqualTo("htv");
        assertThat(FineSchedule.vehicleClass("rickshaw")).isEqualTo("ltv");
        assertThat(FineSchedule.vehicleClass(null)).isEqualTo("car_jeep");
    }
}
