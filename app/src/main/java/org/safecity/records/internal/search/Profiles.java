package org.safecity.records.internal.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safecity.detections.LatestSightings;
import org.safecity.detections.OcrConfusion;
import org.safecity.emergency.IncidentLookup;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.records.internal.DepartmentRecord.PersonNamed;
import org.safecity.records.internal.DepartmentRecord;
import org.safecity.records.internal.RecordStore;
import org.safecity.records.internal.StoredRecord;
import org.safecity.records.internal.Visibility;
import org.safecity.records.internal.linking.Linking;
import org.safecity.records.internal.linking.ReviewingProposals;
import org.safecity.shared.Cnic;
import org.safecity.shared.NotFound;
import org.safecity.shared.Plate;
import org.safecity.traffic.ChallanLookup;
import org.safecity.watchlists.FedWatchlists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything known of one person or vehicle that the reader may see: each value with the source and
 * time it came from, every record (all versions) with why it is linked, the vehicles and persons it
 * links to, FIRs, watchlist entries and challans. A purpose is required; each view is audited.
 */
@Service
class Profiles {

    private final JdbcClient jdbc;
    private final RecordStore records;
    private final Linking linking;
    private final FedWatchlists watchlists;
    private final ChallanLookup challans;
    private final AuditTrail audit;
    private final IncidentLookup incidents;
    private final LatestSightings sightings;

    Profiles(JdbcClient jdbc, RecordStore records, Linking linking, FedWatchlists watchlists, ChallanLookup challans, AuditTrail audit,
             IncidentLookup incidents, LatestSightings sightings) {
        this.incidents = incidents;
        this.sightings = sightings;
        this.jdbc = jdbc;
        this.records = records;
        this.linking = linking;
        this.watchlists = watchlists;
        this.challans = challans;
        this.audit = audit;
    }

    /** A value and where it came from. */
    record Sourced(String value, String source, String sourceRecordId, String version, Instant receivedAt, boolean current) {
    }

    record LinkedRecord(long recordId, String kind, String title, String role, String source, String sourceName, String sourceRecordId,
                        String version, Instant receivedAt, String receivedVia, boolean current, boolean open, Map<String, String> fields,
                        String linkStrength, String linkReason, String linkedBy, Instant linkedAt, long linkId) {
    }

    record Related(String type, String id, String title, String relation, String source, Instant receivedAt) {
    }

    record PersonProfile(long id, String cnic, Map<String, List<Sourced>> facts, List<LinkedRecord> records, List<Related> vehicles,
                         List<LinkedRecord> firs, List<FedWatchlists.ListedEntry> watchlistEntries, List<ChallanLookup.ChallanSummary> challans,
                         List<IncidentLookup.IncidentSummary> incidents, List<LatestSightings.SightingSummary> sightings,
                         List<ReviewingProposals.Proposal> proposals) {
    }

    record VehicleProfile(long id, String plate, String chassis, Map<String, List<Sourced>> facts, List<LinkedRecord> records,
                          List<Related> owners, List<FedWatchlists.ListedEntry> watchlistEntries,
                          List<ChallanLookup.ChallanSummary> challans, List<LatestSightings.SightingSummary> sightings) {
    }

    /** How far back and how many of a vehicle's latest sightings a profile shows. */
    static final int SIGHTING_DAYS = 7;
    static final int SIGHTINGS = 20;

    @Transactional
    PersonProfile person(long id, String purpose) {
        Searching.requirePurpose(purpose);
        var visibility = Visibility.of(CurrentActor.get());
        String cnic = jdbc.sql("select cnic from records.person where id = ?").param(id).query(String.class).optional()
            .orElseThrow(() -> new NotFound("person", id));
        var linked = linked(linking.activeLinksOf(id), visibility);
        if (linked.isEmpty()) {
            throw new NotFound("person", id);
        }
        var facts = new LinkedHashMap<String, List<Sourced>>();
        var vehicles = new ArrayList<Related>();
        var firs = new ArrayList<LinkedRecord>();
        var byRecord = new HashMap<Long, StoredRecord>();
        records.findAll(linked.stream().map(LinkedRecord::recordId).toList()).forEach(r -> byRecord.put(r.id(), r));
        for (var l : linked) {
            var stored = byRecord.get(l.recordId());
            var record = stored.read();
            for (var party : record.parties()) {
                if (party.role().equals(l.role()) && party.person() != null) {
                    addPersonFacts(facts, party.person(), stored);
                }
            }
            if (record instanceof DepartmentRecord.PersonRecord p) {
                add(facts, "address", p.address(), stored);
                add(facts, "photo", p.photo(), stored);
            }
            if (record instanceof DepartmentRecord.FirRecord) {
                firs.add(l);
            }
        }
        for (var link : linking.activeLinksOfRecords(byRecord.keySet())) {
            if (link.vehicleId() != null) {
                var stored = byRecord.get(link.recordId());
                plateOf(link.vehicleId()).ifPresent(plate -> vehicles.add(new Related("vehicle", plate, plate,
                    roleOfPerson(linked, link.recordId()) + " in " + stored.kind().name().toLowerCase().replace('_', ' '), stored.sourceCode(),
                    stored.receivedAt())));
            }
        }
        var plates = vehicles.stream().map(Related::id).distinct().toList();
        var entries = visibility.seesWatchlists() ? watchlists.listed(plates, cnic == null ? List.of() : List.of(cnic), null, 50)
            : List.<FedWatchlists.ListedEntry>of();
        var challanList = visibility.seesChallans() && (cnic != null || !plates.isEmpty()) ? challans.find(plates, cnic, 50)
            : List.<ChallanLookup.ChallanSummary>of();
        var proposals = jdbc.sql(ReviewingProposals.PROPOSAL + """
                where p.status = 'PROPOSED' and (p.person_id = ? or exists (select 1 from records.link l where l.record_id = p.record_id
                  and l.role = p.role and l.person_id = ? and l.undone_at is null)) order by p.id""")
            .params(id, id).query(ReviewingProposals::proposal).list();
        var calls = new ArrayList<IncidentLookup.IncidentSummary>();
        if (visibility.seesIncidents()) {
            facts.getOrDefault("phone", List.of()).stream().map(Sourced::value).distinct()
                .forEach(phone -> calls.addAll(incidents.calledFrom(phone, 20)));
        }
        var seen = new ArrayList<LatestSightings.SightingSummary>();
        if (visibility.seesSightings()) {
            plates.forEach(plate -> seen.addAll(sightings.of(plate, SIGHTING_DAYS, SIGHTINGS)));
            seen.sort((a, b) -> b.observedAt().compareTo(a.observedAt()));
        }
        audit.record("records.person-viewed", "records-person", Long.toString(id), purpose.strip(),
            Map.of("records", linked.size(), "cnic", cnic == null ? "" : cnic));
        return new PersonProfile(id, cnic == null ? null : new Cnic(cnic).display(), facts, linked, vehicles, visibility.seesFirs() ? firs : List.of(),
            entries, challanList, calls, seen.stream().limit(SIGHTINGS).toList(), visibility.seesFirs() ? proposals : List.of());
    }

    @Transactional
    VehicleProfile vehicle(String plateText, String purpose) {
        Searching.requirePurpose(purpose);
        var visibility = Visibility.of(CurrentActor.get());
        String plate;
        try {
            plate = Plate.of(plateText).normalised();
        } catch (IllegalArgumentException e) {
            throw new org.safecity.shared.InvalidInput("plate", e.getMessage());
        }
        var row = jdbc.sql("select id, plate, chassis from records.vehicle where plate = ?").param(plate)
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).optional()
            .or(() -> {
                var folded = jdbc.sql("select id, plate, chassis from records.vehicle where plate_folded = ? limit 2")
                    .param(OcrConfusion.fold(plate)).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
                return folded.size() == 1 ? Optional.of(folded.getFirst()) : Optional.empty();
            })
            .orElseThrow(() -> new NotFound("vehicle", plate));
        long id = (long) row[0];
        var linked = linked(linking.activeLinksOfVehicle(id), visibility);
        if (linked.isEmpty()) {
            throw new NotFound("vehicle", plate);
        }
        var facts = new LinkedHashMap<String, List<Sourced>>();
        var byRecord = new HashMap<Long, StoredRecord>();
        records.findAll(linked.stream().map(LinkedRecord::recordId).toList()).forEach(r -> byRecord.put(r.id(), r));
        for (var stored : byRecord.values()) {
            if (stored.read() instanceof DepartmentRecord.VehicleRecord v) {
                add(facts, "plate", v.vehicle().plate(), stored);
                add(facts, "chassis", v.vehicle().chassis(), stored);
                add(facts, "engine", v.engine(), stored);
                add(facts, "make", v.make(), stored);
                add(facts, "model", v.model(), stored);
                add(facts, "colour", v.colour(), stored);
            }
        }
        var owners = new ArrayList<Related>();
        var cnics = new LinkedHashSet<String>();
        for (var link : linking.activeLinksOfRecords(byRecord.keySet())) {
            var stored = byRecord.get(link.recordId());
            if (link.personId() == null) {
                continue;
            }
            for (var party : stored.read().parties()) {
                if (party.role().equals(link.role()) && party.person() != null) {
                    owners.add(new Related("person", Long.toString(link.personId()), Searching.title(party.person()),
                        link.role() + " in " + stored.kind().name().toLowerCase().replace('_', ' ') + (stored.current() ? "" : " (earlier version)"),
                        stored.sourceCode(), stored.receivedAt()));
                    if (party.person().cnic() != null && "owner".equals(link.role()) && stored.current()) {
                        cnics.add(party.person().cnic());
                    }
                }
            }
        }
        String known = (String) row[1];
        var plates = known == null ? List.<String>of() : List.of(known);
        var entries = visibility.seesWatchlists() ? watchlists.listed(plates, List.copyOf(cnics), null, 50) : List.<FedWatchlists.ListedEntry>of();
        var challanList = visibility.seesChallans() && !plates.isEmpty() ? challans.find(plates, null, 50) : List.<ChallanLookup.ChallanSummary>of();
        audit.record("records.vehicle-viewed", "records-vehicle", known == null ? Long.toString(id) : known, purpose.strip(),
            Map.of("records", linked.size()));
        var seen = visibility.seesSightings() && known != null ? sightings.of(known, SIGHTING_DAYS, SIGHTINGS)
            : List.<LatestSightings.SightingSummary>of();
        return new VehicleProfile(id, known, (String) row[2], facts, linked, owners, entries, challanList, seen);
    }

    private String roleOfPerson(List<LinkedRecord> linked, long recordId) {
        return linked.stream().filter(l -> l.recordId() == recordId).map(LinkedRecord::role).findFirst().orElse("named");
    }

    private Optional<String> plateOf(long vehicleId) {
        return jdbc.sql("select coalesce(plate, chassis) from records.vehicle where id = ?").param(vehicleId).query(String.class).optional();
    }

    /** The linked records the reader may see, newest first. */
    List<LinkedRecord> linked(List<Linking.ActiveLink> links, Visibility visibility) {
        var byRecord = new HashMap<Long, Linking.ActiveLink>();
        links.forEach(l -> byRecord.putIfAbsent(l.recordId(), l));
        return records.findAll(byRecord.keySet()).stream().filter(r -> visibility.sees(r.kind())).map(r -> {
            var l = byRecord.get(r.id());
            return new LinkedRecord(r.id(), r.kind().name(), r.read().title(), l.role(), r.sourceCode(), r.sourceName(), r.sourceRecordId(),
                r.version(), r.receivedAt(), r.receivedVia(), r.current(), r.open(), r.fields(), l.strength(), l.reason(), l.linkedBy(),
                l.linkedAt(), l.id());
        }).toList();
    }

    private static void addPersonFacts(Map<String, List<Sourced>> facts, PersonNamed p, StoredRecord stored) {
        add(facts, "cnic", p.cnic() == null ? null : new Cnic(p.cnic()).display(), stored);
        add(facts, "name", p.name(), stored);
        add(facts, "nameUrdu", p.nameUrdu(), stored);
        add(facts, "fatherName", p.fatherName(), stored);
        add(facts, "dateOfBirth", p.dateOfBirth() == null ? null : p.dateOfBirth().toString(), stored);
        add(facts, "phone", p.phone(), stored);
    }

    private static void add(Map<String, List<Sourced>> facts, String fact, String value, StoredRecord stored) {
        if (value == null) {
            return;
        }
        var list = facts.computeIfAbsent(fact, k -> new ArrayList<>());
        list.add(new Sourced(value, stored.sourceCode(), stored.sourceRecordId(), stored.version(), stored.receivedAt(), stored.current()));
    }

    static List<Long> ids(Collection<Linking.ActiveLink> links) {
        return links.stream().map(Linking.ActiveLink::recordId).distinct().toList();
    }
}
