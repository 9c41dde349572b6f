package org.safecity.traffic.internal.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.safecity.detections.AcceptedDetection;
import org.safecity.shared.InvalidInput;

/**
 * What a rule checks: one record per kind of rule, holding that kind's parameters. Each kind says
 * what is wrong with its parameters, which other cameras' detections it needs remembered, and whether
 * a detection at the rule's camera breaks it. A new kind of rule is one new record and its test: the
 * table keeps each kind's parameters as JSON, and the API reads and writes them by the record's
 * components, under the kind's name ({@code SpotSpeedRule} is {@code SPOT_SPEED}).
 */
sealed interface RuleType permits SignalRule, SpotSpeedRule, AverageSpeedRule, WrongWayRule, AnalyticRule {

    /** Every kind by its name in the API and the table. */
    Map<String, Class<? extends RuleType>> KINDS = Arrays.stream(RuleType.class.getPermittedSubclasses())
        .map(c -> c.asSubclass(RuleType.class))
        .collect(Collectors.toUnmodifiableMap(RuleType::nameOf, Function.identity()));

    /** The offence a rule of this kind finds unless its administrator names another; null when it has none. */
    String defaultOffence();

    /** What is wrong with the parameters, field by field; empty when the rule can be stored. */
    List<InvalidInput.FieldError> problems(Cameras cameras);

    /** Cameras besides the rule's own whose detections the rule needs: a signal head, a section's entry. */
    default List<Long> alsoWatches() {
        return List.of();
    }

    /** Keeps what a detection of a camera in {@link #alsoWatches()} tells the rule later (a phase, a passage). */
    default void remember(AcceptedDetection detection, RoadMemory road) {
    }

    /** What was measured when {@code detection}, seen by the rule's camera, breaks the rule; empty when it does not. */
    Optional<Map<String, Object>> broken(AcceptedDetection detection, RoadMemory road);

    default String kind() {
        return nameOf(getClass());
    }

    /** Checks a camera a rule names: answers the field's error, or empty when the camera is in service and within reach. */
    @FunctionalInterface
    interface Cameras {
        Optional<InvalidInput.FieldError> check(String field, Long cameraId);
    }

    private static String nameOf(Class<? extends RuleType> kind) {
        String words = kind.getSimpleName().replaceFirst("Rule$", "");
        return words.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
}
