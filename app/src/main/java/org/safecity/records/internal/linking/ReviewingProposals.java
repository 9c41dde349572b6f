package org.safecity.records.internal.linking;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.records.internal.DepartmentRecord;
import org.safecity.records.internal.Fields;
import org.safecity.records.internal.RecordKind;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analyst's side of linking: the proposals weak keys made ({@link Linking}), each confirmed (a
 * merge: the record's person in that role becomes the proposed one) or rejected with a reason, and a
 * merge undone. Nothing is deleted: an undone link stays with who undid it and why.
 */
@Service
public class ReviewingProposals {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Linking linking;
    private final AuditTrail audit;
    private final Clock clock;

    ReviewingProposals(JdbcClient jdbc, Linking linking, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.linking = linking;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param personId the person the record may be
     * @param linkedPersonId the person the record is linked to now in that role (who a merge would take it from)
     * @param recordTitle what the record is, in one line
     */
    public record Proposal(long id, long recordId, String role, long personId, String reason, String status, String decidedBy, Long linkedPersonId,
                    String recordTitle, String source, String sourceRecordId) {
    }

    /** A proposal with the record it is about and the person that record is linked to now. */
    public static final String PROPOSAL = """
        select p.id, p.record_id, p.role, p.person_id, p.reason, p.status, p.decided_by,
          (select l.person_id from records.link l where l.record_id = p.record_id and l.role = p.role and l.undone_at is null
           and l.person_id is not null order by l.id desc limit 1) linked_person_id,
          r.kind, r.fields::text fields, s.name source_name, r.source_record_id
        from records.link_proposal p join records.record r on r.id = p.record_id join records.source s on s.id = r.source_id
        """;

    public static Proposal proposal(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Map<String, String> fields = JSON.readValue(rs.getString("fields"), new tools.jackson.core.type.TypeReference<Map<String, String>>() { });
        String title = DepartmentRecord.read(RecordKind.valueOf(rs.getString("kind")), new Fields(fields)).title();
        return new Proposal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
            (Long) rs.getObject("linked_person_id"), title, rs.getString("source_name"), rs.getString("source_record_id"));
    }

    public List<Proposal> open(int limit) {
        return jdbc.sql(PROPOSAL + "where p.status = 'PROPOSED' order by p.id limit ?").param(limit).query(ReviewingProposals::proposal).list();
    }

    /** The analyst agrees: the record's person in that role becomes the proposed one; the link it had is undone, not lost. */
    @Transactional
    public long confirm(long proposalId, String reason) {
        var p = proposal(proposalId);
        requireReason(reason);
        Long before = linking.personOf(p.recordId(), p.role()).orElse(null);
        jdbc.sql("update records.link set undone_by = ?, undone_at = ?, undo_reason = ? where record_id = ? and role = ? and undone_at is null")
            .params(CurrentActor.name(), Timestamp.from(clock.instant()), "merged into person " + p.personId() + " (proposal " + proposalId + ")",
                p.recordId(), p.role()).update();
        long linkId = linking.insertLink(p.recordId(), p.role(), p.personId(), null, "CONFIRMED", reason.strip() + " — " + p.reason(),
            CurrentActor.name());
        jdbc.sql("update records.link_proposal set status = 'CONFIRMED', decided_by = ?, decided_at = ?, link_id = ? where id = ?")
            .params(CurrentActor.name(), Timestamp.from(clock.instant()), linkId, proposalId).update();
        audit.record("records.link-confirmed", "records-link", Long.toString(linkId), reason.strip(),
            Map.of("proposal", proposalId, "record", p.recordId(), "person", p.personId(), "before", String.valueOf(before)));
        return linkId;
    }

    @Transactional
    public void reject(long proposalId, String reason) {
        proposal(proposalId);
        requireReason(reason);
        jdbc.sql("update records.link_proposal set status = 'REJECTED', decided_by = ?, decided_at = ? where id = ?")
            .params(CurrentActor.name(), Timestamp.from(clock.instant()), proposalId).update();
        audit.record("records.link-rejected", "records-link-proposal", Long.toString(proposalId), reason.strip(), Map.of());
    }

    /** Undoes a confirmed link: the record goes back to the person it was linked to before the merge. */
    @Transactional
    public void undo(long linkId, String reason) {
        requireReason(reason);
        var link = jdbc.sql("select record_id, role, strength, undone_at is not null from records.link where id = ?").param(linkId)
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)}).optional()
            .orElseThrow(() -> new NotFound("records link", linkId));
        if ((boolean) link[3]) {
            throw new Conflict("Link " + linkId + " was already undone.");
        }
        if (!"CONFIRMED".equals(link[2])) {
            throw new Conflict("Link " + linkId + " follows a strong key (CNIC, registration or chassis); only an analyst's merge can be undone.");
        }
        long recordId = (long) link[0];
        String role = (String) link[1];
        jdbc.sql("update records.link set undone_by = ?, undone_at = ?, undo_reason = ? where id = ?")
            .params(CurrentActor.name(), Timestamp.from(clock.instant()), reason.strip(), linkId).update();
        var earlier = jdbc.sql("""
                select person_id from records.link where record_id = ? and role = ? and id < ? and undo_reason like 'merged into%'
                order by id desc limit 1""").params(recordId, role, linkId).query(Long.class).optional();
        earlier.ifPresent(personId -> linking.insertLink(recordId, role, personId, null, "STRONG", "restored: link " + linkId + " undone",
            CurrentActor.name()));
        audit.record("records.link-undone", "records-link", Long.toString(linkId), reason.strip(), Map.of("record", recordId));
    }

    private Proposal proposal(long id) {
        var p = jdbc.sql(PROPOSAL + "where p.id = ?").param(id).query(ReviewingProposals::proposal).optional()
            .orElseThrow(() -> new NotFound("link proposal", id));
        if (!"PROPOSED".equals(p.status())) {
            throw new Conflict("Proposal " + id + " was already " + p.status().toLowerCase() + " by " + p.decidedBy() + ".");
        }
        return p;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.strip().codePoints().filter(Character::isLetter).count() < 3) {
            throw new InvalidInput("reason", "is required: why the records are or are not the same person");
        }
    }
}
