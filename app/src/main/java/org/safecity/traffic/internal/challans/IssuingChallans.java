package org.safecity.traffic.internal.challans;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.shared.Conflict;
import org.safecity.shared.Placement;
import org.safecity.shared.TimeConfiguration;
import org.safecity.traffic.VehicleRegistrations;
import org.safecity.traffic.internal.TrafficSettings;
import org.safecity.traffic.internal.notices.NoticeGateway;
import org.safecity.traffic.internal.notices.NoticeTexts;
import org.safecity.traffic.internal.payments.PaymentReference;
import org.safecity.traffic.internal.violations.Violation;
import org.safecity.traffic.internal.violations.ViolationStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.safecity.shared.ShownTime;

/**
 * Issues the challan of an approved violation: the fine in force on the day of the offence for the
 * vehicle's class, the registered owner (an unknown plate becomes a NO_OWNER case for manual follow-up,
 * never a guess), a number of the city's year, a payment reference with check digits, the due date,
 * and the owner's notification. Runs in the approving transaction.
 */
@Service
public class IssuingChallans {


    private final ChallanStore challans;
    private final ViolationStore violations;
    private final FineSchedule fines;
    private final VehicleRegistrations registrations;
    private final NoticeGateway gateway;
    private final AuditTrail audit;
    private final TrafficSettings settings;
    private final Clock clock;
    private final String publicBaseUrl;

    IssuingChallans(ChallanStore challans, ViolationStore violations, FineSchedule fines, VehicleRegistrations registrations,
                    NoticeGateway gateway, AuditTrail audit, TrafficSettings settings, Clock clock,
                    @Value("${safecity.public-base-url}") String publicBaseUrl) {
        this.challans = challans;
        this.violations = violations;
        this.fines = fines;
        this.registrations = registrations;
        this.gateway = gateway;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    public Challan issue(Violation v, String by) {
        Instant now = clock.instant();
        LocalDate offenceDay = v.observedAt().atZone(TimeConfiguration.DISPLAY_ZONE).toLocalDate();
        String vehicleClass = FineSchedule.vehicleClass(v.vehicle().vehicleType());
        var fine = fines.fineOn(v.offence(), offenceDay, vehicleClass)
            .orElseThrow(() -> new Conflict("no fine for " + v.offence() + " is in force on " + offenceDay + "; load a fine schedule first"));
        var owner = registrations.find(v.vehicle().plate());
        audit.record("traffic.owner-read", "vehicle", v.vehicle().plate(), "issuing a challan for violation " + v.id(),
            Map.of("found", owner.isPresent()));
        LocalDate today = now.atZone(TimeConfiguration.DISPLAY_ZONE).toLocalDate();
        String city = v.placement().cityCode() == null ? "KP" : v.placement().cityCode();
        String number = challans.nextNumber(city, today.getYear());
        String reference = PaymentReference.of(challans.nextReferenceSerial());
        var status = owner.isPresent() ? Challan.Status.ISSUED : Challan.Status.NO_OWNER;
        var challan = new Challan(number, v.id(), v.vehicle().plate(), v.offence(), fine.offenceName(), fine.vehicleClass(), fine.amountPkr(),
            v.observedAt(), now, today.plusDays(settings.dueDays()), status, reference,
            owner.map(o -> new Challan.Owner(o.ownerName(), o.ownerCnic(), o.ownerPhone(), o.ownerEmail())).orElse(Challan.Owner.NONE),
            new Placement(v.placement().cameraId(), null, v.placement().siteName(), v.placement().cityCode(), v.placement().zoneCode(), null),
            null, null);
        challans.insert(challan);
        challans.step(number, now, status == Challan.Status.ISSUED ? "ISSUED" : "NO_OWNER", by,
            status == Challan.Status.ISSUED ? "fine " + fine.amountPkr() + " (schedule of " + fine.effectiveFrom() + ", " + fine.vehicleClass()
                + "), due " + challan.dueDate()
                : "no registration found for " + v.vehicle().plate() + ": for manual follow-up");
        violations.issued(v.id(), number);
        violations.step(v.id(), now, "CHALLAN_ISSUED", by, number);
        audit.record("traffic.challan-issued", "challan", number, null, Map.of("violation", v.id(), "status", status.name()));
        owner.ifPresent(o -> notifyOwner(challan, o));
        return challan;
    }

    private void notifyOwner(Challan c, VehicleRegistrations.VehicleRegistration owner) {
        String text = ownerMessage(c, publicBaseUrl + "/portal/challans");
        if (owner.ownerPhone() != null) {
            gateway.send(NoticeGateway.Channel.SMS, owner.ownerPhone(), c.number(), text);
        }
        if (owner.ownerEmail() != null) {
            gateway.send(NoticeGateway.Channel.EMAIL, owner.ownerEmail(), c.number(), text);
        }
        // "notified" only once the gateway reports the message sent (OutboxNotices.delivered)
        challans.step(c.number(), clock.instant(), "NOTICE_QUEUED", "system",
            String.join(" and ", java.util.stream.Stream.of(owner.ownerPhone() == null ? null : "SMS",
                owner.ownerEmail() == null ? null : "e-mail").filter(java.util.Objects::nonNull).toList()));
    }

    /** The SMS and e-mail to the owner: the English text, then the same in Urdu. */
    public static String ownerMessage(Challan c, String portal) {
        var english = new java.util.HashMap<String, Object>(Map.of("number", c.number(), "offence", c.offenceName(), "plate", c.plate(),
            "time", ShownTime.of(c.observedAt()), "fine", c.finePkr(), "due", c.dueDate(), "reference", c.paymentReference(), "portal", portal));
        var urdu = new java.util.HashMap<String, Object>(english);
        urdu.put("offence", NoticeTexts.URDU.offence(c.offence(), c.offenceName()));
        english.put("place", c.place().siteName() == null ? "" : NoticeTexts.ENGLISH.text("sms.place", Map.of("place", c.place().siteName())));
        urdu.put("place", c.place().siteName() == null ? "" : NoticeTexts.URDU.text("sms.place", Map.of("place", c.place().siteName())));
        return NoticeTexts.ENGLISH.text("sms", english) + "\n" + NoticeTexts.URDU.text("sms", urdu);
    }
}
