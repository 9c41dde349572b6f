package org.safecity.traffic.internal.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionKind;
import org.safecity.shared.Plate;
import org.safecity.traffic.internal.violations.RecordingViolations;
import org.springframework.stereotype.Service;

/**
 * Runs the configured rules over one group of detections: what the cameras a rule also watches tell
 * (signal phases, section entries) is remembered first, since it may arrive in the same group as the
 * plate read it concerns; then each detection at a rule's camera is checked by the rule's kind, and
 * the first rule it breaks becomes its one violation. What a detection measured comes read already
 * ({@link org.safecity.detections.Measurements}): no rule parses the device's JSON.
 */
@Service
public class ApplyingRules {

    private final RuleStore rules;
    private final RecordingViolations recording;
    private final RoadMemory road;

    ApplyingRules(RuleStore rules, RecordingViolations recording, RoadMemory road) {
        this.rules = rules;
        this.recording = recording;
        this.road = road;
    }

    /** What a rule found: the offence, the plate (may be null for an analytic without one) and what was measured. */
    public record Finding(Rule rule, AcceptedDetection detection, String plate, String plateAsRead, Double confidence, String vehicleType,
                   Map<String, Object> measurement) {
    }

    void apply(List<AcceptedDetection> detections) {
        Set<Long> cameras = detections.stream().map(AcceptedDetection::cameraId).collect(Collectors.toSet());
        List<Rule> concerned = rules.concerning(cameras);
        if (concerned.isEmpty()) {
            return; // the common case: no rule at these cameras
        }
        for (AcceptedDetection d : detections) {
            for (Rule rule : concerned) {
                if (rule.type().alsoWatches().contains(d.cameraId())) {
                    rule.type().remember(d, road);
                }
            }
        }
        for (AcceptedDetection d : detections) {
            for (Rule rule : concerned) {
                if (rule.cameraId() != d.cameraId()) {
                    continue;
                }
                Optional<Map<String, Object>> measured = rule.type().broken(d, road);
                if (measured.isPresent()) {
                    recording.record(d.kind() == DetectionKind.PLATE ? plateFinding(rule, d, measured.get()) : fieldFinding(rule, d,
                        measured.get()));
                    break; // one detection, at most one violation
                }
            }
        }
    }

    private static Finding plateFinding(Rule rule, AcceptedDetection d, Map<String, Object> m) {
        return new Finding(rule, d, d.plate(), d.plateAsRead(), d.confidence(), d.measurements().vehicleType(), m);
    }

    /** A speed or analytic item names its vehicle in an optional {@code plate} field, with its own confidence. */
    private static Finding fieldFinding(Rule rule, AcceptedDetection d, Map<String, Object> m) {
        String plate = null;
        String asRead = null;
        String text = d.measurements().namedPlate();
        if (text != null) {
            try {
                var p = Plate.of(text);
                plate = p.normalised();
                asRead = p.asRead();
            } catch (IllegalArgumentException unreadable) {
                asRead = text; // left for the reviewer to correct
            }
        }
        Double confidence = d.confidence();
        Double plateConfidence = d.measurements().plateConfidence();
        if (plateConfidence != null) {
            confidence = confidence == null ? plateConfidence : Math.min(confidence, plateConfidence);
        }
        return new Finding(rule, d, plate, asRead, confidence, d.measurements().vehicleType(), m);
    }
}
