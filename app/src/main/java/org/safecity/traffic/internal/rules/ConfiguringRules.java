package org.safecity.traffic.internal.rules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Reach;
import org.safecity.registry.CameraSummary;
import org.safecity.registry.CameraDirectory;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.shared.TextPolicyJson;
import org.safecity.traffic.internal.challans.FineSchedule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Checks and stores the rules of cameras and the review policy of offences; every change is audited. */
@Service
public class ConfiguringRules {

    private final RuleStore rules;
    private final FineSchedule fines;
    private final CameraDirectory cameras;
    private final AuditTrail audit;
    private final Clock clock;

    ConfiguringRules(RuleStore rules, FineSchedule fines, CameraDirectory cameras, AuditTrail audit, Clock clock) {
        this.rules = rules;
        this.fines = fines;
        this.cameras = cameras;
        this.audit = audit;
        this.clock = clock;
    }

    public record PolicyRequest(Double autoIssueConfidence, Integer approvalsRequired) {
    }

    /**
     * A rule as an administrator writes it: {@code cameraId}, {@code kind}, optionally {@code offence}
     * (else the kind's own), and the kind's parameters beside them.
     */
    @Transactional
    public Rule create(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw new InvalidInput("body", "is required: {cameraId, kind, offence, and the kind's parameters}");
        }
        TextPolicyJson.firstRefusal(request).ifPresent(refused -> {
            throw new InvalidInput(java.util.List.of(refused));
        });
        var errors = new ArrayList<InvalidInput.FieldError>();
        JsonNode camera = request.path("cameraId");
        Long cameraId = camera.canConvertToLong() && camera.isIntegralNumber() ? camera.longValue() : null;
        this.camera("cameraId", cameraId).ifPresent(errors::add);
        String kind = request.path("kind").asString("").strip().toUpperCase(Locale.ROOT);
        RuleType type = null;
        try {
            type = RuleParameters.read(kind, request);
            errors.addAll(type.problems(this::camera));
        } catch (InvalidInput wrong) {
            errors.addAll(wrong.errors());
        }
        String named = request.path("offence").asString("").strip().toUpperCase(Locale.ROOT);
        String offence = named.isEmpty() ? (type == null ? null : type.defaultOffence()) : named;
        if (type != null && (offence == null || !fines.knows(offence))) {
            errors.add(new InvalidInput.FieldError("offence", "must be an offence code of the fine schedule"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id = rules.insert(new Rule(0, cameraId, offence, type, true, CurrentActor.name(), clock.instant()));
        audit.record("traffic.rule-created", "traffic-rule", Long.toString(id), null,
            Map.of("camera", cameraId, "kind", type.kind(), "offence", offence));
        return rules.find(id).orElseThrow();
    }

    /** A changed rule is a new rule: the old one is disabled, so each violation keeps the rule it was found by. */
    @Transactional
    public Rule replace(long id, JsonNode request) {
        changeable(id);
        var replacement = create(request);
        disable(id);
        return replacement;
    }

    @Transactional
    public void disable(long id) {
        changeable(id);
        if (!rules.disable(id)) {
            throw new NotFound("traffic rule", id);
        }
        audit.record("traffic.rule-disabled", "traffic-rule", Long.toString(id));
    }

    @Transactional
    public RuleStore.OffencePolicy policy(String offence, PolicyRequest p) {
        var errors = new ArrayList<InvalidInput.FieldError>();
        if (!fines.knows(offence)) {
            throw new NotFound("offence", offence);
        }
        if (p == null) {
            throw new InvalidInput("body", "is required: {autoIssueConfidence, approvalsRequired}");
        }
        if (p.autoIssueConfidence() != null && !(p.autoIssueConfidence() > 0 && p.autoIssueConfidence() <= 1)) {
            errors.add(new InvalidInput.FieldError("autoIssueConfidence", "must be above 0 and at most 1, or null for never"));
        }
        int approvals = p.approvalsRequired() == null ? 1 : p.approvalsRequired();
        if (approvals < 1 || approvals > 3) {
            errors.add(new InvalidInput.FieldError("approvalsRequired", "must be 1, 2 or 3"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var policy = new RuleStore.OffencePolicy(offence, p.autoIssueConfidence(), approvals);
        rules.savePolicy(policy, CurrentActor.name(), clock.instant());
        audit.record("traffic.offence-policy-changed", "offence", offence, null,
            Map.of("approvalsRequired", approvals, "autoIssue", p.autoIssueConfidence() == null ? "never" : p.autoIssueConfidence()));
        return rules.policy(offence);
    }

    /** A camera a rule names must be in service, and within the caller's reach: one outside it is, to the caller, no camera at all. */
    private Optional<InvalidInput.FieldError> camera(String field, Long id) {
        if (id == null) {
            return Optional.of(new InvalidInput.FieldError(field, "is required"));
        }
        return cameras.find(id).filter(c -> Reach.permits(place(c))).isPresent()
            ? Optional.empty() : Optional.of(new InvalidInput.FieldError(field, "names no camera in service: " + id));
    }

    /** A rule lies where its camera stands; a rule whose camera is retired, in the whole province. */
    public Jurisdiction place(Rule rule) {
        return cameras.find(rule.cameraId()).map(ConfiguringRules::place).orElse(Jurisdiction.PROVINCE);
    }

    private static Jurisdiction place(CameraSummary camera) {
        return camera.cityCode() == null ? Jurisdiction.PROVINCE : new Jurisdiction(camera.cityCode(), camera.zoneCode());
    }

    /** The enabled rule, if the caller may change it. */
    private Rule changeable(long id) {
        var rule = rules.find(id).filter(Rule::enabled).orElseThrow(() -> new NotFound("traffic rule", id));
        Reach.record("traffic rule", id, place(rule));
        return rule;
    }
}
