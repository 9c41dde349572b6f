package org.safecity.partners.internal.inspections;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import org.safecity.evidence.EvidenceIntake;
import org.safecity.evidence.EvidenceKind;
import org.safecity.evidence.IntakeDetails;
import org.safecity.evidence.ReceivedItem;
import org.safecity.shared.TimeConfiguration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Writes;
import org.safecity.partners.internal.Access;
import org.safecity.partners.internal.compliance.EvaluatingCompliance;
import org.safecity.partners.internal.compliance.Requirement;
import org.safecity.partners.internal.compliance.Requirements;
import org.safecity.partners.internal.premises.Premises;
import org.safecity.partners.internal.premises.PremisesStore;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;
import org.safecity.shared.MediaTypeSniffer;
import org.safecity.shared.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An inspector's visit to a premises: the checklist of its category as found, findings and the
 * outcome. The latest visit's outcome counts in the premises' compliance (a failed one is a reason
 * until a later one passes). Inspectors work as compliance officers.
 */
@RestController
@Tag(name = "Inspections", description = "Inspectors' visits to commercial premises; the latest outcome counts in compliance")
class InspectionController {

    private final PremisesStore premises;
    private final InspectionStore inspections;
    private final Requirements requirements;
    private final EvaluatingCompliance evaluating;
    private final AuditTrail audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final EvidenceIntake evidence;

    InspectionController(PremisesStore premises, InspectionStore inspections, Requirements requirements, EvaluatingCompliance evaluating,
                         AuditTrail audit, Clock clock, EvidenceIntake evidence) {
        this.evidence = evidence;
        this.premises = premises;
        this.inspections = inspections;
        this.requirements = requirements;
        this.evaluating = evaluating;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/v1/premises/{id}/checklist")
    @PreAuthorize(Access.REGISTER)
    @Operation(summary = "What an inspector checks at this premises, from the requirement of its category in force today")
    List<String> checklist(@PathVariable long id) {
        return checklistOf(Access.reach(premises.find(id).orElseThrow(() -> new NotFound("premises", id))));
    }

    private List<String> checklistOf(Premises p) {
        var requirement = Requirement.inForce(requirements.all(), p.category(), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        if (requirement.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        items.add("at least " + requirement.get().minCameras() + " cameras working");
        requirement.get().points().forEach(point -> items.add(point + " covered"));
        items.add("recordings kept " + requirement.get().retentionDays() + " days");
        return items;
    }

    record InspectionInput(@Schema(description = "each checklist item as found: true when met") Map<String, Boolean> checklist,
                           String findings, @Schema(description = "PASSED or FAILED") String outcome) {
    }

    @PostMapping("/api/v1/premises/{id}/inspections")
    @PreAuthorize(Access.REGISTER)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Record a visit: every checklist item as found, findings, PASSED or FAILED; a failed item needs FAILED")
    @Transactional
    ResponseEntity<Map<String, Object>> record(@PathVariable long id, @RequestBody(required = false) InspectionInput input) {
        var p = Access.reach(premises.find(id).orElseThrow(() -> new NotFound("premises", id)));
        var items = checklistOf(p);
        List<FieldError> errors = new ArrayList<>();
        String outcome = input == null || input.outcome() == null ? "" : input.outcome().strip().toUpperCase(Locale.ROOT);
        if (!outcome.equals("PASSED") && !outcome.equals("FAILED")) {
            errors.add(new FieldError("outcome", "is required: PASSED or FAILED"));
        }
        var checklist = input == null || input.checklist() == null ? Map.<String, Boolean>of() : input.checklist();
        for (String item : items) {
            if (checklist.get(item) == null) {
                errors.add(new FieldError("checklist", "lacks '" + item + "' (true or false); the items are " + String.join("; ", items)));
            }
        }
        for (String given : checklist.keySet()) {
            if (!items.contains(given)) {
                errors.add(new FieldError("checklist", "names '" + given + "', which is not on this premises' checklist"));
            }
        }
        if (outcome.equals("PASSED") && checklist.containsValue(Boolean.FALSE)) {
            errors.add(new FieldError("outcome", "cannot be PASSED while a checklist item is not met"));
        }
        String findings = input == null || input.findings() == null || input.findings().isBlank() ? null : input.findings().strip();
        if (outcome.equals("FAILED") && findings == null) {
            errors.add(new FieldError("findings", "are required for a FAILED inspection: what the premises must remedy"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var ordered = new LinkedHashMap<String, Boolean>();
        items.forEach(item -> ordered.put(item, checklist.get(item)));
        long inspection = inspections.insert(id, clock.instant(), CurrentActor.name(), json.writeValueAsString(ordered), findings,
            outcome.equals("PASSED"));
        audit.record("partners.inspection-recorded", "premises", Long.toString(id), null, Map.of("inspection", inspection, "outcome", outcome));
        evaluating.evaluate(id);
        var body = new LinkedHashMap<String, Object>();
        body.put("id", inspection);
        body.put("premisesId", id);
        body.put("outcome", outcome);
        body.put("reasons", EvaluatingCompliance.reasons(evaluating.assess(premises.find(id).orElseThrow()).compliance()));
        return ResponseEntity.created(URI.create("/api/v1/premises/" + id + "/inspections/" + inspection)).body(body);
    }

    @GetMapping("/api/v1/premises/{id}/inspections")
    @PreAuthorize(Access.READ)
    @Operation(summary = "The premises' inspections, newest first; a premises' manager reads its own")
    List<Map<String, Object>> list(@PathVariable long id) {
        Access.reach(premises.find(id).orElseThrow(() -> new NotFound("premises", id)));
        List<Map<String, Object>> answer = new ArrayList<>();
        var photos = inspections.photos(id);
        for (var i : inspections.of(id)) {
            var row = new LinkedHashMap<String, Object>();
            row.put("id", i.id());
            row.put("inspectedAt", i.inspectedAt());
            row.put("inspector", i.inspector());
            row.put("checklist", json.readValue(i.checklistJson(), new TypeReference<Map<String, Boolean>>() {
            }));
            row.put("findings", i.findings());
            row.put("outcome", i.outcome());
            row.put("photos", photos.getOrDefault(i.id(), List.of()).stream().map(InspectionController::photoView).toList());
            answer.add(row);
        }
        return answer;
    }

    /** The largest photo taken: a phone's full-resolution picture is well under it. */
    static final long MAX_PHOTO_BYTES = 15L * 1024 * 1024;
    private static final Set<String> PICTURE_TYPES = Set.of("image/jpeg", "image/png", "image/webp");
    /** Enough of a picture for its signature; the rest is streamed, never held. */
    private static final int PICTURE_HEAD_BYTES = 512;

    @PostMapping(path = "/api/v1/premises/{id}/inspections/{inspectionId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Access.REGISTER)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Add a photo taken at a visit (JPEG, PNG or WebP in the multipart field photo, at most 15 MB; optional "
        + "caption): kept as an evidence item, hashed and sealed, with its custody log; the same picture again answers the photo "
        + "already kept (200)")
    ResponseEntity<Map<String, Object>> addPhoto(@PathVariable long id, @PathVariable long inspectionId,
                                                 @Parameter(description = "the picture: JPEG, PNG or WebP, at most 15 MB")
                                                 @RequestPart(name = "photo", required = false) MultipartFile photo,
                                                 @RequestParam(required = false) String caption) throws IOException {
        var p = Access.reach(premises.find(id).orElseThrow(() -> new NotFound("premises", id)));
        var visit = inspections.find(id, inspectionId).orElseThrow(() -> new NotFound("inspection", inspectionId));
        if (photo == null || photo.isEmpty()) {
            throw new InvalidInput("photo", "is required: the picture, in the multipart field photo");
        }
        if (photo.getSize() > MAX_PHOTO_BYTES) {
            throw new InvalidInput("photo", "is larger than 15 MB: send a smaller picture");
        }
        String text = caption == null || caption.isBlank() ? null : caption.strip();
        if (text != null && text.length() > 500) {
            throw new InvalidInput("caption", "must be at most 500 characters");
        }
        String sha256;
        try (var in = photo.getInputStream()) {
            if (!PICTURE_TYPES.contains(MediaTypeSniffer.sniff(in.readNBytes(PICTURE_HEAD_BYTES)))) {
                throw new InvalidInput("photo", "is not a JPEG, PNG or WebP picture");
            }
        }
        try (var in = photo.getInputStream()) {
            sha256 = sha256(in);
        }
        var before = inspections.photo(inspectionId, sha256);
        if (before.isPresent()) {
            return ResponseEntity.ok(photoView(before.get()));
        }
        var now = clock.instant();
        ReceivedItem item;
        try (var in = photo.getInputStream()) {
            item = evidence.receive(in, new IntakeDetails("partners", EvidenceKind.PHOTO, photo.getOriginalFilename(),
                "Inspection " + inspectionId + " of premises " + id + " (" + p.name() + ", licence " + p.licenceNumber() + ") on "
                    + LocalDate.ofInstant(visit.inspectedAt(), TimeConfiguration.DISPLAY_ZONE) + (text == null ? "" : ": " + text),
                CurrentActor.name(), now, p.address() + ", " + p.cityCode(), null));
        }
        var kept = new InspectionStore.Photo(inspectionId, item.id(), item.sha256(), item.mediaType(), item.size(), text, now,
            CurrentActor.name());
        if (!inspections.addPhoto(kept)) {
            // the same picture arrived twice at once: the other is the visit's photo (this copy stays an unlinked item)
            return ResponseEntity.ok(photoView(inspections.photo(inspectionId, item.sha256()).orElseThrow()));
        }
        audit.record("partners.inspection-photo-added", "premises", Long.toString(id), null,
            Map.of("inspection", inspectionId, "evidenceItem", item.id().toString(), "sha256", item.sha256()));
        return ResponseEntity.created(URI.create("/api/v1/evidence/items/" + item.id())).body(photoView(kept));
    }

    private static Map<String, Object> photoView(InspectionStore.Photo p) {
        var view = new LinkedHashMap<String, Object>();
        view.put("inspectionId", p.inspectionId());
        view.put("evidenceItemId", p.evidenceItem());
        view.put("sha256", p.sha256());
        view.put("mediaType", p.mediaType());
        view.put("size", p.size());
        view.put("caption", p.caption());
        view.put("addedAt", p.addedAt());
        view.put("addedBy", p.addedBy());
        return view;
    }

    private static String sha256(java.io.InputStream in) throws IOException {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
