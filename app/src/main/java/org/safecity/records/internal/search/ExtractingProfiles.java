package org.safecity.records.internal.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.safecity.evidence.CaseRecords;
import org.safecity.evidence.EvidenceIntake;
import org.safecity.evidence.EvidenceKind;
import org.safecity.evidence.IntakeDetails;
import org.safecity.evidence.ReceivedItem;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.shared.InvalidInput;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds a profile to an evidence case as a record extract: the profile as the investigator sees it,
 * as JSON, handed to evidence, which stores it content-addressed (its SHA-256 is its seal), starts its
 * custody log and signs it with the case's export. Only a case the investigator may read takes it.
 */
@Service
class ExtractingProfiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Profiles profiles;
    private final CaseRecords cases;
    private final EvidenceIntake intake;
    private final AuditTrail audit;
    private final Clock clock;

    ExtractingProfiles(Profiles profiles, CaseRecords cases, EvidenceIntake intake, AuditTrail audit, Clock clock) {
        this.profiles = profiles;
        this.cases = cases;
        this.intake = intake;
        this.audit = audit;
        this.clock = clock;
    }

    record Request(String caseId, String purpose) {
    }

    ReceivedItem person(long id, Request request) {
        UUID caseId = caseOf(request);
        var profile = profiles.person(id, request.purpose());
        return hand(caseId, "person", Long.toString(id), profile, request.purpose());
    }

    ReceivedItem vehicle(String plate, Request request) {
        UUID caseId = caseOf(request);
        var profile = profiles.vehicle(plate, request.purpose());
        return hand(caseId, "vehicle", profile.plate(), profile, request.purpose());
    }

    private UUID caseOf(Request request) {
        if (request == null || request.caseId() == null || request.caseId().isBlank()) {
            throw new InvalidInput("caseId", "is required: the evidence case the extract goes to");
        }
        Searching.requirePurpose(request.purpose());
        UUID caseId;
        try {
            caseId = UUID.fromString(request.caseId().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("caseId", "must be a case's id, such as 0b6f3c1e-...");
        }
        cases.caseFile(caseId); // a case the investigator is not on is not found, as when reading it
        return caseId;
    }

    private ReceivedItem hand(UUID caseId, String type, String key, Object profile, String purpose) {
        var extract = new LinkedHashMap<String, Object>();
        extract.put("extract", "SafeCity records " + type + " profile");
        extract.put("extractedAt", clock.instant().toString());
        extract.put("extractedBy", CurrentActor.name());
        extract.put("purpose", purpose.strip());
        extract.put(type, profile);
        byte[] content = JSON.writeValueAsString(extract).getBytes(StandardCharsets.UTF_8);
        try {
            var item = intake.receive(new ByteArrayInputStream(content), new IntakeDetails("records", EvidenceKind.DOCUMENT,
                "records-" + type + "-" + key + ".json", "Record extract of " + type + " " + key + ": " + purpose.strip(),
                CurrentActor.name(), clock.instant(), null, caseId));
            audit.record("records.extract-added", "records-" + type, key, purpose.strip(), Map.of("case", caseId.toString(),
                "item", item.id().toString(), "sha256", item.sha256()));
            return item;
        } catch (IOException e) {
            throw new UncheckedIOException("the extract could not be stored as evidence", e);
        }
    }
}
