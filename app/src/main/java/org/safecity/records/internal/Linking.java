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
import tools.jackson.databind.json.JsonMapper;

/**
 * Links records to the persons and vehicles they speak of. A strong key (CNIC, registration, chassis)
 * links at once. A person named without a CNIC becomes a person of their own, and weak keys (the
 * name's spelling key with the father's name, the date of birth or a phone) only propose that they are
 * someone already known; an analyst confirms (a merge, which can be undone) or rejects. Every link
 * keeps who made it and why, and an undone link stays with who undid it.
 */
@Service
class Linking {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    /** A newly stored version; {@code previous} is the record's version before it, whose persons without CNIC it keeps. */
    record Arrived(long recordId, DepartmentRecord record, Optional<StoredRecord> previous) {
    }

    /** A link to be written. */
    private record Pending(long recordId, String role, Long personId, VehicleSlot vehicle, String reason) {
    }

    /** A vehicle as the import sees it before it is stored: known (with an id) or new, and what to fill in. */
    private static final class VehicleSlot {
        Long id;
        String plate;
        String chassis;
        boolean filled;

        VehicleSlot(Long id, String plate, String chassis) {
            this.id = id;
            this.plate = plate;
            this.chassis = chassis;
        }
    }

    /**
     * Links newly stored versions, with a statement per step for all of them: persons by CNIC, vehicles by
     * registration or chassis, a person of their own for each named without a CNIC (or the one the record's
     * earlier version had), then the proposals weak keys make.
     */
    void link(List<Arrived> arrived, String by) {
        var cnics = new java.util.TreeSet<String>();
        var plates = new java.util.TreeSet<String>();
        var chassis = new java.util.TreeSet<String>();
        var previousIds = new ArrayList<Long>();
        int unknown = 0;
        for (var a : arrived) {
            a.previous().ifPresent(p -> previousIds.add(p.id()));
            for (var party : a.record().parties()) {
                if (party.vehicle() != null) {
                    if (party.vehicle().plate() != null) {
                        plates.add(party.vehicle().plate());
                    }
                    if (party.vehicle().chassis() != null) {
                        chassis.add(RecordKeys.chassis(party.vehicle().chassis()));
                    }
                } else if (party.person().cnic() != null) {
                    cnics.add(party.person().cnic());
                } else {
                    unknown++;
                }
            }
        }
        var persons = personsByCnic(cnics);
        var byPlate = new java.util.HashMap<String, VehicleSlot>();
        var byChassis = new java.util.HashMap<String, VehicleSlot>();
        if (!plates.isEmpty() || !chassis.isEmpty()) {
            jdbc.sql("select id, plate, chassis from records.vehicle where plate = any(string_to_array(?, ',')) or chassis = any(string_to_array(?, ','))")
                .params(String.join(",", plates), String.join(",", chassis))
                .query(rs -> {
                    var slot = new VehicleSlot(rs.getLong(1), rs.getString(2), rs.getString(3));
                    if (slot.plate != null) {
                        byPlate.put(slot.plate, slot);
                    }
                    if (slot.chassis != null) {
                        byChassis.put(slot.chassis, slot);
                    }
                });
        }
        var kept = new java.util.HashMap<String, Long>();
        activeLinksOfRecords(previousIds).forEach(l -> {
            if (l.personId() != null) {
                kept.put(l.recordId() + "/" + l.role(), l.personId());
            }
        });
        for (var a : arrived) {
            for (var party : a.record().parties()) {
                if (party.person() != null && party.person().cnic() == null
                    && a.previous().map(p -> kept.containsKey(p.id() + "/" + party.role())).orElse(false)) {
                    unknown--;
                }
            }
        }
        var fresh = new java.util.ArrayDeque<>(unknown == 0 ? List.<Long>of()
            : jdbc.sql("insert into records.person (cnic) select null from generate_series(1, ?) returning id").param(unknown)
                .query(Long.class).list());
        var pending = new ArrayList<Pending>();
        var ownPersons = new ArrayList<Map.Entry<Arrived, DepartmentRecord.Party>>();
        for (var a : arrived) {
            for (var party : a.record().parties()) {
                if (party.vehicle() != null) {
                    var v = party.vehicle();
                    pending.add(new Pending(a.recordId(), party.role(), null, vehicle(v.plate(), RecordKeys.chassis(v.chassis()), byPlate, byChassis),
                        v.plate() != null ? "registration " + v.plate() : "chassis " + v.chassis()));
                } else if (party.person().cnic() != null) {
                    pending.add(new Pending(a.recordId(), party.role(), persons.get(party.person().cnic()), null, "CNIC " + party.person().cnic()));
                } else {
                    Long before = a.previous().map(p -> kept.get(p.id() + "/" + party.role())).orElse(null);
                    if (before != null) {
                        pending.add(new Pending(a.recordId(), party.role(), before, null, "the same record's earlier version"));
                    } else {
                        long own = fresh.removeFirst();
                        pending.add(new Pending(a.recordId(), party.role(), own, null,
                            "no CNIC: a person of their own until an analyst links them"));
                        ownPersons.add(Map.entry(a, party));
                    }
                }
            }
        }
        storeVehicles(byPlate, byChassis);
        insertLinks(pending, by);
        propose(arrived, ownPersons);
    }

    private Map<String, Long> personsByCnic(java.util.Set<String> cnics) {
        var ids = new java.util.HashMap<String, Long>();
        if (cnics.isEmpty()) {
            return ids;
        }
        String list = String.join(",", cnics);
        jdbc.sql("insert into records.person (cnic) select unnest(string_to_array(?, ',')) on conflict (cnic) do nothing").param(list).update();
        jdbc.sql("select cnic, id from records.person where cnic = any(string_to_array(?, ','))").param(list)
            .query(rs -> {
                ids.put(rs.getString(1), rs.getLong(2));
            });
        return ids;
    }

    /** The vehicle a plate or chassis names; a chassis first seen with a known plate is added to it, and a plate to a known chassis. */
    private static VehicleSlot vehicle(String plate, String chassis, Map<String, VehicleSlot> byPlate, Map<String, VehicleSlot> byChassis) {
        var plated = plate == null ? null : byPlate.get(plate);
        var chassised = chassis == null ? null : byChassis.get(chassis);
        if (plated != null) {
            if (chassis != null && chassised == null && plated.chassis == null) {
                plated.chassis = chassis;
                plated.filled = true;
                byChassis.put(chassis, plated);
            }
            return plated;
        }
        if (chassised != null) {
            if (plate != null && chassised.plate == null) {
                chassised.plate = plate;
                chassised.filled = true;
                byPlate.put(plate, chassised);
            }
            return chassised;
        }
        var slot = new VehicleSlot(null, plate, chassis);
        if (plate != null) {
            byPlate.put(plate, slot);
        }
        if (chassis != null) {
            byChassis.put(chassis, slot);
        }
        return slot;
    }

    /** Writes the new vehicles in one statement and fills in what known ones lacked. */
    private void storeVehicles(Map<String, VehicleSlot> byPlate, Map<String, VehicleSlot> byChassis) {
        var slots = new java.util.LinkedHashSet<VehicleSlot>(byPlate.values());
        slots.addAll(byChassis.values());
        var fresh = new ArrayList<Map<String, String>>();
        for (var slot : slots) {
            if (slot.id == null) {
                var row = new java.util.HashMap<String, String>();
                row.put("plate", slot.plate);
                row.put("folded", slot.plate == null ? null : OcrConfusion.fold(slot.plate));
                row.put("chassis", slot.chassis);
                fresh.add(row);
            } else if (slot.filled) {
                jdbc.sql("update records.vehicle set plate = coalesce(plate, ?), plate_folded = coalesce(plate_folded, ?), "
                        + "chassis = coalesce(chassis, ?) where id = ?")
                    .params(slot.plate, slot.plate == null ? null : OcrConfusion.fold(slot.plate), slot.chassis, slot.id).update();
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into records.vehicle (plate, plate_folded, chassis)
                select x.plate, x.folded, x.chassis from jsonb_to_recordset(cast(? as jsonb)) as x(plate text, folded text, chassis text)
                returning id, plate, chassis""")
            .param(JSON.writeValueAsString(fresh))
            .query(rs -> {
                String plate = rs.getString(2);
                var slot = plate != null ? byPlate.get(plate) : byChassis.get(rs.getString(3));
                slot.id = rs.getLong(1);
            });
    }

    private void insertLinks(List<Pending> pending, String by) {
        if (pending.isEmpty()) {
            return;
        }
        var rows = new ArrayList<Map<String, Object>>(pending.size());
        for (var p : pending) {
            var row = new java.util.HashMap<String, Object>();
            row.put("record", p.recordId());
            row.put("role", p.role());
            row.put("person", p.personId());
            row.put("vehicle", p.vehicle() == null ? null : p.vehicle().id);
            row.put("reason", p.reason());
            rows.add(row);
        }
        jdbc.sql("""
                insert into records.link (record_id, role, person_id, vehicle_id, strength, reason, linked_by, linked_at)
                select x.record, x.role, x.person, x.vehicle, 'STRONG', x.reason, ?, ?
                from jsonb_to_recordset(cast(? as jsonb)) as x(record bigint, role text, person bigint, vehicle bigint, reason text)""")
            .params(by, Timestamp.from(clock.instant()), JSON.writeValueAsString(rows)).update();
    }

    /**
     * Weak keys propose: a person named without a CNIC may be anyone alike already known; a person with a
     * CNIC may be someone alike known only without one. Records earlier than the new one are the candidates,
     * as if the rows had come one by one.
     */
    private void propose(List<Arrived> arrived, List<Map.Entry<Arrived, DepartmentRecord.Party>> ownPersons) {
        var wanted = new java.util.LinkedHashMap<String, List<String>>(); // weak key -> the key kinds to look in
        var own = new java.util.HashSet<>(ownPersons);
        var asked = new ArrayList<Asked>();
        for (var a : arrived) {
            for (var party : a.record().parties()) {
                var p = party.person();
                if (p == null) {
                    continue;
                }
                boolean withCnic = p.cnic() != null;
                if (!withCnic && !own.contains(Map.entry(a, party))) {
                    continue;
                }
                var whole = wholeKeys(p);
                var weak = new ArrayList<String>();
                whole.forEach(w -> weak.addAll(RecordKeys.weakKeys(w, p)));
                for (String key : weak) {
                    wanted.computeIfAbsent(key, k -> new ArrayList<>());
                }
                if (!weak.isEmpty()) {
                    asked.add(new Asked(a, party, whole, weak, withCnic));
                }
            }
        }
        if (asked.isEmpty()) {
            return;
        }
        // Each weak key's earliest records, a bounded number each: a statement per key kind for the whole import.
        var found = new java.util.HashMap<String, List<Long>>(); // "kind\0key" -> record ids
        var anyone = asked.stream().filter(x -> !x.withCnic()).flatMap(x -> x.weak().stream()).distinct().toList();
        lookUp("alike-unknown", wanted.keySet(), found);
        lookUp("alike", anyone, found);
        if (found.isEmpty()) {
            return;
        }
        for (var ask : asked) {
            var others = new java.util.TreeSet<Long>();
            for (String key : ask.weak()) {
                // A person with a CNIC looks only for persons known without one; a person without, for anyone.
                for (String kind : ask.withCnic() ? List.of("alike-unknown") : List.of("alike", "alike-unknown")) {
                    found.getOrDefault(kind + "\u0000" + key, List.of()).forEach(r -> {
                        if (r < ask.arrived().recordId()) {
                            others.add(r);
                        }
                    });
                }
            }
            if (others.isEmpty()) {
                continue;
            }
            var self = personOf(ask.arrived().recordId(), ask.party().role()).orElseThrow();
            for (var candidate : candidates(ask.party().person(), ask.whole(), records.findAll(others), self)) {
                if (!ask.withCnic()) {
                    propose(ask.arrived().recordId(), ask.party().role(), candidate.personId(), candidate.reason());
                    continue;
                }
                boolean withoutCnic = jdbc.sql("select cnic is null from records.person where id = ?").param(candidate.personId())
                    .query(Boolean.class).single();
                if (withoutCnic) {
                    for (var link : activeLinksOf(candidate.personId())) {
                        propose(link.recordId(), link.role(), self, candidate.reason());
                    }
                }
            }
        }
    }

    private void lookUp(String kind, java.util.Collection<String> keys, Map<String, List<Long>> found) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.sql("""
                select x.value, k.record_id from jsonb_array_elements_text(cast(? as jsonb)) x(value)
                cross join lateral (select k.record_id from records.record_key k join records.record r on r.id = k.record_id
                                    where k.kind = ? and k.value = x.value and r.current order by k.record_id limit 200) k""")
            .params(JSON.writeValueAsString(keys), kind)
            .query(rs -> {
                found.computeIfAbsent(kind + "\u0000" + rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
            });
    }

    private record Asked(Arrived arrived, DepartmentRecord.Party party, List<String> whole, List<String> weak, boolean withCnic) {
    }

    private static List<String> wholeKeys(PersonNamed named) {
        var wholeKeys = new ArrayList<String>();
        for (String name : new String[] {named.name(), named.nameUrdu()}) {
            String key = SpellingKey.whole(name);
            if (!key.isEmpty() && !wholeKeys.contains(key)) {
                wholeKeys.add(key);
            }
        }
        return wholeKeys;
    }

    record Candidate(long personId, String reason) {
    }

    /** Of the records found by weak keys, the persons that spell the name alike and agree on the father's name, the date of birth or a phone. */
    private List<Candidate> candidates(PersonNamed named, List<String> wholeKeys, List<StoredRecord> alike, long except) {
        var found = new java.util.LinkedHashMap<Long, String>();
        for (var other : alike) {
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

    /**
     * @param personId the person the record may be
     * @param linkedPersonId the person the record is linked to now in that role (who a merge would take it from)
     * @param recordTitle what the record is, in one line
     */
    record Proposal(long id, long recordId, String role, long personId, String reason, String status, String decidedBy, Long linkedPersonId,
                    String recordTitle, String source, String sourceRecordId) {
    }

    /** A proposal with the record it is about and the person that record is linked to now. */
    static final String PROPOSAL = """
        select p.id, p.record_id, p.role, p.person_id, p.reason, p.status, p.decided_by,
          (select l.person_id from records.link l where l.record_id = p.record_id and l.role = p.role and l.undone_at is null
           and l.person_id is not null order by l.id desc limit 1) linked_person_id,
          r.kind, r.fields::text fields, s.name source_name, r.source_record_id
        from records.link_proposal p join records.record r on r.id = p.record_id join records.source s on s.id = r.source_id
        """;

    static Proposal proposal(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Map<String, String> fields = JSON.readValue(rs.getString("fields"), new tools.jackson.core.type.TypeReference<Map<String, String>>() { });
        String title = DepartmentRecord.read(RecordKind.valueOf(rs.getString("kind")), new Fields(fields)).title();
        return new Proposal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
            (Long) rs.getObject("linked_person_id"), title, rs.getString("source_name"), rs.getString("source_record_id"));
    }

    List<Proposal> open(int limit) {
        return jdbc.sql(PROPOSAL + "where p.status = 'PROPOSED' order by p.id limit ?").param(limit).query(Linking::proposal).list();
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
        var p = jdbc.sql(PROPOSAL + "where p.id = ?").param(id).query(Linking::proposal).optional()
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

}
