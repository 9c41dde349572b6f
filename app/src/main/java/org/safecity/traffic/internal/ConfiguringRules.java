package org.safecity.traffic.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Reach;
import org.safecity.registry.CameraSummary;
import org.safecity.registry.CameraDirectory;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checks and stores the rules of cameras and the review policy of offences; every change is audited. */
@Service
class ConfiguringRules {

    static final List<String> ANALYTIC_TYPES = List.of("no_helmet", "no_seat_belt", "mobile_phone", "triple_riding", "wrong_way");

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

    /** A rule as an administrator writes it; which fields are needed depends on {@code kind}. */
    record RuleRequest(Long cameraId, String kind, String offence, String approach, Long signalCameraId, Integer cycleSeconds,
                       Integer redFromSeconds, Integer redToSeconds, Instant cycleEpoch, Integer limitKmh, Integer toleranceKmh,
                       Long entryCameraId, Integer distanceM, String allowedDirection, String analyticType) {
    }

    record PolicyRequest(Double autoIssueConfidence, Integer approvalsRequired) {
    }

    @Transactional
    Rule create(RuleRequest r) {
        var errors = new ArrayList<InvalidInput.FieldError>();
        Rule.Kind kind = null;
        try {
            kind = Rule.Kind.valueOf(r.kind() == null ? "" : r.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidInput.FieldError("kind", "must be one of " + List.of(Rule.Kind.values())));
        }
        camera("cameraId", r.cameraId(), true, errors);
        if (kind == Rule.Kind.SIGNAL) {
            if (r.signalCameraId() != null) {
                camera("signalCameraId", r.signalCameraId(), true, errors);
            } else if (r.cycleSeconds() == null || r.redFromSeconds() == null || r.redToSeconds() == null || r.cycleEpoch() == null) {
                errors.add(new InvalidInput.FieldError("signalCameraId", "or a fixed cycle (cycleSeconds, redFromSeconds, redToSeconds, cycleEpoch) is required"));
            } else if (r.cycleSeconds() <= 0 || r.redFromSeconds() < 0 || r.redToSeconds() < 0 || r.redFromSeconds() >= r.cycleSeconds()
                || r.redToSeconds() > r.cycleSeconds() || r.redFromSeconds().equals(r.redToSeconds())) {
                errors.add(new InvalidInput.FieldError("cycleSeconds", "the red window must lie within the cycle and not be empty"));
            }
        }
        if (kind == Rule.Kind.SPOT_SPEED || kind == Rule.Kind.AVERAGE_SPEED) {
            if (r.limitKmh() == null || r.limitKmh() <= 0 || r.limitKmh() > 200) {
                errors.add(new InvalidInput.FieldError("limitKmh", "is required: the speed limit, 1 to 200 km/h"));
            }
            if (r.toleranceKmh() != null && (r.toleranceKmh() < 0 || r.toleranceKmh() > 50)) {
                errors.add(new InvalidInput.FieldError("toleranceKmh", "must be 0 to 50 km/h"));
            }
        }
        if (kind == Rule.Kind.AVERAGE_SPEED) {
            camera("entryCameraId", r.entryCameraId(), true, errors);
            if (r.distanceM() == null || r.distanceM() < 100) {
                errors.add(new InvalidInput.FieldError("distanceM", "is required: the road distance between the cameras, at least 100 m"));
            }
        }
        if (kind == Rule.Kind.WRONG_WAY && (r.allowedDirection() == null || r.allowedDirection().isBlank())) {
            errors.add(new InvalidInput.FieldError("allowedDirection", "is required: the one direction allowed on this road"));
        }
        if (kind == Rule.Kind.ANALYTIC && !ANALYTIC_TYPES.contains(r.analyticType())) {
            errors.add(new InvalidInput.FieldError("analyticType", "must be one of " + String.join(", ", ANALYTIC_TYPES)));
        }
        String offence = r.offence() == null || r.offence().isBlank()
            ? (kind == null ? null : Rule.defaultOffence(kind, r.analyticType())) : r.offence().strip().toUpperCase(Locale.ROOT);
        if (kind != null && (offence == null || !fines.knows(offence))) {
            errors.add(new InvalidInput.FieldError("offence", "must be an offence code of the fine schedule"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Instant now = clock.instant();
        var rule = new Rule(0, r.cameraId(), kind, offence, r.approach() == null ? null : r.approach().strip().toUpperCase(Locale.ROOT),
            kind == Rule.Kind.SIGNAL ? r.signalCameraId() : null, r.cycleSeconds(), r.redFromSeconds(), r.redToSeconds(), r.cycleEpoch(),
            r.limitKmh(), r.limitKmh() == null ? null : r.toleranceKmh() == null ? 0 : r.toleranceKmh(), r.entryCameraId(), r.distanceM(),
            r.allowedDirection() == null ? null : r.allowedDirection().strip(), r.analyticType(), true, CurrentActor.name(), now);
        long id = rules.insert(rule);
        audit.record("traffic.rule-created", "traffic-rule", Long.toString(id), null,
            Map.of("camera", r.cameraId(), "kind", kind.name(), "offence", offence));
        return rules.find(id).orElseThrow();
    }

    /** A changed rule is a new rule: the old one is disabled, so each violation keeps the rule it was found by. */
    @Transactional
    Rule replace(long id, RuleRequest request) {
        changeable(id);
        var replacement = create(request);
        disable(id);
        return replacement;
    }

    @Transactional
    void disable(long id) {
        changeable(id);
        if (!rules.disable(id)) {
            throw new NotFound("traffic rule", id);
        }
        audit.record("traffic.rule-disabled", "traffic-rule", Long.toString(id));
    }

    @Transactional
    RuleStore.OffencePolicy policy(String offence, PolicyRequest p) {
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

    private void camera(String field, Long id, boolean required, List<InvalidInput.FieldError> errors) {
        if (id == null) {
            if (required) {
                errors.add(new InvalidInput.FieldError(field, "is required"));
            }
        } else if (cameras.find(id).filter(c -> Reach.permits(place(c))).isEmpty()) {
            // a camera outside the caller's jurisdiction is, to the caller, no camera at all
            errors.add(new InvalidInput.FieldError(field, "names no camera in service: " + id));
        }
    }

    /** A rule lies where its camera stands; a rule whose camera is retired, in the whole province. */
    Jurisdiction place(Rule rule) {
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
