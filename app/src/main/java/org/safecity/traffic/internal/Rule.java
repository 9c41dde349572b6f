package org.safecity.traffic.internal;

import java.time.Instant;

/**
 * One violation rule of a camera (or of the road section ending at it). Which fields apply depends on
 * the {@link Kind}; the others are null.
 */
record Rule(long id, long cameraId, Kind kind, String offence, String approach, Long signalCameraId, Integer cycleSeconds,
            Integer redFromSeconds, Integer redToSeconds, Instant cycleEpoch, Integer limitKmh, Integer toleranceKmh,
            Long entryCameraId, Integer distanceM, String allowedDirection, String analyticType, boolean enabled,
            String createdBy, Instant createdAt) {

    enum Kind { SIGNAL, SPOT_SPEED, AVERAGE_SPEED, WRONG_WAY, ANALYTIC }

    /** The offence code (of the fine schedule) each analytic type stands for. */
    static String analyticOffence(String analyticType) {
        return switch (analyticType) {
            case "no_helmet" -> "NO_HELMET";
            case "no_seat_belt" -> "NO_SEAT_BELT";
            case "mobile_phone" -> "MOBILE_PHONE";
            case "triple_riding" -> "TRIPLE_RIDING";
            case "wrong_way" -> "WRONG_WAY";
            default -> null;
        };
    }

    static String defaultOffence(Kind kind, String analyticType) {
        return switch (kind) {
            case SIGNAL -> "SIGNAL_VIOLATION";
            case SPOT_SPEED, AVERAGE_SPEED -> "OVER_SPEEDING";
            case WRONG_WAY -> "WRONG_WAY";
            case ANALYTIC -> analyticType == null ? null : analyticOffence(analyticType);
        };
    }

    /** Whether a fixed-cycle signal is red at {@code at}: the second within the cycle lies in the red window. */
    boolean fixedCycleRedAt(Instant at) {
        long second = Math.floorMod(at.getEpochSecond() - cycleEpoch.getEpochSecond(), (long) cycleSeconds);
        return redFromSeconds <= redToSeconds
            ? second >= redFromSeconds && second < redToSeconds
            : second >= redFromSeconds || second < redToSeconds; // the red window wraps the cycle's end
    }

    boolean usesFixedCycle() {
        return kind == Kind.SIGNAL && signalCameraId == null;
    }
}
