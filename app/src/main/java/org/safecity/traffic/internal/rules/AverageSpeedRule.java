package org.safecity.traffic.internal.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionKind;
import org.safecity.shared.InvalidInput.FieldError;

/**
 * A section of road: a plate read at the entry camera and again at the rule's camera (the exit)
 * sooner than the limit allows for {@code distanceM} of road.
 */
record AverageSpeedRule(Long entryCameraId, Integer distanceM, Integer limitKmh, Integer toleranceKmh) implements RuleType {

    AverageSpeedRule {
        toleranceKmh = toleranceKmh == null ? 0 : toleranceKmh;
    }

    @Override
    public String defaultOffence() {
        return "OVER_SPEEDING";
    }

    @Override
    public List<FieldError> problems(Cameras cameras) {
        var problems = new ArrayList<>(SpotSpeedRule.limitProblems(limitKmh, toleranceKmh));
        cameras.check("entryCameraId", entryCameraId).ifPresent(problems::add);
        if (distanceM == null || distanceM < 100) {
            problems.add(new FieldError("distanceM", "is required: the road distance between the cameras, at least 100 m"));
        }
        return problems;
    }

    @Override
    public List<Long> alsoWatches() {
        return List.of(entryCameraId);
    }

    @Override
    public void remember(AcceptedDetection d, RoadMemory road) {
        if (d.kind() == DetectionKind.PLATE && d.cameraId() == entryCameraId) {
            road.passage(d.cameraId(), d.plate(), d.observedAt());
        }
    }

    @Override
    public Optional<Map<String, Object>> broken(AcceptedDetection d, RoadMemory road) {
        if (d.kind() != DetectionKind.PLATE) {
            return Optional.empty();
        }
        Optional<Instant> entered = road.enteredAt(entryCameraId, d.plate(), d.observedAt());
        if (entered.isEmpty()) {
            return Optional.empty();
        }
        double seconds = (d.observedAt().toEpochMilli() - entered.get().toEpochMilli()) / 1000.0;
        double average = distanceM / seconds * 3.6;
        if (average <= limitKmh + toleranceKmh) {
            return Optional.empty();
        }
        var measured = new LinkedHashMap<String, Object>();
        measured.put("averageSpeedKmh", Math.round(average * 10) / 10.0);
        measured.put("limitKmh", limitKmh);
        measured.put("toleranceKmh", toleranceKmh);
        measured.put("distanceM", distanceM);
        measured.put("enteredAt", entered.get().toString());
        return Optional.of(measured);
    }
}
