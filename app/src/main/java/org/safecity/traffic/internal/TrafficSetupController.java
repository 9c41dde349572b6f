package org.safecity.traffic.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Reach;
import org.safecity.identity.Writes;
import org.safecity.traffic.internal.challans.FineSchedule;
import org.safecity.traffic.internal.rules.ConfiguringRules;
import org.safecity.traffic.internal.rules.Rule;
import org.safecity.traffic.internal.rules.RuleStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The administrator's configuration of e-challan: camera rules, offence review policy, fine schedules (registrations come from the records). */
@RestController
@Tag(name = "Traffic configuration", description = "Violation rules per camera, offence policies, fine schedules")
class TrafficSetupController {

    private final ConfiguringRules configuring;
    private final RuleStore rules;
    private final FineSchedule fines;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;

    TrafficSetupController(ConfiguringRules configuring, RuleStore rules, FineSchedule fines,
                           TransactionTemplate transactions, AuditTrail audit, Clock clock) {
        this.configuring = configuring;
        this.rules = rules;
        this.fines = fines;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/v1/traffic/rules")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','TRAFFIC_REVIEWER')")
    @Operation(summary = "Every rule of your jurisdiction's cameras, enabled or not")
    Map<String, Object> rules() {
        var all = rules.all().stream().filter(rule -> Reach.permits(configuring.place(rule))).toList();
        return Map.of("items", all, "total", all.size());
    }

    @PostMapping("/api/v1/traffic/rules")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "A rule for a camera: SIGNAL, SPOT_SPEED, AVERAGE_SPEED, WRONG_WAY or ANALYTIC, with its thresholds")
    @ResponseStatus(HttpStatus.CREATED)  // for the API description; the answer sets it too
    ResponseEntity<Rule> create(@RequestBody JsonNode request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(configuring.create(request));
    }

    @PutMapping("/api/v1/traffic/rules/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Change a rule: the old one is disabled and the answer is its replacement, with a new id")
    Rule replace(@PathVariable long id, @RequestBody JsonNode request) {
        return configuring.replace(id, request);
    }

    @DeleteMapping("/api/v1/traffic/rules/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Disable a rule (kept for the violations it found)")
    @ResponseStatus(HttpStatus.NO_CONTENT)  // for the API description; the answer sets it too
    ResponseEntity<Void> disable(@PathVariable long id) {
        configuring.disable(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/traffic/offences")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','TRAFFIC_REVIEWER')")
    @Operation(summary = "Offence policies that differ from the default (one approval, no automatic issue)")
    Map<String, Object> policies() {
        var all = rules.policies();
        return Map.of("items", all, "total", all.size());
    }

    @PutMapping("/api/v1/traffic/offences/{offence}")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "An offence's review policy: automatic issue above a confidence (null: never), approvals by different reviewers")
    RuleStore.OffencePolicy policy(@PathVariable String offence, @RequestBody(required = false) ConfiguringRules.PolicyRequest request) {
        return configuring.policy(offence.toUpperCase(Locale.ROOT), request);
    }

    @GetMapping("/api/v1/traffic/fines")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','TRAFFIC_REVIEWER')")
    @Operation(summary = "Every fine schedule loaded, latest first")
    Map<String, Object> fines() {
        var all = fines.all();
        return Map.of("items", all, "total", all.size());
    }

    @PostMapping(path = "/api/v1/traffic/fines.csv", consumes = "text/csv")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Load a new fine schedule (columns of fines-kp.csv) effective from a day after the latest one; all or nothing")
    Map<String, Object> loadFines(@RequestBody String csv) throws IOException {
        var parsed = fines.parse(csv, fines.latestEffective());
        transactions.executeWithoutResult(status -> {
            fines.store(parsed, CurrentActor.name());
            audit.record("traffic.fine-schedule-loaded", "fine-schedule", parsed.getFirst().effectiveFrom().toString(), null,
                Map.of("rows", parsed.size()));
        });
        return fines.summary(parsed, clock.instant());
    }
}
