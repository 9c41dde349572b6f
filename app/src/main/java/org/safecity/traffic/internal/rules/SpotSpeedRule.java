package org.safecity.traffic.internal.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionKind;
import org.safecity.shared.InvalidInput.FieldError;

/** A speed measured at one point (by the camera's radar or the plate read's speed) above the limit and its tolerance. */
public record SpotSpeedRule(Integer limitKmh, Integer toleranceKmh) implements RuleType {

    public SpotSpeedRule {
        toleranceKmh = toleranceKmh == null ? 0 : toleranceKmh;
    }

    @Override
    public String defaultOffence() {
        return "OVER_SPEEDING";
    }

    @Override
    public List<FieldError> problems(Cameras cameras) {
        return limitProblems(limitKmh, toleranceKmh);
    }

    /** A speed limit and its tolerance, as every speed rule takes them. */
    static List<FieldError> limitProblems(Integer limitKmh, Integer toleranceKmh) {
        var problems = new ArrayList<FieldError>();
        if (limitKmh == null || limitKmh <= 0 || limitKmh > 200) {
            problems.add(new FieldError("limitKmh", "is required: the speed limit, 1 to 200 km/h"));
        }
        if (toleranceKmh != null && (toleranceKmh < 0 || toleranceKmh > 50)) {
            problems.add(new FieldError("toleranceKmh", "must be 0 to 50 km/h"));
        }
        return problems;
    }

    @Override
    public Optional<Map<String, Object>> broken(AcceptedDetection d, RoadMemory road) {
        if (d.kind() != DetectionKind.PLATE && d.kind() != DetectionKind.SPEED) {
            return Optional.empty();
        }
        Double speed = d.measurements().speedKmh();
        if (speed == null || speed <= limitKmh + toleranceKmh) {
            return Optional.empty();
        }
        var measured = new LinkedHashMap<String, Object>();
        measured.put("speedKmh", speed);
        measured.put("limitKmh", limitKmh);
        measured.put("toleranceKmh", toleranceKmh);
        return Optional.of(measured);
    }
}
