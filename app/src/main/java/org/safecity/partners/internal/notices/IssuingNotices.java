package org.safecity.partners.internal.notices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.safecity.cluster.OncePerCluster;
import org.safecity.identity.AuditTrail;
import org.safecity.partners.internal.compliance.Compliance;
import org.safecity.partners.internal.compliance.Requirement;
import org.safecity.partners.internal.compliance.Requirements;
import org.safecity.partners.internal.premises.Premises;
import org.safecity.partners.internal.premises.PremisesStore;
import org.safecity.shared.Conflict;
import org.safecity.shared.TimeConfiguration;
import org.safecity.traffic.OutgoingMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.safecity.shared.ShownTime;

/**
 * Notices of non-compliance: a premises that becomes non-compliant is sent a notice (SMS and e-mail to
 * its contact, through the notification outbox) with a deadline to remedy; one unremedied at its deadline
 * is escalated; a premises compliant again has its notice closed as remedied. The Authority may then
 * impose a penalty from the schedule.
 */
@Service
public class IssuingNotices {

    private static final Logger log = LoggerFactory.getLogger(IssuingNotices.class);

    private final NoticeStore notices;
    private final PremisesStore premises;
    private final OutgoingMessages messages;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration fallbackDeadline;
    private final String complianceOffice;
    private final Requirements requirements;
    private final OncePerCluster oncePerCluster;

    /**
     * @param fallbackDeadline the time to remedy when no requirement of the premises' category is in force (each
     *                         requirement names its own, {@link Requirement#noticeDays()})
     * @param complianceOffice the compliance staff's e-mail address told of each escalation; blank for none
     */
    IssuingNotices(NoticeStore notices, PremisesStore premises, Requirements requirements, OutgoingMessages messages, AuditTrail audit,
                   Clock clock, @Value("${safecity.partners.notice-deadline}") Duration fallbackDeadline,
                   @Value("${safecity.partners.compliance-office-email:}") String complianceOffice, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.requirements = requirements;
        this.complianceOffice = complianceOffice == null ? "" : complianceOffice.strip();
        this.notices = notices;
        this.premises = premises;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
        this.fallbackDeadline = fallbackDeadline;
    }

    /**
     * A premises' recorded standing changed (called in the transaction that records it, its row locked):
     * becoming non-compliant issues a notice unless one stands; becoming compliant remedies it.
     */
    public void standingChanged(long premisesId, Compliance.Status to, String reasonsJson, Instant at) {
        if (to == Compliance.Status.COMPLIANT) {
            notices.remedy(premisesId, at).ifPresent(number -> log.info("Notice {} remedied", number));
        } else if (to == Compliance.Status.NON_COMPLIANT && notices.openOf(premisesId).isEmpty()) {
            premises.find(premisesId).ifPresent(p -> {
                var notice = notices.issue(premisesId, at, at.plus(deadline(p, at)), reasonsJson);
                toPremises(p, notice.number(), NoticeLetter.message(p, notice, ShownTime.date(notice.deadline())));
            });
        }
    }

    /** The days to remedy of the requirement of the premises' category in force on the day of the notice. */
    Duration deadline(Premises p, Instant at) {
        return Requirement.inForce(requirements.all(), p.category(), at.atZone(TimeConfiguration.DISPLAY_ZONE).toLocalDate())
            .map(r -> Duration.ofDays(r.noticeDays()))
            .orElse(fallbackDeadline);
    }

    private void toPremises(Premises p, String reference, String text) {
        if (p.contact() != null && p.contact().phone() != null && !p.contact().phone().isBlank()) {
            messages.send(OutgoingMessages.Channel.SMS, p.contact().phone(), reference, p.place(), text);
        }
        if (p.contact() != null && p.contact().email() != null && !p.contact().email().isBlank()) {
            messages.send(OutgoingMessages.Channel.EMAIL, p.contact().email(), reference, p.place(), text);
        }
    }

    /**
     * Tells the premises that its notice is escalated and what may follow, and the compliance staff what
     * is left undone and what they can do; in the transaction that escalates it, once per notice.
     */
    private void escalated(Notice notice) {
        var p = premises.find(notice.premisesId()).orElseThrow();
        var rate = notices.rate(notice.category(), clock.instant().atZone(TimeConfiguration.DISPLAY_ZONE).toLocalDate());
        String deadline = ShownTime.date(notice.deadline());
        toPremises(p, notice.number() + "/escalated", NoticeLetter.escalatedToPremises(p, notice, deadline, rate));
        if (!complianceOffice.isEmpty()) {
            messages.send(OutgoingMessages.Channel.EMAIL, complianceOffice, notice.number() + "/escalated/office", p.place(),
                NoticeLetter.escalatedToStaff(p, notice, deadline, rate));
        }
    }

    /** Notices past their deadline become ESCALATED; each once, however many instances run this. */
    @Scheduled(initialDelayString = "${safecity.partners.escalation-interval}",
        fixedDelayString = "${safecity.partners.escalation-interval}")
    void escalateOnSchedule() {
        if (oncePerCluster.mine("partners notice escalation")) {
            escalateDue(); // one statement: escalates every due notice at once
        }
    }

    @Transactional
    public List<String> escalateDue() {
        var escalated = notices.escalateDue(clock.instant());
        for (String number : escalated) {
            notices.find(number).ifPresent(this::escalated);
        }
        if (!escalated.isEmpty()) {
            log.info("Notices escalated past their deadline: {}", escalated);
        }
        return escalated;
    }

    /** What imposing a penalty did: imposed now, or the one the notice already carried. */
    record Imposed(Notice notice, boolean created) {
    }

    /**
     * Imposes the penalty of the schedule in force on a notice that is escalated (or open past its
     * deadline); a second call answers the penalty already imposed. A remedied notice, or one still within
     * its deadline, is refused.
     */
    @Transactional
    Imposed impose(Notice notice, String reason, String by) {
        if (notice.penalty() != null) {
            return new Imposed(notice, false);
        }
        Instant now = clock.instant();
        if (notice.status() == Notice.Status.REMEDIED) {
            throw new Conflict("notice " + notice.number() + " was remedied; no penalty can be imposed");
        }
        if (!notice.overdue(now)) {
            throw new Conflict("notice " + notice.number() + " is within its deadline (" + notice.deadline() + ")");
        }
        var rate = notices.rate(notice.category(), now.atZone(TimeConfiguration.DISPLAY_ZONE).toLocalDate())
            .orElseThrow(() -> new Conflict("the penalty schedule has no rate for the category " + notice.category()));
        boolean created = notices.impose(notice.id(), rate, reason, now, by);
        if (created) {
            audit.record("partners.penalty-imposed", "notice", notice.number(), null,
                java.util.Map.of("amountPkr", rate.amountPkr(), "premisesId", notice.premisesId()));
        }
        return new Imposed(notices.find(notice.number()).orElseThrow(), created);
    }
}
