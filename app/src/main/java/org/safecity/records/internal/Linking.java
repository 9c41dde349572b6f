package org.safecity.records.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safecity.detections.OcrConfusion;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.records.internal.DepartmentRecord.PersonNamed;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links records to the persons and vehicles they speak of. A strong key (CNIC, registration, chassis)
 * links at once. A person named without a CNIC becomes a person of their own, and weak keys (the
 * name's spelling key with the father's name, the date of birth or a phone) only propose that they are
 * someone already known; an analyst confirms (a merge, which can be undone) or rejects. Every link
 * keeps who made it and why, and an undone link stays with who undid it.
 */
@Service
class Linking {

    private final JdbcClient jdbc;
    private final RecordStore records;
    private final AuditTrail audit;
    private final Clock clock;

    Linking(JdbcClient jdbc, RecordStore records, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** Links a newly stored version; {@code previous} is the record's version before it, whose persons without CNIC it keeps. */
    void link(long recordId, DepartmentRecord record, Optional<StoredRecord> previous, String by) {
        for (var party : record.parties()) {
            if (party.vehicle() != null) {
                var v = party.vehicle();
                long vehicleId = vehicle(v.plate(), RecordKeys.chassis(v.chassis()));
                insertLink(recordId, party.role(), null, vehicleId, "STRONG",
                    v.plate() != null ? "registration " + v.plate() : "chassis " + v.chassis(), by);
            } else if (party.person().cnic() != null) {
                long personId = personByCnic(party.person().cnic());
                insertLink(recordId, party.role(), personId, null, "STRONG", "CNIC " + party.person().cnic(), by);
                proposeOthersAs(personId, party.person());
            } else {
                Long kept = previous.flatMap(p -> personOf(p.id(), party.role())).orElse(null);
                if (kept != null) {
                    insertLink(recordId, party.role(), kept, null, "STRONG", "the same record's earlier version", by);
                    continue;
                }
                long personId = jdbc.sql("insert into records.person default values returning id").query(Long.class).single();
                insertLink(recordId, party.role(), personId, null, "STRONG", "no CNIC: a person of their own until an analyst links them", by);
                for (var candidate : candidates(party.person(), personId)) {
                    propose(recordId, party.role(), candidate.personId(), candidate.reason());
                }
            }
        }
    }

    /** A person with a CNIC arrived: persons known without one who look like them are proposed to be them. */
    private void proposeOthersAs(long personId, PersonNamed named) {
        for (var candidate : candidates(named, personId)) {
            boolean withoutCnic = jdbc.sql("select cnic is null from records.person where id = ?").param(candidate.personId())
                .query(Boolean.class).single();
            if (!withoutCnic) {
                continue;
            }
            for (var link : activeLinksOf(candidate.personId())) {
                propose(link.recordId(), link.role(), personId, candidate.reason());
            }
        }
    }

    record Candidate(long personId, String reason) {
    }

    /** Persons whose current records spell the name alike and agree on the father's name, the date of birth or a phone. */
    private List<Candidate> candidates(PersonNamed named, long except) {
        var wholeKeys = new ArrayList<String>();
        for (String name : new String[] {named.name(), named.nameUrdu()}) {
            String key = SpellingKey.whole(name);
            if (!key.isEmpty()) {
                wholeKeys.add(key);
            }
        }
        var found = new java.util.LinkedHashMap<Long, String>();
        if (wholeKeys.isEmpty()) {
            return List.of();
        }
        var weak = new ArrayList<String>();
        wholeKeys.forEach(whole -> weak.addAll(RecordKeys.weakKeys(whole, named)));
        var alike = records.byKey("alike", weak, 200);
        for (var other : records.findAll(alike)) {
            for (var party : other.read().parties()) {
                var p = party.person();
                if (p == null || !wholeKeys.contains(SpellingKey.whole(p.name())) && !wholeKeys.contains(SpellingKey.whole(p.nameUrdu()))) {
                    continue;
                }
                var agreed = new ArrayList<String>();
                if (named.fatherName() != null && p.fatherName() != null
                    && SpellingKey.whole(named.fatherName()).equals(SpellingKey.whole(p.fatherName()))) {
                    agreed.add("father's name");
                }
                if (named.dateOfBirth() != null && named.dateOfBirth().equals(p.dateOfBirth())) {
                    agreed.add("date of birth");
                }
                if (named.phone() != null && named.phone().equals(p.phone())) {
                    agreed.add("phone");
                }
                if (agreed.isEmpty()) {
                    continue;
                }
                personOf(other.id(), party.role()).filter(id -> id != except).ifPresent(id -> found.putIfAbsent(id,
                    "name spelled alike and the same " + String.join(", ", agreed) + " (" + other.sourceCode() + " record "
                        + other.sourceRecordId() + ")"));
            }
        }
        return found.entrySet().stream().map(e -> new Candidate(e.getKey(), e.getValue())).toList();
    }

    private void propose(long recordId, String role, long personId, String reason) {
        jdbc.sql("""
                insert into records.link_proposal (record_id, role, person_id, reason, proposed_at) values (?, ?, ?, ?, ?)
                on conflict (record_id, role, person_id) do nothing""")
            .params(recordId, role, personId, reason, Timestamp.from(clock.instant())).update();
    }

    record Proposal(long id, long recordId, String role, long personId, String reason, String status, String decidedBy) {
    }

    List<Proposal> open(int limit) {
        return jdbc.sql("select id, record_id, role, person_id, reason, status, decided_by from records.link_proposal "
                + "where status = 'PROPOSED' order by id limit ?")
            .param(limit).query((rs, n) -> new Proposal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7))).list();
    }

    /** The analyst agrees: the record's person in that role becomes the proposed one; the link it had is undone, not lost. */
    @Transactional
    long confirm(long proposalId, String reason) {
        var p = proposal(proposalId);
        requireReason(reason);
        Long before = personOf(p.recordId(), p.role()).orElse(null);
        jdbc.sql("update records.link set undone_by = ?, undone_at = ?, undo_reason = ? where record_id = ? and role = ? and undone_at is null")
            .params(CurrentActor.name(), Timestamp.from(clock.instant()), "merged into person " + p.personId() + " (proposal " + proposalId + ")",
                p.recordId(), p.role()).update();
        long linkId = insertLink(p.recordId(), p.role(), p.personId(), null, "CONFIRMED", reason.strip() + " — " + p.reason(),
            CurrentActor.name());
        jdbc.sql("update records.link_proposal set status = 'CONFIRMED', decided_by = ?, decided_at = ?, link_id = ? where id = ?")
            .params(CurrentActor.name(), Timestamp.from(clock.instant()), linkId, proposalId).update();
        audit.record("records.link-confirmed", "records-link", Long.toString(linkId), reason.strip(),
            Map.of("proposal", proposalId, "record", p.recordId(), "person", p.personId(), "before", String.valueOf(before)));
        return linkId;
    }

    @Transactional
    void reject(long proposalId, String reason) {
        proposal(proposalId);
        requireReason(reason);
        jdbc.sql("update records.link_proposal set status = 'REJECTED', decided_by = ?, decided_at = ? where id = ?")
            .params(CurrentActor.name(), Timestamp.from(clock.instant()), proposalId).update();
        audit.record("records.link-rejected", "records-link-proposal", Long.toString(proposalId), reason.strip(), Map.of());
    }

    /** Undoes a confirmed link: the record goes back to the person it was linked to before the merge. */
    @Transactional
    void undo(long linkId, String reason) {
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
        earlier.ifPresent(personId -> insertLink(recordId, role, personId, null, "STRONG", "restored: link " + linkId + " undone",
            CurrentActor.name()));
        audit.record("records.link-undone", "records-link", Long.toString(linkId), reason.strip(), Map.of("record", recordId));
    }

    private Proposal proposal(long id) {
        var p = jdbc.sql("select id, record_id, role, person_id, reason, status, decided_by from records.link_proposal where id = ?").param(id)
            .query((rs, n) -> new Proposal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getString(7))).optional().orElseThrow(() -> new NotFound("link proposal", id));
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

    Optional<Long> personOf(long recordId, String role) {
        return jdbc.sql("select person_id from records.link where record_id = ? and role = ? and person_id is not null and undone_at is null")
            .params(recordId, role).query(Long.class).optional();
    }

    record ActiveLink(long id, long recordId, String role, Long personId, Long vehicleId, String strength, String reason, String linkedBy,
                      java.time.Instant linkedAt) {
    }

    private static final String LINK = "select id, record_id, role, person_id, vehicle_id, strength, reason, linked_by, linked_at from records.link ";

    List<ActiveLink> activeLinksOf(long personId) {
        return jdbc.sql(LINK + "where person_id = ? and undone_at is null order by id").param(personId).query(Linking::link).list();
    }

    List<ActiveLink> activeLinksOfVehicle(long vehicleId) {
        return jdbc.sql(LINK + "where vehicle_id = ? and undone_at is null order by id").param(vehicleId).query(Linking::link).list();
    }

    List<ActiveLink> activeLinksOfRecords(java.util.Collection<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(LINK + "where record_id = any(string_to_array(?, ',')::bigint[]) and undone_at is null order by id")
            .param(String.join(",", recordIds.stream().map(String::valueOf).toList())).query(Linking::link).list();
    }

    private static ActiveLink link(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ActiveLink(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4), (Long) rs.getObject(5), rs.getString(6),
            rs.getString(7), rs.getString(8), SourceStore.instant(rs, "linked_at"));
    }

    private long insertLink(long recordId, String role, Long personId, Long vehicleId, String strength, String reason, String by) {
        return jdbc.sql("""
                insert into records.link (record_id, role, person_id, vehicle_id, strength, reason, linked_by, linked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
            .params(recordId, role, personId, vehicleId, strength, reason, by, Timestamp.from(clock.instant())).query(Long.class).single();
    }

    private long personByCnic(String cnic) {
        jdbc.sql("insert into records.person (cnic) values (?) on conflict (cnic) do nothing").param(cnic).update();
        return jdbc.sql("select id from records.person where cnic = ?").param(cnic).query(Long.class).single();
    }

    /** The vehicle a plate or chassis names; a chassis first seen with a known plate is added to it. */
    private long vehicle(String plate, String chassis) {
        Optional<Long> byPlate = plate == null ? Optional.empty()
            : jdbc.sql("select id from records.vehicle where plate = ?").param(plate).query(Long.class).optional();
        Optional<Long> byChassis = chassis == null ? Optional.empty()
            : jdbc.sql("select id from records.vehicle where chassis = ?").param(chassis).query(Long.class).optional();
        if (byPlate.isPresent()) {
            if (chassis != null && byChassis.isEmpty()) {
                jdbc.sql("update records.vehicle set chassis = ? where id = ? and chassis is null").params(chassis, byPlate.get()).update();
            }
            return byPlate.get();
        }
        if (byChassis.isPresent()) {
            if (plate != null) {
                jdbc.sql("update records.vehicle set plate = ?, plate_folded = ? where id = ? and plate is null")
                    .params(plate, OcrConfusion.fold(plate), byChassis.get()).update();
            }
            return byChassis.get();
        }
        return jdbc.sql("insert into records.vehicle (plate, plate_folded, chassis) values (?, ?, ?) returning id")
            .params(plate, plate == null ? null : OcrConfusion.fold(plate), chassis).query(Long.class).single();
    }
}
