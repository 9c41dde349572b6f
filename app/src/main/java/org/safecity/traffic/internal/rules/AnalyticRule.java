package org.safecity.traffic.internal.rules;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionKind;
import org.safecity.shared.InvalidInput.FieldError;

/** An offence a camera's video analytics recognise by themselves (a rider without a helmet, say). */
record AnalyticRule(String analyticType) implements RuleType {

    @Override
    public String defaultOffence() {
        return OffenceAnalytic.of(analyticType).map(OffenceAnalytic::offence).orElse(null);
    }

    @Override
    public List<FieldError> problems(Cameras cameras) {
        return OffenceAnalytic.of(analyticType).isPresent() ? List.of() : List.of(new FieldError("analyticType",
            "must be one of " + String.join(", ", Arrays.stream(OffenceAnalytic.values()).map(OffenceAnalytic::type).toList())));
    }

    @Override
    public Optional<Map<String, Object>> broken(AcceptedDetection d, RoadMemory road) {
        if (d.kind() != DetectionKind.ANALYTIC || !analyticType.equals(d.analytic())) {
            return Optional.empty();
        }
        var measured = new LinkedHashMap<String, Object>();
        if (d.confidence() != null) {
            measured.put("analyticConfidence", d.confidence());
        }
        return Optional.of(measured);
    }
}
