package org.safecity.registry.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code where} clause built condition by condition, with named parameters; values never enter the SQL text. */
final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    SqlFilter and(String condition) {
        conditions.add(condition);
        return this;
    }

    SqlFilter and(String condition, String name, Object value) {
        conditions.add(condition);
        params.put(name, value);
        return this;
    }

    SqlFilter param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    Map<String, Object> params() {
        return params;
    }
}
