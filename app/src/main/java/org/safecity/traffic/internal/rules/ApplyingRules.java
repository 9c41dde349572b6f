package org.safecity.traffic.internal.rules;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionKind;
import org.safecity.shared.Plate;
import org.safecity.traffic.internal.violations.RecordingViolations;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the configured rules over one group of detections: what the cameras a rule also watches tell
 * (signal phases, section entries) is remembered first, since it may arrive in the same group as the
 * plate read it concerns; then each detection at a rule's camera is checked by the rule's kind, and
 * the first rule it breaks becomes its one violation. A detection's details are read once.
 */
@Service
public class ApplyingRules {

    private final RuleStore rules;
    private final RecordingViolations recording;
    private final RoadMemory road;
    private final JsonMapper json = JsonMapper.builder().build();

    ApplyingRules(RuleStore rules, RecordingViolations recording, RoadMemory road) {
        this.rules = rules;
        this.recording = recording;
        this.road = road;
    }

    /** What a rule found: the offence, the plate (may be null for an analytic without one) and what was measured. */
    public record Finding(Rule rule, AcceptedDetection detection, String plate, String plateAsRead, Double confidence, String vehicleType,
                   Map<String, Object> measurement, JsonNode body) {
    }

    void apply(List<AcceptedDetection> detections) {
        Set<Long> cameras = detections.stream().map(AcceptedDetection::cameraId).collect(Collectors.toSet());
        List<Rule> concerned = rules.concerning(cameras);
        if (concerned.isEmpty()) {
            return; // the common case: no rule at these cameras
        }
        var bodies = new IdentityHashMap<AcceptedDetection, JsonNode>();
        for (AcceptedDetection d : detections) {
            for (Rule rule : concerned) {
                if (rule.type().alsoWatches().contains(d.cameraId())) {
                    rule.type().remember(d, bodies.computeIfAbsent(d, this::body), road);
                }
            }
        }
        for (AcceptedDetection d : detections) {
            for (Rule rule : concerned) {
                if (rule.cameraId() != d.cameraId()) {
                    continue;
                }
                JsonNode body = bodies.computeIfAbsent(d, this::body);
                Optional<Map<String, Object>> measured = rule.type().broken(d, body, road);
                if (measured.isPresent()) {
                    recording.record(d.kind() == DetectionKind.PLATE
                        ? plateFinding(rule, d, body, measured.get()) : fieldFinding(rule, d, body, measured.get()));
                    break; // one detection, at most one violation
                }
            }
        }
    }

    private static Finding plateFinding(Rule rule, AcceptedDetection d, JsonNode body, Map<String, Object> m) {
        return new Finding(rule, d, d.plate(), d.plateAsRead(), d.confidence(), vehicleType(body), m, body);
    }

    /** A speed or analytic item names its vehicle in an optional {@code plate} field, with its own confidence. */
    private static Finding fieldFinding(Rule rule, AcceptedDetection d, JsonNode body, Map<String, Object> m) {
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
        return new Finding(rule, d, plate, asRead, confidence, vehicleType(body), m, body);
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
}
