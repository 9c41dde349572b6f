package org.safecity.records.internal.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safecity.identity.AuditReading;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.Writes;
import org.safecity.records.internal.RecordStore;
import org.safecity.records.internal.Visibility;
import org.safecity.records.internal.linking.ReviewingProposals;
import org.safecity.shared.Cnic;
import org.safecity.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** One search, profiles of persons and vehicles, the analyst's linking, and the data subject's access report. */
@RestController
@Tag(name = "Records: search and profiles", description = "One search across records and modules; profiles; linking; subject access")
class SearchController {

    private final Searching searching;
    private final Profiles profiles;
    private final ReviewingProposals reviewing;
    private final RecordStore records;
    private final JdbcClient jdbc;
    private final AuditReading auditReading;
    private final AuditTrail audit;
    private final ExtractingProfiles extracting;
    private final LinkView linkView;

    SearchController(ExtractingProfiles extracting, LinkView linkView, Searching searching, Profiles profiles, ReviewingProposals reviewing, RecordStore records, JdbcClient jdbc, AuditReading auditReading,
                     AuditTrail audit) {
        this.searching = searching;
        this.profiles = profiles;
        this.reviewing = reviewing;
        this.records = records;
        this.jdbc = jdbc;
        this.auditReading = auditReading;
        this.audit = audit;
        this.extracting = extracting;
        this.linkView = linkView;
    }

    @GetMapping("/api/v1/search")
    @PreAuthorize(Visibility.READERS)
    @Operation(summary = "Search persons, vehicles, FIRs, watchlist entries and challans by CNIC (dashes or not), plate (tolerant of "
        + "misread characters), phone, FIR number (123/2026) or name (English spelling variants, Urdu script); grouped by type, best "
        + "first; what each role sees is limited (see docs/records.md); purpose is required and the search is audited")
    Searching.Found search(@RequestParam(required = false) String q, @RequestParam(required = false) String purpose,
                           @RequestParam(required = false) Integer limit) {
        return searching.search(q, purpose, limit);
    }

    @GetMapping("/api/v1/persons/{id}")
    @PreAuthorize(Visibility.READERS)
    @Operation(summary = "Everything known of a person that you may see, each value with its source and time; purpose required; audited")
    Profiles.PersonProfile person(@PathVariable long id, @RequestParam(required = false) String purpose) {
        return profiles.person(id, purpose);
    }

    @GetMapping("/api/v1/vehicles/{plate}")
    @PreAuthorize(Visibility.READERS)
    @Operation(summary = "Everything known of a vehicle that you may see: registration, owners, reports, watchlists, challans; purpose required; audited")
    Profiles.VehicleProfile vehicle(@PathVariable String plate, @RequestParam(required = false) String purpose) {
        return profiles.vehicle(plate, purpose);
    }

    @PostMapping("/api/v1/persons/{id}/extracts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Add the person's profile (as you see it) to an evidence case you are on, as a sealed record extract; caseId and purpose required")
    org.safecity.evidence.ReceivedItem extractPerson(@PathVariable long id, @RequestBody ExtractingProfiles.Request request) {
        return extracting.person(id, request);
    }

    @PostMapping("/api/v1/vehicles/{plate}/extracts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Add the vehicle's profile to an evidence case you are on, as a sealed record extract; caseId and purpose required")
    org.safecity.evidence.ReceivedItem extractVehicle(@PathVariable String plate, @RequestBody ExtractingProfiles.Request request) {
        return extracting.vehicle(plate, request);
    }

    @GetMapping("/api/v1/records/links")
    @PreAuthorize(Visibility.READERS)
    @Operation(summary = "One step of the link view from a node (person:{id}, vehicle:{plate}, phone:{digits}, fir:{recordId}): its neighbours "
        + "(persons, vehicles, phones, FIRs, cases); expand a neighbour by asking again from it; purpose required; audited")
    LinkView.Step links(@RequestParam(required = false) String from, @RequestParam(required = false) String purpose) {
        return linkView.step(from, purpose);
    }

    record Decision(String reason) {
    }

    @GetMapping("/api/v1/records/link-proposals")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR')")
    @Operation(summary = "Links weak keys propose (a name spelled alike with the same father's name, date of birth or phone), oldest first")
    List<ReviewingProposals.Proposal> proposals() {
        return reviewing.open(200);
    }

    @PostMapping("/api/v1/records/link-proposals/{id}/confirm")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Confirm a proposed link (a merge, which can be undone); reason required")
    Map<String, Object> confirm(@PathVariable long id, @RequestBody Decision decision) {
        return Map.of("linkId", reviewing.confirm(id, decision == null ? null : decision.reason()));
    }

    @PostMapping("/api/v1/records/link-proposals/{id}/reject")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Reject a proposed link; reason required")
    Map<String, Object> reject(@PathVariable long id, @RequestBody Decision decision) {
        reviewing.reject(id, decision == null ? null : decision.reason());
        return Map.of("proposalId", id, "status", "REJECTED");
    }

    @PostMapping("/api/v1/records/links/{id}/undo")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Undo a confirmed link: the record goes back to the person it was linked to before; reason required")
    Map<String, Object> undo(@PathVariable long id, @RequestBody Decision decision) {
        reviewing.undo(id, decision == null ? null : decision.reason());
        return Map.of("linkId", id, "undone", true);
    }

    /**
     * For the data protection officer (an auditor): every record naming the CNIC, every version, from which
     * source and when, and every time someone viewed the person or searched for the CNIC, with the purpose given.
     */
    @GetMapping("/api/v1/records/subject-access/{cnic}")
    @PreAuthorize("hasRole('AUDITOR')")
    @Transactional
    @Operation(summary = "Subject access report for one CNIC: records, sources, versions, and who viewed or searched them and why; purpose required; audited")
    Map<String, Object> subjectAccess(@PathVariable String cnic, @RequestParam(required = false) String purpose) {
        Searching.requirePurpose(purpose);
        String digits;
        try {
            digits = Cnic.of(cnic).digits();
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("cnic", e.getMessage());
        }
        var persons = jdbc.sql("select id from records.person where cnic = ?").param(digits).query(Long.class).list();
        var recordIds = jdbc.sql("select record_id from records.record_key where kind = 'cnic' and value = ?").param(digits)
            .query(Long.class).list();
        var found = new ArrayList<Map<String, Object>>();
        for (var r : records.findAll(recordIds)) {
            var row = new LinkedHashMap<String, Object>();
            row.put("recordId", r.id());
            row.put("kind", r.kind().name());
            row.put("source", r.sourceCode());
            row.put("sourceName", r.sourceName());
            row.put("sourceRecordId", r.sourceRecordId());
            row.put("version", r.version());
            row.put("receivedAt", r.receivedAt());
            row.put("receivedVia", r.receivedVia());
            row.put("current", r.current());
            row.put("fields", r.fields());
            found.add(row);
        }
        var accesses = new ArrayList<AuditReading.Entry>();
        accesses.addAll(auditReading.about("records-person", persons.stream().map(String::valueOf).toList(), 1000));
        accesses.addAll(auditReading.about("records-search", List.of(digits, new Cnic(digits).display()), 1000));
        accesses.sort((a, b) -> Long.compare(b.seq(), a.seq()));
        audit.record("records.subject-access-report", "cnic", digits, purpose.strip(), Map.of("records", found.size(), "accesses", accesses.size()));
        var report = new LinkedHashMap<String, Object>();
        report.put("cnic", new Cnic(digits).display());
        report.put("persons", persons);
        report.put("records", found);
        report.put("accesses", accesses);
        return report;
    }
}
