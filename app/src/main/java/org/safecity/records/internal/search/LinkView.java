package org.safecity.records.internal.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safecity.evidence.CaseRecords;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.records.internal.DepartmentRecord;
import org.safecity.records.internal.FirNumbers;
import org.safecity.records.internal.RecordStore;
import org.safecity.records.internal.StoredRecord;
import org.safecity.records.internal.Visibility;
import org.safecity.records.internal.linking.Linking;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.shared.Plate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The link view, one step at a time: from a person, vehicle, phone or FIR, the nodes one record away
 * (person to vehicle to phone to FIR to case), only through records the reader may see. The console
 * expands a node by asking again from it.
 */
@Service
class LinkView {

    private final JdbcClient jdbc;
    private final RecordStore records;
    private final Linking linking;
    private final CaseRecords cases;
    private final AuditTrail audit;

    LinkView(JdbcClient jdbc, RecordStore records, Linking linking, CaseRecords cases, AuditTrail audit) {
        this.jdbc = jdbc;
        this.records = records;
        this.linking = linking;
        this.cases = cases;
        this.audit = audit;
    }

    record Node(String id, String type, String label) {
    }

    record Edge(String from, String to, String relation, String source) {
    }

    record Step(Node from, List<Node> nodes, List<Edge> edges) {
    }

    @Transactional
    Step step(String from, String purpose) {
        Searching.requirePurpose(purpose);
        if (from == null || !from.matches("(person|vehicle|phone|fir):[A-Za-z0-9]{1,20}")) {
            throw new InvalidInput("from", "must name a node: person:{id}, vehicle:{plate}, phone:{digits} or fir:{recordId}");
        }
        var visibility = Visibility.of(CurrentActor.get());
        String type = from.substring(0, from.indexOf(':'));
        String key = from.substring(from.indexOf(':') + 1);
        var nodes = new LinkedHashMap<String, Node>();
        var edges = new ArrayList<Edge>();
        List<Long> recordIds = switch (type) {
            case "person" -> Profiles.ids(linking.activeLinksOf(number(key)));
            case "vehicle" -> Profiles.ids(linking.activeLinksOfVehicle(vehicle(key)));
            case "phone" -> records.byKey("phone", List.of(key), Searching.MOST_CANDIDATES);
            default -> List.of(number(key));
        };
        var seen = records.findAll(recordIds).stream().filter(r -> visibility.sees(r.kind()) && r.current()).toList();
        if (seen.isEmpty()) {
            throw new NotFound(type, key);
        }
        var byRecord = new HashMap<Long, StoredRecord>();
        seen.forEach(r -> byRecord.put(r.id(), r));
        Node self = new Node(from, type, key);
        for (var link : linking.activeLinksOfRecords(byRecord.keySet())) {
            var stored = byRecord.get(link.recordId());
            var record = stored.read();
            String via = stored.sourceCode() + " " + stored.sourceRecordId();
            if (record instanceof DepartmentRecord.FirRecord fir && !type.equals("fir")) {
                add(nodes, edges, from, new Node("fir:" + stored.id(), "fir", fir.title()), link.role() + " in", via);
            }
            for (var party : record.parties()) {
                if (!party.role().equals(link.role())) {
                    continue;
                }
                if (link.personId() != null && !(type.equals("person") && key.equals(Long.toString(link.personId())))) {
                    if (type.equals("phone") && !key.equals(party.person().phone())) {
                        continue;
                    }
                    add(nodes, edges, from, new Node("person:" + link.personId(), "person", Searching.title(party.person())), link.role(), via);
                }
                if (link.personId() != null && type.equals("person") && key.equals(Long.toString(link.personId()))
                    && party.person().phone() != null) {
                    add(nodes, edges, from, new Node("phone:" + party.person().phone(), "phone", party.person().phone()), "phone", via);
                }
                if (link.vehicleId() != null && party.vehicle() != null && party.vehicle().plate() != null
                    && !(type.equals("vehicle") && Plate.normalise(key).equals(party.vehicle().plate()))) {
                    add(nodes, edges, from, new Node("vehicle:" + party.vehicle().plate(), "vehicle", party.vehicle().plate()), link.role(), via);
                }
            }
            if (type.equals("fir") && record instanceof DepartmentRecord.FirRecord fir && fir.year() != null) {
                for (var c : casesOf(fir.reference())) {
                    add(nodes, edges, from, new Node("case:" + c.id(), "case", c.firNumber() + " " + c.offence()), "case of", "evidence");
                }
            }
        }
        audit.record("records.links-viewed", "records-" + type, key, purpose.strip(), Map.of("nodes", nodes.size()));
        return new Step(self, List.copyOf(nodes.values()), edges);
    }

    /** The evidence cases the reader may see whose FIR number is this one ({@code 123/2026}, however prefixed). */
    List<CaseRecords.CaseListing> casesOf(String reference) {
        var found = new ArrayList<CaseRecords.CaseListing>();
        for (int page = 0; page < 5; page++) {
            var listed = cases.visibleCases(page);
            listed.stream().filter(c -> c.firNumber() != null && FirNumbers.in(c.firNumber().replaceFirst("(?i)^fir[- ]*", ""))
                .map(reference::equals).orElse(false)).forEach(found::add);
            if (listed.isEmpty()) {
                break;
            }
        }
        return found;
    }

    private static void add(Map<String, Node> nodes, List<Edge> edges, String from, Node node, String relation, String via) {
        nodes.putIfAbsent(node.id(), node);
        var edge = new Edge(from, node.id(), relation, via);
        if (!edges.contains(edge)) {
            edges.add(edge);
        }
    }

    private long vehicle(String plate) {
        return jdbc.sql("select id from records.vehicle where plate = ?").param(Plate.normalise(plate)).query(Long.class).optional()
            .orElseThrow(() -> new NotFound("vehicle", plate));
    }

    private static long number(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new InvalidInput("from", "must end in a number for a person or FIR");
        }
    }
}
