package org.safecity.traffic.internal.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.safecity.shared.InvalidInput;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rule kind's parameters as JSON, by the components of its record: how the table keeps them and
 * how the API reads and shows them. Fields of other kinds are ignored, as a form's unused fields are.
 */
final class RuleParameters {

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private RuleParameters() {
    }

    /** The parameters of {@code kind} read from {@code body}; a value of the wrong type is the caller's error. */
    static RuleType read(String kind, JsonNode body) {
        var type = RuleType.KINDS.get(kind);
        if (type == null) {
            throw new InvalidInput("kind", "must be one of " + RuleType.KINDS.keySet().stream().sorted().toList());
        }
        try {
            return JSON.treeToValue(body, type);
        } catch (DatabindException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().getLast().getPropertyName();
            throw new InvalidInput(field == null ? "body" : field, "has a value of the wrong type for a " + kind + " rule");
        }
    }

    static Map<String, Object> of(RuleType type) {
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = JSON.convertValue(type, LinkedHashMap.class);
        parameters.values().removeIf(java.util.Objects::isNull);
        return parameters;
    }

    static String json(RuleType type) {
        return JSON.writeValueAsString(type);
    }

    static RuleType fromJson(String kind, String json) {
        return JSON.readValue(json, RuleType.KINDS.get(kind));
    }
}
