package org.safecity.partners.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safecity.emergency.PanicButtonsOfPremises;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.Writes;
import org.safecity.registry.CameraDirectory;
import org.safecity.shared.Cnic;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.shared.PageOf;
import org.safecity.shared.PageRequest;
import org.safecity.shared.TimeConfiguration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register of commercial premises under the Act and each one's compliance. A partner's account
 * reaches only its own premises (its partner id); everyone else their jurisdiction.
 */
@RestController
@Tag(name = "Premises", description = "Commercial premises under the Safe Cities Authority Act: register, compliance, map")
class PremisesController {

    private static final String IMPORT_EXAMPLE = """
        name,category,owner_cnic,owner_ntn,address,city,zone,lat,lon,licence_number,contact_name,contact_phone,contact_email,act_applies_from,registration
        Example Plaza,PLAZA,,1234567-8,University Road,PSH,UNC,34.0012,71.4870,PSH-TL-2026-0001,Manager,+92 91 1234567,,2026-01-01,REGISTERED
        """;

    private final PremisesStore premises;
    private final RegisteringPremises registering;
    private final ApplyingForRegistration applying;
    private final EvaluatingCompliance evaluating;
    private final Requirements requirements;
    private final CameraDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final PanicButtonsOfPremises panicButtons;
    private final ManagerAccounts managerAccounts;
    private final JsonMapper json = JsonMapper.builder().build();

    PremisesController(PremisesStore premises, RegisteringPremises registering, ApplyingForRegistration applying,
                       EvaluatingCompliance evaluating, Requirements requirements,
                       CameraDirectory directory, AuditTrail audit, Clock clock,
                       PanicButtonsOfPremises panicButtons, ManagerAccounts managerAccounts) {
        this.premises = premises;
        this.registering = registering;
        this.applying = applying;
        this.evaluating = evaluating;
        this.requirements = requirements;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.panicButtons = panicButtons;
        this.managerAccounts = managerAccounts;
    }

    record PremisesSummary(long id, String name, String category, String cityCode, String zoneCode, double lat, double lon,
                           String licenceNumber, String registration, String status, Instant statusSince) {
        static PremisesSummary of(Premises p) {
            return new PremisesSummary(p.id(), p.name(), p.category(), p.cityCode(), p.zoneCode(), p.location().lat(), p.location().lon(),
                p.licenceNumber(), p.registration().name(), p.status().name(), p.statusSince());
        }
    }

    @GetMapping("/api/v1/premises")
    @PreAuthorize(Access.READ)
    @Operation(summary = "List premises a page at a time, filtered by city, zone (police station), category or compliance status; "
        + "a partner sees only its own")
    PageOf<PremisesSummary> list(@RequestParam(required = false) @Parameter(description = "city code, e.g. PSH") String city,
                                 @RequestParam(required = false) String zone, @RequestParam(required = false) String category,
                                 @RequestParam(required = false) @Parameter(description = "NOT_REGISTERED, PENDING, NON_COMPLIANT or COMPLIANT")
                                 String status, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var query = query(city, zone, category, status);
        var request = PageRequest.of(page, size);
        var scope = Access.scope();
        return new PageOf<>(premises.list(query, scope, request.size(), request.offset()).stream().map(PremisesSummary::of).toList(),
            request.page(), request.size(), premises.count(query, scope));
    }

    @PostMapping("/api/v1/premises")
    @PreAuthorize(Access.REGISTER)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Register a premises; a second one with the same licence number in the same city is refused (409)")
    ResponseEntity<Map<String, Object>> register(@RequestBody PremisesInput input) {
        long id = registering.register(input);
        return ResponseEntity.created(URI.create("/api/v1/premises/" + id)).body(detail(premises.find(id).orElseThrow()));
    }

    @GetMapping("/api/v1/premises/{id}")
    @PreAuthorize(Access.READ)
    @Operation(summary = "One premises with its compliance computed now: status, every reason, the requirement in force and its cameras")
    @Transactional
    Map<String, Object> get(@PathVariable long id) {
        var p = Access.reach(premises.find(id).orElseThrow(() -> new NotFound("premises", id)));
        if (p.owner().kind() == Premises.Owner.Kind.CNIC) {
            audit.record("partners.premises-read", "premises", Long.toString(id), null, Map.of("owner", "CNIC"));
        }
        return detail(p);
    }

    @GetMapping("/api/v1/premises/{id}/history")
    @PreAuthorize(Access.READ)
    @Operation(summary = "How the premises' compliance changed, newest first: when, from what, to what, and why")
    List<Map<String, Object>> history(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
        Access.reach(premises.find(id).orElseThrow(() -> new NotFound("premises", id)));
        if (limit < 1 || limit > 1000) {
            throw new InvalidInput("limit", "must be between 1 and 1000");
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        for (var c : premises.history(id, limit)) {
            var m = new LinkedHashMap<String, Object>();
            m.put("at", c.at());
            m.put("from", c.from() == null ? null : c.from().name());
            m.put("to", c.to().name());
            m.put("reasons", json.readValue(c.reasonsJson(), new TypeReference<List<Map<String, Object>>>() {
            }));
            changes.add(m);
        }
        return changes;
    }

    @GetMapping("/api/v1/premises/{id}/panic-buttons")
    @PreAuthorize(Access.READ)
    @Operation(summary = "The premises' panic buttons (registered by an administrator with the premises as owner; keys are never shown)")
    List<PanicButtonsOfPremises.PanicButtonSummary> panicButtons(@PathVariable long id) {
        Access.reach(premises.find(id).orElseThrow(() -> new NotFound("premises", id)));
        return panicButtons.of(id);
    }

    record CameraPoints(@Schema(description = "the points of the premises this camera covers, as its category names them") List<String> points) {
    }

    @PutMapping("/api/v1/premises/{id}/cameras/{cameraId}/points")
    @PreAuthorize(Access.DESCRIBE_CAMERAS)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Say which points of the premises (entrance, cash counter...) one of its cameras covers")
    Map<String, Object> points(@PathVariable long id, @PathVariable long cameraId, @RequestBody CameraPoints body) {
        var p = Access.reach(premises.find(id).orElseThrow(() -> new NotFound("premises", id)));
        var camera = directory.find(cameraId).filter(c -> c.partnerId() != null && c.partnerId() == id)
            .orElseThrow(() -> new NotFound("camera of premises " + id, cameraId));
        var known = new LinkedHashSet<String>();
        requirements.all().stream().filter(r -> r.category().equals(p.category())).forEach(r -> known.addAll(r.points()));
        if (body == null || body.points() == null) {
            throw new InvalidInput("points", "is required: a list such as [\"entrance\"]; one of " + String.join(", ", known));
        }
        var points = new LinkedHashSet<String>();
        for (String point : body.points()) {
            String name = point == null ? "" : point.strip().toLowerCase(Locale.ROOT);
            if (!known.contains(name)) {
                throw new InvalidInput("points", "names '" + name + "', which is not a point of a " + p.category() + "; one of "
                    + String.join(", ", known));
            }
            points.add(name);
        }
        premises.setPoints(camera.id(), id, List.copyOf(points));
        audit.record("partners.camera-points", "camera", Long.toString(cameraId), null, Map.of("premises", id, "points", List.copyOf(points)));
        evaluating.evaluate(id);
        return detail(premises.find(id).orElseThrow());
    }

    @PostMapping(path = "/api/v1/premises/import", consumes = "text/csv")
    @PreAuthorize(Access.REGISTER)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Import premises from CSV row by row; each row is created, updated, unchanged or refused with its reasons. "
        + "Re-running a file makes nothing twice (licence number + city)",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string"), examples = @ExampleObject(value = IMPORT_EXAMPLE))))
    Map<String, Object> importCsv(HttpServletRequest request) throws IOException {
        String declared = request.getCharacterEncoding();
        var charset = declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
        var rows = registering.importCsv(new BufferedReader(new InputStreamReader(request.getInputStream(), charset)));
        var counts = new LinkedHashMap<String, Integer>();
        for (String outcome : List.of("created", "updated", "unchanged", "refused")) {
            counts.put(outcome, (int) rows.stream().filter(r -> r.outcome().equals(outcome)).count());
        }
        var body = new LinkedHashMap<String, Object>(counts);
        body.put("rows", rows);
        return body;
    }

    record Refusal(String reason) {
    }

    @PostMapping("/api/v1/premises/{id}/approval")
    @PreAuthorize(Access.REGISTER)
    @Writes(Writes.Scope.JURISDICTION)
    @Transactional
    @Operation(summary = "Approve a premises' application: it is registered and judged under the Act from now on. Its contact "
        + "gets a manager's account, whose password the answer shows once (managerAccount)")
    Map<String, Object> approve(@PathVariable long id) {
        applying.approve(id);
        var p = premises.find(id).orElseThrow();
        var answer = new LinkedHashMap<>(detail(p));
        answer.put("managerAccount", managerAccounts.issue(p, null));
        return answer;
    }

    @PostMapping("/api/v1/premises/{id}/refusal")
    @PreAuthorize(Access.REGISTER)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Refuse a premises' application, with the reason its applicant is told")
    Map<String, Object> refuse(@PathVariable long id, @RequestBody(required = false) Refusal body) {
        applying.refuse(id, body == null ? null : body.reason());
        return detail(premises.find(id).orElseThrow());
    }

    @GetMapping(path = "/api/v1/premises/map", produces = {"application/geo+json", "application/json"})
    @PreAuthorize(Access.MAP)
    @Operation(summary = "Premises as a GeoJSON FeatureCollection for the map (properties: id, name, category, status); same filters as the list")
    Map<String, Object> map(@RequestParam(required = false) String city, @RequestParam(required = false) String zone,
                            @RequestParam(required = false) String category, @RequestParam(required = false) String status) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (var p : premises.list(query(city, zone, category, status), Access.scope(), -1, 0)) {
            var properties = new LinkedHashMap<String, Object>();
            properties.put("id", p.id());
            properties.put("name", p.name());
            properties.put("category", p.category());
            properties.put("status", p.status().name());
            features.add(Map.of("type", "Feature", "id", p.id(),
                "geometry", Map.of("type", "Point", "coordinates", List.of(p.location().lon(), p.location().lat())),
                "properties", properties));
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }

    @GetMapping("/api/v1/premises/categories")
    @PreAuthorize(Access.READ)
    @Operation(summary = "What the Act requires of each category, every version by the day it took effect (demonstration values as shipped)")
    List<Requirement> categories() {
        return requirements.all();
    }

    @GetMapping("/api/v1/premises/compliance")
    @PreAuthorize(Access.DASHBOARD)
    @Operation(summary = "Premises counted by compliance status, by city, by category and by police station, within your jurisdiction")
    Map<String, Object> dashboard() {
        var scope = Access.scope();
        var body = new LinkedHashMap<String, Object>();
        var total = new EnumMap<Compliance.Status, Long>(Compliance.Status.class);
        for (var status : Compliance.Status.values()) {
            total.put(status, 0L);
        }
        var breakdowns = premises.breakdowns(scope);
        var byCity = breakdowns.byCity();
        byCity.values().forEach(counts -> counts.forEach((s, n) -> total.merge(s, n, Long::sum)));
        body.put("total", total);
        body.put("byCity", rows("city", byCity));
        body.put("byCategory", rows("category", breakdowns.byCategory()));
        body.put("byPoliceStation", rows("zone", breakdowns.byZone()));
        return body;
    }

    @GetMapping("/api/v1/premises/compliance/trend")
    @PreAuthorize(Access.DASHBOARD)
    @Operation(summary = "Premises counted by compliance status at the end of each of the last weeks, oldest first (for a chart)")
    List<Map<String, Object>> trend(@RequestParam(defaultValue = "12") int weeks) {
        if (weeks < 1 || weeks > 104) {
            throw new InvalidInput("weeks", "must be between 1 and 104");
        }
        Instant now = clock.instant();
        var counts = premises.trend(Access.scope(), weeks, now);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int k = weeks - 1; k >= 0; k--) {
            var row = new LinkedHashMap<String, Object>();
            row.put("weekEnding", LocalDate.ofInstant(now.minus(java.time.Duration.ofDays(7L * k)), TimeConfiguration.DISPLAY_ZONE));
            var byStatus = counts.getOrDefault(k, Map.of());
            for (var status : Compliance.Status.values()) {
                row.put(status.name(), byStatus.getOrDefault(status, 0L));
            }
            rows.add(row);
        }
        return rows;
    }

    @GetMapping("/api/v1/premises/compliance/export")
    @PreAuthorize(Access.DASHBOARD)
    @Operation(summary = "One of the dashboard's tables as CSV: table=city, category, police-station or trend")
    ResponseEntity<String> exportDashboard(@RequestParam String table) {
        List<Map<String, Object>> rows = switch (table) {
            case "city" -> castRows(dashboard().get("byCity"));
            case "category" -> castRows(dashboard().get("byCategory"));
            case "police-station" -> castRows(dashboard().get("byPoliceStation"));
            case "trend" -> trend(12);
            default -> throw new InvalidInput("table", "must be city, category, police-station or trend");
        };
        if (rows.isEmpty()) {
            return new CsvTable(List.of(table)).download("premises-" + table + ".csv");
        }
        var csv = new CsvTable(List.copyOf(rows.getFirst().keySet()));
        rows.forEach(r -> csv.row(List.copyOf(r.values())));
        return csv.download("premises-" + table + ".csv");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castRows(Object rows) {
        return (List<Map<String, Object>>) rows;
    }

    @GetMapping("/api/v1/premises/export")
    @PreAuthorize(Access.DASHBOARD)
    @Operation(summary = "The register as CSV with each premises' recorded status and reasons; same filters as the list")
    ResponseEntity<String> export(@RequestParam(required = false) String city, @RequestParam(required = false) String zone,
                                  @RequestParam(required = false) String category, @RequestParam(required = false) String status) {
        var csv = new CsvTable(List.of("id", "name", "category", "owner_kind", "owner_number", "address", "city", "zone", "lat", "lon",
            "licence_number", "contact_name", "contact_phone", "contact_email", "act_applies_from", "registration", "status",
            "status_since", "reasons"));
        var listed = premises.list(query(city, zone, category, status), Access.scope(), -1, 0);
        for (var p : listed) {
            List<Map<String, Object>> reasons = json.readValue(p.reasonsJson(), new TypeReference<>() {
            });
            csv.row(java.util.Arrays.asList(p.id(), p.name(), p.category(), p.owner().kind().name(), p.owner().number(), p.address(),
                p.cityCode(), p.zoneCode(), p.location().lat(), p.location().lon(), p.licenceNumber(), p.contact().name(),
                p.contact().phone(), p.contact().email(), p.actAppliesFrom(), p.registration().name(), p.status().name(),
                p.statusSince(), String.join("; ", reasons.stream().map(r -> String.valueOf(r.get("message"))).toList())));
        }
        audit.record("partners.premises-exported", "premises", null, null, Map.of("rows", listed.size()));
        return csv.download("premises.csv");
    }

    private static List<Map<String, Object>> rows(String key, Map<String, Map<Compliance.Status, Long>> counts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((name, byStatus) -> {
            var row = new LinkedHashMap<String, Object>();
            row.put(key, name.isEmpty() ? null : name);
            long all = 0;
            for (var status : Compliance.Status.values()) {
                long n = byStatus.getOrDefault(status, 0L);
                row.put(status.name(), n);
                all += n;
            }
            row.put("total", all);
            rows.add(row);
        });
        return rows;
    }

    private Map<String, Object> detail(Premises p) {
        var assessment = evaluating.assess(p);
        var body = new LinkedHashMap<String, Object>();
        body.put("id", p.id());
        body.put("name", p.name());
        body.put("category", p.category());
        body.put("owner", Map.of("kind", p.owner().kind().name(), "number",
            p.owner().kind() == Premises.Owner.Kind.CNIC ? new Cnic(p.owner().number()).display()
                : p.owner().number().substring(0, 7) + "-" + p.owner().number().substring(7)));
        body.put("address", p.address());
        body.put("cityCode", p.cityCode());
        body.put("zoneCode", p.zoneCode());
        body.put("lat", p.location().lat());
        body.put("lon", p.location().lon());
        body.put("licenceNumber", p.licenceNumber());
        var contact = new LinkedHashMap<String, Object>();
        contact.put("name", p.contact().name());
        contact.put("phone", p.contact().phone());
        contact.put("email", p.contact().email());
        body.put("contact", contact);
        body.put("actAppliesFrom", p.actAppliesFrom());
        body.put("registration", p.registration().name());
        var compliance = new LinkedHashMap<String, Object>();
        compliance.put("status", assessment.compliance().status().name());
        compliance.put("reasons", EvaluatingCompliance.reasons(assessment.compliance()));
        compliance.put("requirement", assessment.requirement());
        compliance.put("recordedStatus", p.status().name());
        compliance.put("recordedSince", p.statusSince());
        body.put("compliance", compliance);
        List<Map<String, Object>> cameras = new ArrayList<>();
        for (var c : assessment.cameras()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", c.id());
            m.put("name", c.name());
            m.put("resolution", c.resolution() == null ? null : c.resolution().toString());
            m.put("points", c.points());
            m.put("observed", c.observed().name());
            m.put("lastHeard", c.lastHeard());
            m.put("heardShare", Math.round(c.heardShare() * 1000) / 1000.0);
            cameras.add(m);
        }
        body.put("cameras", cameras);
        return body;
    }

    private PremisesStore.Query query(String city, String zone, String category, String status) {
        Compliance.Status wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = Compliance.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("status", "must be NOT_REGISTERED, PENDING, NON_COMPLIANT or COMPLIANT");
            }
        }
        return new PremisesStore.Query(upper(city), upper(zone), upper(category), wanted);
    }

    private static String upper(String text) {
        return text == null || text.isBlank() ? null : text.strip().toUpperCase(Locale.ROOT);
    }
}
