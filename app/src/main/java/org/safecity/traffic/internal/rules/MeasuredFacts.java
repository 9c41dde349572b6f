package org.safecity.traffic.internal.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.safecity.shared.ShownTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a rule measured, in the words a notice prints (the console's {@code traffic.js} shows the same
 * facts): a speeding notice that left out the speed and the limit would not tell the owner the offence.
 */
public final class MeasuredFacts {

    /** {@code key} names the measurement (e.g. {@code speedKmh}); {@code label} is its English name. */
    public record Fact(String key, String label, String value) {
    }

    private record Shown(String key, String label, Function<JsonNode, String> show) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Shown> SHOWN = List.of(
        new Shown("speedKmh", "Measured speed", v -> number(v) + " km/h"),
        new Shown("averageSpeedKmh", "Average speed", v -> number(v) + " km/h"),
        new Shown("limitKmh", "Speed limit", v -> number(v) + " km/h"),
        new Shown("toleranceKmh", "Tolerance", v -> number(v) + " km/h"),
        new Shown("distanceM", "Section length", v -> number(v) + " m"),
        new Shown("enteredAt", "Entered the section", v -> ShownTime.of(Instant.parse(v.asString()))),
        new Shown("signalPhase", "Signal", v -> words(v.asString())),
        new Shown("approach", "Approach", JsonNode::asString),
        new Shown("direction", "Direction of travel", v -> words(v.asString())),
        new Shown("allowedDirection", "Allowed direction", v -> words(v.asString())),
        new Shown("analyticConfidence", "Analytic confidence", v -> Math.round(v.asDouble() <= 1 ? v.asDouble() * 100 : v.asDouble()) + "%"));

    private MeasuredFacts() {
    }

    /** The facts in the measurement JSON, in the order above; none for null or unreadable JSON. */
    public static List<Fact> of(String measurement) {
        if (measurement == null || measurement.isBlank()) {
            return List.of();
        }
        JsonNode node;
        try {
            node = JSON.readTree(measurement);
        } catch (RuntimeException unreadable) {
            return List.of();
        }
        var facts = new ArrayList<Fact>();
        for (Shown shown : SHOWN) {
            JsonNode value = node.get(shown.key());
            if (value != null && !value.isNull()) {
                try {
                    facts.add(new Fact(shown.key(), shown.label(), shown.show().apply(value)));
                } catch (RuntimeException unreadable) {
                    facts.add(new Fact(shown.key(), shown.label(), value.asString()));
                }
            }
        }
        return facts;
    }

    private static String number(JsonNode value) {
        double d = value.asDouble();
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String words(String text) {
        String spaced = text.replace('_', ' ').toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
