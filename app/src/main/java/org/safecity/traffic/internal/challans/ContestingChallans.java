package org.safecity.traffic.internal.challans;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.shared.TimeConfiguration;
import org.safecity.traffic.internal.TrafficSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen contests a challan with a statement (one open contest per challan); an adjudicator upholds
 * it (the challan stands and is due again from the decision) or cancels it, with a reason.
 */
@Service
public class ContestingChallans {

    private final ChallanStore challans;
    private final WatchingUnpaidChallans unpaid;
    private final AuditTrail audit;
    private final TrafficSettings settings;
    private final Clock clock;

    ContestingChallans(ChallanStore challans, WatchingUnpaidChallans unpaid, AuditTrail audit, TrafficSettings settings, Clock clock) {
        this.challans = challans;
        this.unpaid = unpaid;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Submitted by the owner: the plate and CNIC must both match, else the challan is not found (nothing revealed). */
    @Transactional
    public ChallanStore.Contest submit(String number, String plate, String cnic, String statement) {
        Challan challan = challans.lock(number).filter(c -> c.plate().equals(plate) && cnic != null && cnic.equals(c.owner().cnic()))
            .orElseThrow(() -> new NotFound("challan", number));
        if (statement == null || statement.isBlank() || statement.length() > 4000) {
            throw new InvalidInput("statement", "is required: why is the challan wrong? (at most 4,000 characters)");
        }
        if (challan.status() == Challan.Status.CONTESTED) {
            throw new Conflict("challan " + number + " already has a contest awaiting decision");
        }
        if (challan.status() != Challan.Status.ISSUED) {
            throw new Conflict("challan " + number + " is " + challan.status().name().toLowerCase() + " and cannot be contested");
        }
        Instant now = clock.instant();
        long id = challans.insertContest(number, statement.strip(), now);
        challans.setStatus(number, Challan.Status.CONTESTED);
        challans.step(number, now, "CONTESTED", "citizen", statement.strip());
        audit.record("traffic.challan-contested", "challan", number, null, Map.of("contest", id));
        return challans.contest(id).orElseThrow();
    }

    @Transactional
    ChallanStore.Contest uphold(long id, String reason) {
        return decide(id, reason, "UPHELD");
    }

    @Transactional
    ChallanStore.Contest cancel(long id, String reason) {
        return decide(id, reason, "CANCELLED");
    }

    private ChallanStore.Contest decide(long id, String reason, String outcome) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "is required: the citizen is told why");
        }
        var contest = visible(id);
        if (!contest.status().equals("OPEN")) {
            throw new Conflict("contest " + id + " is already decided: " + contest.status().toLowerCase());
        }
        Instant now = clock.instant();
        String by = CurrentActor.name();
        challans.lock(contest.challanNumber()).orElseThrow();
        challans.decide(id, outcome, by, reason.strip(), now);
        if (outcome.equals("UPHELD")) {
            var due = now.atZone(TimeConfiguration.DISPLAY_ZONE).toLocalDate().plusDays(settings.dueDays());
            challans.dueAgain(contest.challanNumber(), due);
            challans.step(contest.challanNumber(), now, "CONTEST_UPHELD", by, reason.strip() + "; due again by " + due);
        } else {
            challans.setStatus(contest.challanNumber(), Challan.Status.CANCELLED);
            challans.step(contest.challanNumber(), now, "CANCELLED", by, reason.strip());
        }
        audit.record("traffic.contest-" + outcome.toLowerCase(), "contest", Long.toString(id), reason.strip(),
            Map.of("challan", contest.challanNumber()));
        challans.find(contest.challanNumber()).ifPresent(c -> unpaid.review(c.plate()));
        return challans.contest(id).orElseThrow();
    }

    /** A contest of a challan in the caller's jurisdiction, else not found. */
    ChallanStore.Contest visible(long id) {
        Jurisdiction mine = CurrentActor.jurisdiction();
        Optional<ChallanStore.Contest> contest = challans.contest(id);
        return contest.filter(k -> challans.find(k.challanNumber()).map(c -> mine.covers(c.place().cityCode(), c.place().zoneCode())).orElse(false))
            .orElseThrow(() -> new NotFound("contest", id));
    }
}
