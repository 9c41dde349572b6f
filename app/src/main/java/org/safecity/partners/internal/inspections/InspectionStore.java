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

    /** A photo of a visit, kept as an evidence item. */
    record Photo(long inspectionId, java.util.UUID evidenceItem, String sha256, String mediaType, long size, String caption,
                 Instant addedAt, String addedBy) {
    }

    Optional<Inspection> find(long premisesId, long inspectionId) {
        return of(premisesId).stream().filter(i -> i.id() == inspectionId).findFirst();
    }

    /** The photo of the visit with this content, if it was sent before. */
    Optional<Photo> photo(long inspectionId, String sha256) {
        return jdbc.sql("select * from partners.inspection_photo where inspection_id = ? and sha256 = ?").params(inspectionId, sha256)
            .query((rs, n) -> photo(rs)).optional();
    }

    /** Keeps the evidence item as the visit's photo; false when the same picture was kept meanwhile. */
    boolean addPhoto(Photo p) {
        return jdbc.sql("""
                insert into partners.inspection_photo (inspection_id, evidence_item, sha256, media_type, size_bytes, caption, added_at, added_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (inspection_id, sha256) do nothing""")
            .params(p.inspectionId(), p.evidenceItem(), p.sha256(), p.mediaType(), p.size(), p.caption(), Timestamp.from(p.addedAt()),
                p.addedBy())
            .update() == 1;
    }

    /** The photos of a premises' visits, by visit, in the order they were added. */
    Map<Long, List<Photo>> photos(long premisesId) {
        Map<Long, List<Photo>> answer = new HashMap<>();
        jdbc.sql("""
                select f.* from partners.inspection_photo f join partners.inspection i on i.id = f.inspection_id
                where i.premises_id = ? order by f.id""")
            .param(premisesId)
            .query((ResultSet rs) -> {
                answer.computeIfAbsent(rs.getLong("inspection_id"), k -> new java.util.ArrayList<>()).add(photo(rs));
            });
        return answer;
    }

    private static Photo photo(ResultSet rs) throws SQLException {
        return new Photo(rs.getLong("inspection_id"), rs.getObject("evidence_item", java.util.UUID.class), rs.getString("sha256"),
            rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("caption"), rs.getTimestamp("added_at").toInstant(),
            rs.getString("added_by"));
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
