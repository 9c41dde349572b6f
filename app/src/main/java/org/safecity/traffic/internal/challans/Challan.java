package org.safecity.traffic.internal.challans;

import java.time.Instant;
import java.time.LocalDate;
import org.safecity.shared.Placement;
import org.safecity.traffic.internal.TrafficSettings;

/**
 * An electronic traffic ticket, addressed to the vehicle's registered owner ({@link Owner#NONE} when none was found),
 * for an offence seen where {@code place} says (no camera name and no point: a challan keeps neither).
 */
public record Challan(String number, long violationId, String plate, String offence, String offenceName, String vehicleClass, long finePkr,
               Instant observedAt, Instant issuedAt, LocalDate dueDate, Status status, String paymentReference, Owner owner,
               Placement place, Long paidPkr, Instant paidAt) {

    /** Whom the challan was sent to, as the vehicle registration named them. */
    public record Owner(String name, String cnic, String phone, String email) {
        public static final Owner NONE = new Owner(null, null, null, null);
    }

    public enum Status { ISSUED, PAID, CONTESTED, CANCELLED, NO_OWNER }

    /** Still to pay: issued (or awaiting its owner) and not contested, paid or cancelled. */
    public boolean payable() {
        return status == Status.ISSUED || status == Status.NO_OWNER;
    }

    /** The late surcharge on {@code day}: the configured share of the fine once the due date has passed; what was paid once paid. */
    public long surchargeOn(LocalDate day, TrafficSettings settings) {
        if (status == Status.PAID) {
            return paidPkr == null ? 0 : Math.max(0, paidPkr - finePkr);
        }
        return payable() && day.isAfter(dueDate) ? settings.surchargeOn(finePkr) : 0;
    }

    /** What must be paid on {@code day}; nothing once paid or cancelled. */
    public long amountDueOn(LocalDate day, TrafficSettings settings) {
        return status == Status.PAID || status == Status.CANCELLED ? 0 : finePkr + surchargeOn(day, settings);
    }
}
