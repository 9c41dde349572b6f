package org.safecity.traffic.internal;

import static org.safecity.traffic.internal.RuleStore.ts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionKind;
import org.safecity.shared.Plate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the configured rules over one group of detections: signal phases and section entries are
 * remembered first (they may arrive in the same group as the plate read they concern), then each
 * detection at a rule's camera is checked, and the first rule it breaks becomes its one violation.
 */
@Service
class ApplyingRules {

    private final RuleStore rules;
    private final RecordingViolations recording;
    private final JdbcClient jdbc;
    private final TrafficSettings settings;
    private final JsonMapper json = JsonMapper.builder().build();

    ApplyingRules(RuleStore rules, RecordingViolations recording, JdbcClient jdbc, TrafficSettings settings) {
        this.rules = rules;
        this.recording = recording;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** What a rule found: the offence, the plate (may be null for an analytic without one) and what was measured. */
    record Finding(Rule rule, AcceptedDetection detection, String plate, String plateAsRead, Double confidence, String vehicleType,
                   Map<String, Object> measurement, JsonNode body) {
    }

    void apply(List<AcceptedDetection> detections) {
        Set<Long> cameras = detections.stream().map(AcceptedDetection::cameraId).collect(Collectors.toSet());
        List<Rule> concerned = rules.concerning(cameras);
        if (concerned.isEmpty()) {
            return; // the common case: no rule at these cameras
        }
        for (AcceptedDetection d : detections) {
            if (d.kind() == DetectionKind.SIGNAL && concerned.stream().anyMatch(r -> Long.valueOf(d.cameraId()).equals(r.signalCameraId()))) {
                JsonNode signal = body(d);
                jdbc.sql("insert into traffic.signal_phase (camera_id, approach, phase, at) values (?, ?, ?, ?) on conflict do nothing")
                    .params(d.cameraId(), approach(signal.path("approach").asString("")), signal.path("phase").asString(""),
                        ts(d.observedAt())).update();
            }
            if (d.kind() == DetectionKind.PLATE && concerned.stream().anyMatch(r -> Long.valueOf(d.cameraId()).equals(r.entryCameraId()))) {
                jdbc.sql("insert into traffic.passage (camera_id, plate, observed_at) values (?, ?, ?) on conflict do nothing")
                    .params(d.cameraId(), d.plate(), ts(d.observedAt())).update();
            }
        }
        for (AcceptedDetection d : detections) {
            for (Rule rule : concerned) {
                if (rule.cameraId() != d.cameraId()) {
                    continue;
                }
                Optional<Finding> finding = check(rule, d);
                if (finding.isPresent()) {
                    recording.record(finding.get());
                    break; // one detection, at most one violation
                }
            }
        }
    }

    private Optional<Finding> check(Rule rule, AcceptedDetection d) {
        JsonNode body = body(d);
        var m = new LinkedHashMap<String, Object>();
        return switch (rule.kind()) {
            case SIGNAL -> {
                if (d.kind() != DetectionKind.PLATE) {
                    yield Optional.empty();
                }
                String phase = phaseAt(rule, d.observedAt());
                if (!"red".equals(phase)) {
                    yield Optional.empty();
                }
                m.put("signalPhase", phase);
                if (rule.approach() != null) {
                    m.put("approach", rule.approach());
                }
                yield plateFinding(rule, d, body, m);
            }
            case SPOT_SPEED -> {
                if (d.kind() != DetectionKind.PLATE && d.kind() != DetectionKind.SPEED) {
                    yield Optional.empty();
                }
                JsonNode speed = body.path("speedKmh");
                if (!speed.isNumber() || speed.doubleValue() <= rule.limitKmh() + rule.toleranceKmh()) {
                    yield Optional.empty();
                }
                m.put("speedKmh", speed.doubleValue());
                m.put("limitKmh", rule.limitKmh());
                m.put("toleranceKmh", rule.toleranceKmh());
                yield d.kind() == DetectionKind.PLATE ? plateFinding(rule, d, body, m) : fieldFinding(rule, d, body, m);
            }
            case AVERAGE_SPEED -> {
                if (d.kind() != DetectionKind.PLATE) {
                    yield Optional.empty();
                }
                Optional<Instant> entered = jdbc.sql("""
                        select max(observed_at) as max from traffic.passage where camera_id = ? and plate = ? and observed_at < ? and observed_at > ?""")
                    .params(rule.entryCameraId(), d.plate(), ts(d.observedAt()), ts(d.observedAt().minus(settings.sectionTime())))
                    .query((rs, n) -> RuleStore.instant(rs, "max")).optional().filter(java.util.Objects::nonNull);
                if (entered.isEmpty()) {
                    yield Optional.empty();
                }
                double seconds = (d.observedAt().toEpochMilli() - entered.get().toEpochMilli()) / 1000.0;
                double average = rule.distanceM() / seconds * 3.6;
                if (average <= rule.limitKmh() + rule.toleranceKmh()) {
                    yield Optional.empty();
                }
                m.put("averageSpeedKmh", Math.round(average * 10) / 10.0);
                m.put("limitKmh", rule.limitKmh());
                m.put("toleranceKmh", rule.toleranceKmh());
                m.put("distanceM", rule.distanceM());
                m.put("enteredAt", entered.get().toString());
                yield plateFinding(rule, d, body, m);
            }
            case WRONG_WAY -> {
                String direction = body.path("direction").asString("");
                if (d.kind() != DetectionKind.PLATE || direction.isBlank() || direction.equalsIgnoreCase(rule.allowedDirection())) {
                    yield Optional.empty();
                }
                m.put("direction", direction);
                m.put("allowedDirection", rule.allowedDirection());
                yield plateFinding(rule, d, body, m);
            }
            case ANALYTIC -> {
                if (d.kind() != DetectionKind.ANALYTIC || !rule.analyticType().equals(d.analytic())) {
                    yield Optional.empty();
                }
                if (d.confidence() != null) {
                    m.put("analyticConfidence", d.confidence());
                }
                yield fieldFinding(rule, d, body, m);
            }
        };
    }

    /** The phase of the rule's approach at {@code at}: from the fixed cycle, or the latest recent signal report. */
    private String phaseAt(Rule rule, Instant at) {
        if (rule.usesFixedCycle()) {
            return rule.fixedCycleRedAt(at) ? "red" : "green";
        }
        return jdbc.sql("""
                select phase from traffic.signal_phase where camera_id = ? and approach = ? and at <= ? and at > ?
                order by at desc limit 1""")
            .params(rule.signalCameraId(), approach(rule.approach()), ts(at), ts(at.minus(settings.signalMemory())))
            .query(String.class).optional().orElse("unknown");
    }

    private Optional<Finding> plateFinding(Rule rule, AcceptedDetection d, JsonNode body, Map<String, Object> m) {
        return Optional.of(new Finding(rule, d, d.plate(), d.plateAsRead(), d.confidence(), vehicleType(body), m, body));
    }

    /** A speed or analytic item names its vehicle in an optional {@code plate} field, with its own confidence. */
    private Optional<Finding> fieldFinding(Rule rule, AcceptedDetection d, JsonNode body, Map<String, Object> m) {
        String plate = null;
        String asRead = null;
        String text = body.path("plate").isString() ? body.path("plate").stringValue() : body.path("plate").path("text").asString(null);
        if (text != null && !text.isBlank()) {
            try {
                var p = Plate.of(text);
                plate = p.normalised();
                asRead = p.asRead();
            } catch (IllegalArgumentException unreadable) {
                asRead = text.strip(); // left for the reviewer to correct
            }
        }
        Double confidence = d.confidence();
        JsonNode plateConfidence = body.path("plateConfidence");
        if (plateConfidence.isNumber()) {
            confidence = confidence == null ? plateConfidence.doubleValue() : Math.min(confidence, plateConfidence.doubleValue());
        }
        return Optional.of(new Finding(rule, d, plate, asRead, confidence, vehicleType(body), m, body));
    }

    private JsonNode body(AcceptedDetection d) {
        if (d.details() == null) {
            return json.createObjectNode();
        }
        return json.readTree(d.details()).path(d.kind().jsonName());
    }

    private static String vehicleType(JsonNode body) {
        String type = body.path("vehicleType").asString("");
        return type.isBlank() ? null : type.strip().toLowerCase(Locale.ROOT);
    }

    private static String approach(String approach) {
        return approach == null ? "" : approach.strip().toUpperCase(Locale.ROOT);
    }
}
