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
 * A vehicle read at the stop line while its approach's signal is red. The phase comes from the
 * signal head's own reports ({@code signalCameraId}) or, for a head that reports nothing, from a
 * fixed cycle: red from {@code redFromSeconds} to {@code redToSeconds} of each {@code cycleSeconds}
 * counted from {@code cycleEpoch}.
 */
public record SignalRule(String approach, Long signalCameraId, Integer cycleSeconds, Integer redFromSeconds, Integer redToSeconds,
                  Instant cycleEpoch) implements RuleType {

    public SignalRule {
        approach = approach == null || approach.isBlank() ? null : RoadMemory.approach(approach);
        if (signalCameraId != null) {
            cycleSeconds = redFromSeconds = redToSeconds = null;
            cycleEpoch = null;
        }
    }

    @Override
    public String defaultOffence() {
        return "SIGNAL_VIOLATION";
    }

    @Override
    public List<FieldError> problems(Cameras cameras) {
        var problems = new ArrayList<FieldError>();
        if (signalCameraId != null) {
            cameras.check("signalCameraId", signalCameraId).ifPresent(problems::add);
        } else if (cycleSeconds == null || redFromSeconds == null || redToSeconds == null || cycleEpoch == null) {
            problems.add(new FieldError("signalCameraId", "or a fixed cycle (cycleSeconds, redFromSeconds, redToSeconds, cycleEpoch) is required"));
        } else if (cycleSeconds <= 0 || redFromSeconds < 0 || redToSeconds < 0 || redFromSeconds >= cycleSeconds
            || redToSeconds > cycleSeconds || redFromSeconds.equals(redToSeconds)) {
            problems.add(new FieldError("cycleSeconds", "the red window must lie within the cycle and not be empty"));
        }
        return problems;
    }

    @Override
    public List<Long> alsoWatches() {
        return signalCameraId == null ? List.of() : List.of(signalCameraId);
    }

    @Override
    public void remember(AcceptedDetection d, RoadMemory road) {
        var m = d.measurements();
        if (d.kind() == DetectionKind.SIGNAL && signalCameraId != null && d.cameraId() == signalCameraId && m.signalPhase() != null) {
            road.signalPhase(d.cameraId(), m.approach(), m.signalPhase().name().toLowerCase(java.util.Locale.ROOT), d.observedAt());
        }
    }

    @Override
    public Optional<Map<String, Object>> broken(AcceptedDetection d, RoadMemory road) {
        if (d.kind() != DetectionKind.PLATE) {
            return Optional.empty();
        }
        String phase = signalCameraId == null
            ? (fixedCycleRedAt(d.observedAt()) ? "red" : "green")
            : road.phaseAt(signalCameraId, approach, d.observedAt());
        if (!"red".equals(phase)) {
            return Optional.empty();
        }
        var measured = new LinkedHashMap<String, Object>();
        measured.put("signalPhase", phase);
        if (approach != null) {
            measured.put("approach", approach);
        }
        return Optional.of(measured);
    }

    /** Whether the fixed cycle is red at {@code at}: the second within the cycle lies in the red window. */
    boolean fixedCycleRedAt(Instant at) {
        long second = Math.floorMod(at.getEpochSecond() - cycleEpoch.getEpochSecond(), (long) cycleSeconds);
        return redFromSeconds <= redToSeconds
            ? second >= redFromSeconds && second < redToSeconds
            : second >= redFromSeconds || second < redToSeconds; // the red window wraps the cycle's end
    }
}
