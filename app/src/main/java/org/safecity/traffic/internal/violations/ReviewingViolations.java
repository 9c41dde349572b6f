package org.safecity.traffic.internal.violations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.shared.Plate;
import org.safecity.traffic.internal.challans.IssuingChallans;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reviewer's decision on a violation: approve (correcting the plate if misread) or reject with a
 * reason. Offences configured for it need a second approval by a different person; the final approval
 * issues the challan in the same transaction. Every decision is audited.
 */
@Service
class ReviewingViolations {

    private final ViolationStore violations;
    private final IssuingChallans issuing;
    private final AuditTrail audit;
    private final Clock clock;

    ReviewingViolations(ViolationStore violations, IssuingChallans issuing, AuditTrail audit, Clock clock) {
        this.violations = violations;
        this.issuing = issuing;
        this.audit = audit;
        this.clock = clock;
    }

    /** A violation the caller's jurisdiction covers, else not found (nothing about other cities is revealed). */
    Violation visible(long id) {
        Jurisdiction mine = CurrentActor.jurisdiction();
        return violations.find(id).filter(v -> mine.covers(v.placement().cityCode(), v.placement().zoneCode())).orElseThrow(() -> new NotFound("violation", id));
    }

    @Transactional
    Violation approve(long id, String correctedPlate) {
        visible(id);
        Violation v = violations.lock(id).orElseThrow(() -> new NotFound("violation", id));
        if (v.status() != Violation.Status.PENDING) {
            throw new Conflict("violation " + id + " is already " + v.status().name().toLowerCase());
        }
        String reviewer = CurrentActor.name();
        if (v.approvedBy().contains(reviewer)) {
            throw new Conflict("violation " + id + " needs its next approval from a different reviewer");
        }
        String plate = v.vehicle().plate();
        String asRead = v.vehicle().plateAsRead();
        String note = null;
        if (correctedPlate != null && !correctedPlate.isBlank()) {
            Plate corrected;
            try {
                corrected = Plate.of(correctedPlate);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("plate", e.getMessage());
            }
            if (!corrected.normalised().equals(plate)) {
                note = "plate corrected from " + (plate == null ? "(none)" : plate) + " to " + corrected.normalised();
                plate = corrected.normalised();
            }
        }
        if (plate == null) {
            throw new InvalidInput("plate", "is required: the reading has no plate, give the one seen in the images");
        }
        var approvedBy = new ArrayList<>(v.approvedBy());
        approvedBy.add(reviewer);
        boolean complete = approvedBy.size() >= v.approvalsRequired();
        violations.approve(id, plate, asRead, approvedBy, complete);
        violations.step(id, clock.instant(), complete ? "APPROVED" : "FIRST_APPROVAL", reviewer, note);
        audit.record("traffic.violation-approved", "violation", Long.toString(id), note,
            Map.of("plate", plate, "approval", approvedBy.size(), "of", v.approvalsRequired()));
        if (complete) {
            issuing.issue(violations.find(id).orElseThrow(), reviewer);
        }
        return violations.find(id).orElseThrow();
    }

    @Transactional
    Violation reject(long id, String reason) {
        visible(id);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "is required: why is this not a violation?");
        }
        Violation v = violations.lock(id).orElseThrow(() -> new NotFound("violation", id));
        if (v.status() != Violation.Status.PENDING) {
            throw new Conflict("violation " + id + " is already " + v.status().name().toLowerCase());
        }
        violations.reject(id, reason.strip());
        violations.step(id, clock.instant(), "REJECTED", CurrentActor.name(), reason.strip());
        audit.record("traffic.violation-rejected", "violation", Long.toString(id), reason.strip(), Map.of("offence", v.offence()));
        return violations.find(id).orElseThrow();
    }

    /** An offence configured for automatic issue, read with enough confidence: approved by the system. */
    @Transactional
    void issueAutomatically(long id) {
        Violation v = violations.lock(id).orElseThrow();
        var approvedBy = new ArrayList<>(v.approvedBy());
        approvedBy.add("system");
        violations.approve(id, v.vehicle().plate(), v.vehicle().plateAsRead(), approvedBy, true);
        violations.step(id, clock.instant(), "APPROVED", "system", "issued automatically above the offence's confidence");
        audit.record("traffic.violation-auto-approved", "violation", Long.toString(id), null, Map.of("confidence", v.vehicle().confidence()));
        issuing.issue(violations.find(id).orElseThrow(), "system");
    }
}
