package org.safecity.traffic.internal;

import java.util.ArrayList;
import java.util.List;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.PageOf;
import org.safecity.shared.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The where clause of a list query, built condition by condition with its parameters, and the page it selects. */
final class Conditions {

    private final List<String> clauses = new ArrayList<>(List.of("true"));
    private final List<Object> params = new ArrayList<>();

    /** {@code column = value}, left out when the value is null. */
    Conditions equal(String column, Object value) {
        if (value != null) {
            clauses.add(column + " = ?");
            params.add(value);
        }
        return this;
    }

    /** A condition with its own placeholders, left out when the value is null. */
    Conditions where(String clause, Object value) {
        if (value != null) {
            clauses.add(clause);
            params.add(value);
        }
        return this;
    }

    /** Rows of the jurisdiction: its city, and its zone when it has one ({@code prefix} is a table alias with its dot, or empty). */
    Conditions within(Jurisdiction scope, String prefix) {
        return equal(prefix + "city_code", scope.cityCode()).equal(prefix + "zone_code", scope.zoneCode());
    }

    /** One page of {@code select <columns> <from> where ... order by ...}, with the total count. */
    <T> PageOf<T> page(JdbcClient jdbc, String columns, String from, String orderBy, RowMapper<T> mapper, PageRequest page) {
        String where = " where " + String.join(" and ", clauses);
        long total = jdbc.sql("select count(*) " + from + where).params(params).query(Long.class).single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        var items = jdbc.sql("select " + columns + " " + from + where + " order by " + orderBy + " limit ? offset ?")
            .params(pageParams).query(mapper).list();
        return new PageOf<>(items, page.page(), page.size(), total);
    }
}
