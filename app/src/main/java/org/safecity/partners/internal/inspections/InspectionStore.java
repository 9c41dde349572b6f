package org.safecity.partners.internal.inspections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safecity.partners.internal.compliance.ComplianceRules;
import org.safecity.shared.TimeConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inspectors' visits to premises; the latest of each premises counts in its compliance. */
@Repository
public class InspectionStore {

    private static final String LATEST = """
        select distinct on (premises_id) premises_id, inspected_at, outcome, findings from partners.inspection""";

    private final JdbcClient jdbc;

    InspectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Inspection(long id, long premisesId, Instant inspectedAt, String inspector, String checklistJson, String findings,
                      String outcome) {
    }

    long insert(long premisesId, Instant at, String inspector, String checklistJson, String findings, boolean passed) {
        return jdbc.sql("""
                insert into partners.inspection (premises_id, inspected_at, inspector, checklist, findings, outcome)
                values (?, ?, ?, ?::jsonb, ?, ?) returning id""")
            .params(premisesId, Timestamp.from(at), inspector, checklistJson, findings, passed ? "PASSED" : "FAILED")
            .query(Long.class).single();
    }

    List<Inspection> of(long premisesId) {
        return jdbc.sql("""
                select id, premises_id, inspected_at, inspector, checklist::text as checklist, findings, outcome
                from partners.inspection where premises_id = ? order by inspected_at desc, id desc""")
            .param(premisesId)
            .query((rs, n) -> new Inspection(rs.getLong("id"), rs.getLong("premises_id"), rs.getTimestamp("inspected_at").toInstant(),
                rs.getString("inspector"), rs.getString("checklist"), rs.getString("findings"), rs.getString("outcome")))
            .list();
    }

    public Optional<ComplianceRules.LastInspection> latest(long premisesId) {
        return jdbc.sql(LATEST + " where premises_id = ? order by premises_id, inspected_at desc, id desc").param(premisesId)
            .query((rs, n) -> last(rs)).optional();
    }

    public Map<Long, ComplianceRules.LastInspection> latestOfEach() {
        Map<Long, ComplianceRules.LastInspection> answer = new HashMap<>();
        jdbc.sql(LATEST + " order by premises_id, inspected_at desc, id desc")
            .query((ResultSet rs) -> {
                answer.put(rs.getLong("premises_id"), last(rs));
            });
        return answer;
    }

    private static ComplianceRules.LastInspection last(ResultSet rs) throws SQLException {
        return new ComplianceRules.LastInspection(
            LocalDate.ofInstant(rs.getTimestamp("inspected_at").toInstant(), TimeConfiguration.DISPLAY_ZONE),
            "PASSED".equals(rs.getString("outcome")), rs.getString("findings"));
    }
}
