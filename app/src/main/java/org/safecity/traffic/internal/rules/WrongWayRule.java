package org.safecity.traffic.internal.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionKind;
import org.safecity.shared.InvalidInput.FieldError;

/** A one-way road: a plate read travelling in any direction but the one allowed. */
public record WrongWayRule(String allowedDirection) implements RuleType {

    public WrongWayRule {
        allowedDirection = allowedDirection == null ? null : allowedDirection.strip();
    }

    @Override
    public String defaultOffence() {
        return "WRONG_WAY";
    }

    @Override
    public List<FieldError> problems(Cameras cameras) {
        return allowedDirection == null || allowedDirection.isEmpty()
            ? List.of(new FieldError("allowedDirection", "is required: the one direction allowed on this road"))
            : List.of();
    }

    @Override
    public Optional<Map<String, Object>> broken(AcceptedDetection d, RoadMemory road) {
        String direction = d.measurements().direction();
        if (d.kind() != DetectionKind.PLATE || direction == null || direction.equalsIgnoreCase(allowedDirection)) {
            return Optional.empty();
        }
        var measured = new LinkedHashMap<String, Object>();
        measured.put("direction", direction);
        measured.put("allowedDirection", allowedDirection);
        return Optional.of(measured);
    }
}
