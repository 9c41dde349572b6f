package org.safecity.partners.internal.notices;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A notice to a premises that became non-compliant: {@code OPEN} until its deadline, then
 * {@code ESCALATED}; {@code REMEDIED} once the premises is compliant again (from either).
 *
 * @param reasonsJson the reasons of non-compliance when the notice was issued, as the history shows them
 * @param penalty the penalty the Authority imposed on it, if any
 */
record Notice(long id, String number, long premisesId, String premisesName, String category, String cityCode, String zoneCode,
              Instant issuedAt, Instant deadline, String reasonsJson, Status status, Instant escalatedAt, Instant closedAt,
              Penalty penalty) {

    enum Status { OPEN, ESCALATED, REMEDIED }

    /** A penalty at the rate in force when it was imposed; {@code demonstration} when that rate is a shipped demo value. */
    record Penalty(long amountPkr, LocalDate rateFrom, boolean demonstration, String reason, Instant imposedAt, String imposedBy) {
    }

    boolean overdue(Instant now) {
        return status != Status.REMEDIED && now.isAfter(deadline);
    }
}
