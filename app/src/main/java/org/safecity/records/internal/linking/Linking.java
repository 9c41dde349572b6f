package org.safecity.records.internal.linking;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safecity.records.internal.DepartmentRecord.PersonNamed;
import org.safecity.records.internal.DepartmentRecord;
import org.safecity.records.internal.RecordStore;
import org.safecity.records.internal.StoredRecord;
import org.safecity.records.internal.sources.SourceStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Links records to the persons and vehicles they speak of. A strong key (CNIC, registration, chassis)
 * links at once. A person named without a CNIC becomes a person of their own, and weak keys (the
 * name's spelling key with the father's name, the date of birth or a phone) only propose that they are
 * someone already known; an analyst confirms (a merge, which can be undone) or rejects them
 * ({@link ReviewingProposals}). Every link keeps who made it and why, and an undone link stays with who
 * undid it.
 */
@Service
public class Linking {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final RecordStore records;
    private final Clock clock;

    Linking(JdbcClient jdbc, RecordStore records, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.clock = clock;
    }

    /** A newly stored version; {@code previous} is the record's version before it, whose persons without CNIC it keeps. */
    public record Arrived(long recordId, DepartmentRecord record, Optional<StoredRecord> previous) {
    }

    /** A link to be written. */
    private record Pending(long recordId, String role, Long personId, NamedVehicles.Slot vehicle, String reason) {
    }

    /**
     * Links newly stored versions, with a statement per step for all of them: persons by CNIC, vehicles by
     * registration or chassis, a person of their own for each named without a CNIC (or the one the record's
     * earlier version had), then the proposals weak keys make.
     */
    public void link(List<Arrived> arrived, String by) {
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
        var vehicles = NamedVehicles.known(jdbc, plates, chassis);
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
                    pending.add(new Pending(a.recordId(), party.role(), null, vehicles.vehicle(v.plate(), RecordKeys.chassis(v.chassis())),
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
        vehicles.store(jdbc);
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

    Optional<Long> personOf(long recordId, String role) {
        return jdbc.sql("select person_id from records.link where record_id = ? and role = ? and person_id is not null and undone_at is null")
            .params(recordId, role).query(Long.class).optional();
    }

    public record ActiveLink(long id, long recordId, String role, Long personId, Long vehicleId, String strength, String reason, String linkedBy,
                      java.time.Instant linkedAt) {
    }

    private static final String LINK = "select id, record_id, role, person_id, vehicle_id, strength, reason, linked_by, linked_at from records.link ";

    public List<ActiveLink> activeLinksOf(long personId) {
        return jdbc.sql(LINK + "where person_id = ? and undone_at is null order by id").param(personId).query(Linking::link).list();
    }

    public List<ActiveLink> activeLinksOfVehicle(long vehicleId) {
        return jdbc.sql(LINK + "where vehicle_id = ? and undone_at is null order by id").param(vehicleId).query(Linking::link).list();
    }

    public List<ActiveLink> activeLinksOfRecords(java.util.Collection<Long> recordIds) {
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

    /** One link, written now; its id. */
    long insertLink(long recordId, String role, Long personId, Long vehicleId, String strength, String reason, String by) {
        return jdbc.sql("""
                insert into records.link (record_id, role, person_id, vehicle_id, strength, reason, linked_by, linked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
            .params(recordId, role, personId, vehicleId, strength, reason, by, Timestamp.from(clock.instant())).query(Long.class).single();
    }

}
