package org.safecity.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safecity.shared.PageOf;
import org.safecity.shared.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code where} clause of a list query, built condition by condition with named parameters (values
 * never enter the SQL text), and the page of rows it selects with their total.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    public Where and(String condition) {
        conditions.add(condition);
        return this;
    }

    public Where and(String condition, String name, Object value) {
        conditions.add(condition);
        params.put(name, value);
        return this;
    }

    /** A condition on one value, left out when the value is null (a filter the caller did not set). */
    public Where ifGiven(String condition, String name, Object value) {
        return value == null ? this : and(condition, name, value);
    }

    /** {@code column = :name}, left out when the value is null. */
    public Where equal(String column, String name, Object value) {
        return ifGiven(column + " = :" + name, name, value);
    }

    public Where param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** The clause with its leading {@code where}, or nothing when there is no condition. */
    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public Map<String, Object> params() {
        return params;
    }

    /** One page of {@code select <columns> <from> where ... order by <orderBy>}, with the total count. */
    public <T> PageOf<T> page(JdbcClient jdbc, String columns, String from, String orderBy, RowMapper<T> mapper, PageRequest page) {
        long total = jdbc.sql("select count(*) " + from + where()).params(params).query(Long.class).single();
        var items = jdbc.sql("select " + columns + " " + from + where() + " order by " + orderBy + " limit :pageSize offset :pageOffset")
            .params(params).param("pageSize", page.size()).param("pageOffset", page.offset()).query(mapper).list();
        return new PageOf<>(items, page.page(), page.size(), total);
    }
}
