package org.safecity.vision.internal.plates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.safecity.evidence.CaseRecords;
import org.safecity.evidence.EvidenceIntake;
import org.safecity.evidence.EvidenceKind;
import org.safecity.evidence.IntakeDetails;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Reach;
import org.safecity.identity.Writes;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraSummary;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.shared.Plate;
import org.safecity.vision.internal.analytics.ReportingFindings;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plate reads vision made, for the people who check them: the newest with their crops, marking a
 * read wrong (the right text, or not a plate), the corrections as an evaluation set, and a read's crop
 * added to a case as evidence. A read lies in its camera's jurisdiction; plates are personal data, so
 * every listing is audited.
 */
@RestController
@Tag(name = "Vision", description = "Plate reads, their corrections and their crops as evidence")
class PlateReadsController {

    private static final String VIEWERS = "hasAnyRole('OPERATOR','SUPERVISOR','INVESTIGATOR','TRAFFIC_REVIEWER','ADMIN')";
    private static final String CORRECTORS = "hasAnyRole('OPERATOR','SUPERVISOR','INVESTIGATOR','TRAFFIC_REVIEWER')";
    static final int MOST_LISTED = 200;

    private final PlateReadStore reads;
    private final CameraDirectory cameras;
    private final CropStore crops;
    private final EvidenceIntake evidence;
    private final CaseRecords cases;
    private final AuditTrail audit;
    private final Clock clock;

    PlateReadsController(PlateReadStore reads, CameraDirectory cameras, CropStore crops, EvidenceIntake evidence, CaseRecords cases,
                         AuditTrail audit, Clock clock) {
        this.reads = reads;
        this.cameras = cameras;
        this.crops = crops;
        this.evidence = evidence;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    record Correction(String text, Boolean notAPlate) {
    }

    record ToCase(String caseId, String description) {
    }

    @GetMapping("/api/v1/vision/reads")
    @PreAuthorize(VIEWERS)
    @Operation(summary = "The newest plate reads within your jurisdiction, of one camera (cameraId) or city (city), newest first, with "
        + "crop URL, confidence, format and any correction; at most 200 (limit). Audited as vision.reads-listed")
    Map<String, Object> latest(@RequestParam(required = false) Long cameraId, @RequestParam(required = false) String city,
                               @RequestParam(required = false) Integer limit) {
        int most = limit == null ? 50 : limit;
        if (most < 1 || most > MOST_LISTED) {
            throw new InvalidInput("limit", "must be from 1 to " + MOST_LISTED);
        }
        if (cameraId != null) {
            camera(cameraId);
        }
        String cityCode = city == null || city.isBlank() ? null : city.strip().toUpperCase(Locale.ROOT);
        if (cityCode != null && (cityCode.length() > 10 || !CurrentActor.jurisdiction().coversCity(cityCode))) {
            throw new NotFound("city", cityCode);
        }
        var found = reads.latest(CurrentActor.jurisdiction(), cameraId, cityCode, most);
        var details = new LinkedHashMap<String, Object>();
        if (cameraId != null) details.put("cameraId", cameraId);
        if (cityCode != null) details.put("city", cityCode);
        details.put("results", found.size());
        audit.record("vision.reads-listed", "camera", cameraId == null ? "" : cameraId.toString(), "checking plate reads", details);
        return Map.of("items", found.stream().map(this::view).toList(), "count", found.size());
    }

    @PutMapping(path = "/api/v1/vision/reads/{id}/correction", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(CORRECTORS)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Mark a read wrong: text (what the plate says) or notAPlate true; replaces an earlier correction. "
        + "Who and when are kept; the corrections are the evaluation set (GET /api/v1/vision/reads/corrections.csv)")
    Map<String, Object> correct(@PathVariable long id, @RequestBody(required = false) Correction body) {
        var read = visible(id);
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object with text, or notAPlate: true");
        }
        boolean notAPlate = Boolean.TRUE.equals(body.notAPlate());
        String text = body.text() == null || body.text().isBlank() ? null : body.text().strip().toUpperCase(Locale.ROOT);
        if (notAPlate && text != null) {
            throw new InvalidInput("text", "must be left out when notAPlate is true");
        }
        if (!notAPlate) {
            if (text == null) {
                throw new InvalidInput("text", "is required: what the plate says (or notAPlate: true)");
            }
            if (text.length() > 20 || !text.matches("[A-Z0-9][A-Z0-9 -]*") || Plate.normalise(text).length() < 2) {
                throw new InvalidInput("text", "must be a plate as printed: letters, digits, spaces and dashes, at most 20");
            }
        }
        reads.correct(id, text, CurrentActor.name(), clock.instant());
        audit.record("vision.read-corrected", "plate-read", Long.toString(id), null,
            Map.of("read", read.text(), "rightText", notAPlate ? "(not a plate)" : text));
        return view(reads.find(id).orElseThrow());
    }

    @GetMapping("/api/v1/vision/reads/corrections.csv")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @Operation(summary = "The corrected reads within your jurisdiction as CSV, oldest correction first: the evaluation set of real reads "
        + "(crop path under <data-dir>/media/vision/crops, read text, right text, not a plate, by, at). Audited")
    ResponseEntity<String> corrections() {
        var corrected = reads.corrected(CurrentActor.jurisdiction());
        var out = new StringWriter();
        try (var csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("read_id", "camera_id", "read_at", "crop_path", "read_text",
            "right_text", "not_a_plate", "format", "confidence", "corrected_by", "corrected_at").get())) {
            for (var read : corrected) {
                csv.printRecord(read.id(), read.cameraId(), read.readAt(), read.cropPath(), read.text(), read.correction().rightText(),
                    read.correction().notAPlate(), read.format(), read.confidence(), read.correction().by(), read.correction().at());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("vision.corrections-exported", "plate-read", "", "building the plate reading evaluation set",
            Map.of("results", corrected.size()));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
            .cacheControl(CacheControl.noStore())
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plate-read-corrections.csv\"").body(out.toString());
    }

    @PostMapping(path = "/api/v1/vision/reads/{id}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INVESTIGATOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Add the read's plate crop to a case you work on as a detection image (its custody log starts with you); "
        + "once per read and case: asked again, the same item is answered")
    ResponseEntity<Map<String, Object>> addToCase(@PathVariable long id, @RequestBody(required = false) ToCase body) {
        var read = visible(id);
        if (body == null || body.caseId() == null || body.caseId().isBlank()) {
            throw new InvalidInput("caseId", "is required: the case the crop is evidence in");
        }
        UUID caseId;
        try {
            caseId = UUID.fromString(body.caseId().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("caseId", "is not a case id");
        }
        String description = body.description() == null || body.description().isBlank() ? null : body.description().strip();
        if (description != null && description.length() > 500) {
            throw new InvalidInput("description", "must be at most 500 characters");
        }
        cases.caseFile(caseId); // not found unless the caller works on the case
        var before = reads.evidenceItem(id, caseId);
        if (before.isPresent()) {
            return ResponseEntity.ok(Map.of("readId", id, "caseId", caseId, "itemId", before.get()));
        }
        byte[] crop = read.cropPath() == null ? null : crops.read(read.cropPath()).orElse(null);
        if (crop == null) {
            throw new NotFound("plate crop of read", id);
        }
        var camera = cameras.find(read.cameraId());
        String place = camera.map(c -> c.name() + " (" + c.siteName() + ")").orElse("camera " + read.cameraId());
        try {
            var item = evidence.receive(new ByteArrayInputStream(crop), new IntakeDetails("vision", EvidenceKind.DETECTION_IMAGE,
                "plate-" + read.plate().toLowerCase(Locale.ROOT) + ".jpg",
                description != null ? description : "Plate crop of the read " + read.text() + " (confidence " + read.confidence() + ")",
                ReportingFindings.DEVICE + ", camera " + read.cameraId(), read.readAt(), place, caseId));
            reads.addedToCase(id, caseId, item.id(), CurrentActor.name(), clock.instant());
            return ResponseEntity.status(201).body(Map.of("readId", id, "caseId", caseId, "itemId", item.id(), "sha256", item.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the crop as evidence", e);
        }
    }

    private Map<String, Object> view(PlateReadStore.PlateRead read) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", read.id());
        m.put("cameraId", read.cameraId());
        var camera = cameras.find(read.cameraId());
        m.put("cameraName", camera.map(CameraSummary::name).orElse(null));
        m.put("siteName", camera.map(CameraSummary::siteName).orElse(null));
        m.put("cityCode", read.cityCode());
        m.put("readAt", read.readAt());
        m.put("text", read.text());
        m.put("plate", read.plate());
        m.put("format", read.format());
        m.put("confidence", read.confidence());
        m.put("cropUrl", read.cropPath() == null ? null
            : "/api/v1/cameras/" + read.cameraId() + "/analytics/crops/" + read.cropPath().substring(read.cropPath().indexOf('/') + 1));
        var correction = read.correction();
        m.put("correction", correction == null ? null : correctionView(correction));
        return m;
    }

    private static Map<String, Object> correctionView(PlateReadStore.Correction correction) {
        var m = new LinkedHashMap<String, Object>();
        m.put("text", correction.rightText());
        m.put("notAPlate", correction.notAPlate());
        m.put("by", correction.by());
        m.put("at", correction.at());
        return m;
    }

    private PlateReadStore.PlateRead visible(long id) {
        var read = reads.find(id).orElseThrow(() -> new NotFound("plate read", id));
        Reach.record("plate read", id, read.place());
        return read;
    }

    private CameraSummary camera(long id) {
        return cameras.find(id).filter(c -> CurrentActor.jurisdiction().covers(c.cityCode(), c.zoneCode()))
            .orElseThrow(() -> new NotFound("camera", id));
    }
}
