package org.safecity.vision.internal.analytics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.TextPolicyJson;
import org.safecity.vision.internal.Point;
import tools.jackson.databind.JsonNode;

/** Reads a camera's analytics settings from JSON, naming every field that is wrong at once; nothing partial is accepted. */
final class ReadingAnalyticsSettings {

    static final int MAX_SHAPES = 20;
    static final int MAX_CORNERS = 50;
    /** What a PUT holds (as GET shows it, less what the server adds): anything else is refused, not ignored. */
    static final List<String> FIELDS = List.of("plates", "faces", "objects", "framesPerSecond", "regions", "lines", "zones",
        "cameraId", "changedBy", "changedAt");

    private final List<InvalidInput.FieldError> errors = new ArrayList<>();

    private ReadingAnalyticsSettings() {
    }

    static AnalyticsSettings read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInput("body", "must be a JSON object with plates, faces, objects, framesPerSecond, regions, lines and zones");
        }
        TextPolicyJson.firstRefusal(body).ifPresent(refused -> {
            throw new InvalidInput(List.of(refused));
        });
        var reading = new ReadingAnalyticsSettings();
        body.propertyNames().stream().filter(name -> !FIELDS.contains(name)).sorted().forEach(name ->
            reading.errors.add(new InvalidInput.FieldError(name, "is not a setting; the settings are " + String.join(", ", FIELDS))));
        var settings = reading.settings(body);
        if (!reading.errors.isEmpty()) {
            throw new InvalidInput(reading.errors);
        }
        return settings;
    }

    private AnalyticsSettings settings(JsonNode body) {
        boolean plates = flag(body, "plates");
        boolean faces = flag(body, "faces");
        boolean objects = flag(body, "objects");
        double rate = AnalyticsSettings.DEFAULT_RATE;
        JsonNode fps = body.path("framesPerSecond");
        if (!fps.isMissingNode() && !fps.isNull()) {
            if (!fps.isNumber() || fps.doubleValue() < 1 || fps.doubleValue() > 10) {
                errors.add(new InvalidInput.FieldError("framesPerSecond", "must be a number from 1 to 10"));
            } else {
                rate = fps.doubleValue();
            }
        }
        var regions = new ArrayList<Area>();
        for (int i = 0; i < list(body, "regions").size(); i++) {
            area(list(body, "regions").get(i), "regions[" + i + "]").ifPresent(regions::add);
        }
        var names = new HashSet<String>();
        var lines = new ArrayList<AnalyticsSettings.NamedLine>();
        JsonNode lineNodes = list(body, "lines");
        for (int i = 0; i < lineNodes.size(); i++) {
            String field = "lines[" + i + "]";
            JsonNode node = lineNodes.get(i);
            String name = name(node, field, names);
            Point from = point(node.path("from"), field + ".from");
            Point to = point(node.path("to"), field + ".to");
            String direction = word(node, "direction", field, null);
            String opposite = word(node, "opposite", field, direction == null ? "opposite" : "not " + direction);
            if (from != null && to != null && from.equals(to)) {
                errors.add(new InvalidInput.FieldError(field + ".to", "must differ from from"));
            }
            if (direction != null && direction.equals(opposite)) {
                errors.add(new InvalidInput.FieldError(field + ".opposite", "must differ from direction"));
            }
            var rules = new ArrayList<SceneRule.LineRule>();
            JsonNode ruleNodes = list(node, "rules", field + ".rules");
            for (int r = 0; r < ruleNodes.size(); r++) {
                String ruleField = field + ".rules[" + r + "]";
                switch (ruleNodes.get(r).path("type").asString("")) {
                    case "count" -> rules.add(new SceneRule.CountCrossings());
                    case "wrong_way" -> rules.add(new SceneRule.WrongWay());
                    default -> errors.add(new InvalidInput.FieldError(ruleField + ".type", "a line's rule is count or wrong_way"));
                }
            }
            if (name != null && from != null && to != null && direction != null) {
                lines.add(new AnalyticsSettings.NamedLine(name, new Line(from, to, direction, opposite), rules));
            }
        }
        var zones = new ArrayList<AnalyticsSettings.NamedZone>();
        JsonNode zoneNodes = list(body, "zones");
        for (int i = 0; i < zoneNodes.size(); i++) {
            String field = "zones[" + i + "]";
            JsonNode node = zoneNodes.get(i);
            String name = name(node, field, names);
            var area = area(node.path("polygon"), field + ".polygon");
            var rules = new ArrayList<SceneRule.ZoneRule>();
            JsonNode ruleNodes = list(node, "rules", field + ".rules");
            for (int r = 0; r < ruleNodes.size(); r++) {
                String ruleField = field + ".rules[" + r + "]";
                JsonNode rule = ruleNodes.get(r);
                SceneRule.ZoneRule read = switch (rule.path("type").asString("")) {
                    case "loitering" -> new SceneRule.Loitering(whole(rule, "seconds", ruleField));
                    case "crowding" -> new SceneRule.Crowding(whole(rule, "people", ruleField));
                    default -> {
                        errors.add(new InvalidInput.FieldError(ruleField + ".type", "a zone's rule is loitering or crowding"));
                        yield null;
                    }
                };
                if (read != null) {
                    errors.addAll(read.problems(ruleField));
                    rules.add(read);
                }
            }
            if (!rules.isEmpty() && !objects) {
                errors.add(new InvalidInput.FieldError(field + ".rules", "need people and vehicles found: set objects to true"));
            }
            if (name != null && area.isPresent()) {
                zones.add(new AnalyticsSettings.NamedZone(name, area.get(), rules));
            }
        }
        return new AnalyticsSettings(plates, faces, objects, rate, regions, lines, zones);
    }

    private boolean flag(JsonNode body, String name) {
        JsonNode value = body.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            errors.add(new InvalidInput.FieldError(name, "must be true or false"));
            return false;
        }
        return value.booleanValue();
    }

    private JsonNode list(JsonNode body, String name) {
        return list(body, name, name);
    }

    private JsonNode list(JsonNode body, String name, String field) {
        JsonNode value = body.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray() || value.size() > MAX_SHAPES) {
            errors.add(new InvalidInput.FieldError(field, "must be a list of at most " + MAX_SHAPES));
            return tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        return value;
    }

    private String name(JsonNode node, String field, java.util.Set<String> names) {
        JsonNode value = node.path("name");
        if (!value.isString() || value.stringValue().isBlank() || value.stringValue().strip().length() > 60) {
            errors.add(new InvalidInput.FieldError(field + ".name", "is required, at most 60 characters"));
            return null;
        }
        String name = value.stringValue().strip();
        if (!names.add(name)) {
            errors.add(new InvalidInput.FieldError(field + ".name", "is already the name of another line or zone"));
        }
        return name;
    }

    private String word(JsonNode node, String name, String field, String fallback) {
        JsonNode value = node.path(name);
        if ((value.isMissingNode() || value.isNull()) && fallback != null) {
            return fallback;
        }
        if (!value.isString() || value.stringValue().isBlank() || value.stringValue().strip().length() > 40) {
            errors.add(new InvalidInput.FieldError(field + "." + name, "is required: the direction's name, e.g. inbound, at most 40 characters"));
            return null;
        }
        return value.stringValue().strip();
    }

    private int whole(JsonNode rule, String name, String field) {
        JsonNode value = rule.path(name);
        if (!value.isIntegralNumber()) {
            errors.add(new InvalidInput.FieldError(field + "." + name, "is required, a whole number"));
            return -1;
        }
        return value.intValue();
    }

    private Point point(JsonNode node, String field) {
        if (!node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
            errors.add(new InvalidInput.FieldError(field, "must be a point [x, y], each 0 to 1 (fractions of the picture)"));
            return null;
        }
        var p = new Point(node.get(0).doubleValue(), node.get(1).doubleValue());
        if (!p.valid()) {
            errors.add(new InvalidInput.FieldError(field, "must lie in the picture: x and y 0 to 1"));
            return null;
        }
        return p;
    }

    private java.util.Optional<Area> area(JsonNode node, String field) {
        if (!node.isArray() || node.size() < 3 || node.size() > MAX_CORNERS) {
            errors.add(new InvalidInput.FieldError(field, "must be a polygon of 3 to " + MAX_CORNERS + " points [x, y]"));
            return java.util.Optional.empty();
        }
        var corners = new ArrayList<Point>();
        for (int i = 0; i < node.size(); i++) {
            Point p = point(node.get(i), field + "[" + i + "]");
            if (p == null) {
                return java.util.Optional.empty();
            }
            corners.add(p);
        }
        return java.util.Optional.of(new Area(corners));
    }
}
