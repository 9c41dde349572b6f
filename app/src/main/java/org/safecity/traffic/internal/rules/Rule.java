package org.safecity.traffic.internal.rules;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One violation rule of a camera (or of the road section ending at it): the offence it finds and
 * what it checks, which depends on its {@link RuleType}.
 */
public record Rule(long id, long cameraId, String offence, RuleType type, boolean enabled, String createdBy, Instant createdAt) {

    public String kind() {
        return type.kind();
    }

    /** As the API shows a rule: its own fields and its kind's parameters side by side, as they were written. */
    @JsonValue
    Map<String, Object> view() {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", id);
        view.put("cameraId", cameraId);
        view.put("kind", kind());
        view.put("offence", offence);
        view.putAll(RuleParameters.of(type));
        view.put("enabled", enabled);
        view.put("createdBy", createdBy);
        view.put("createdAt", createdAt);
        return view;
    }
}
