package org.safecity.traffic.internal.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * The video analytics that are traffic offences, each with the offence code of the fine schedule it
 * stands for. The one place they are named: the detections intake accepts them because traffic lists
 * them ({@link OffenceAnalyticTypes}), and an analytic rule may name only these. A new analytic
 * offence is one line here.
 */
enum OffenceAnalytic {
    NO_HELMET("no_helmet", "NO_HELMET"),
    NO_SEAT_BELT("no_seat_belt", "NO_SEAT_BELT"),
    MOBILE_PHONE("mobile_phone", "MOBILE_PHONE"),
    TRIPLE_RIDING("triple_riding", "TRIPLE_RIDING"),
    WRONG_WAY("wrong_way", "WRONG_WAY");

    private final String type;
    private final String offence;

    OffenceAnalytic(String type, String offence) {
        this.type = type;
        this.offence = offence;
    }

    /** The analytic type as devices send it, e.g. {@code no_helmet}. */
    String type() {
        return type;
    }

    String offence() {
        return offence;
    }

    static Optional<OffenceAnalytic> of(String type) {
        return Arrays.stream(values()).filter(a -> a.type.equals(type)).findFirst();
    }
}
