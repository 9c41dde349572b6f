package org.safecity.traffic.internal.challans;

import java.time.Instant;
import java.time.LocalDate;
import org.safecity.traffic.internal.TrafficSettings;

/** An electronic traffic ticket, with the owner it was addressed to (null fields when no owner was found). */
public record Challan(String number, long violationId, String plate, String offence, String offenceName, String vehicleClass, long finePkr,
               Instant observedAt, Instant issuedAt, LocalDate dueDate, Status status, String paymentReference, String ownerName,
               String ownerCnic, String ownerPhone, String ownerEmail, String cityCode, String zoneCode, long cameraId,
               String siteName, Long paidPkr, Instant paidAt) {

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
