package org.safecity.registry.internal.rollout;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Whether a phase will finish in time, judged from its pace so far: the cameras installed per day
 * since the start, carried forward until the planned number is reached.
 */
final class RolloutProjection {

    private RolloutProjection() {
    }

    /**
     * @param projectedCompletion when the planned cameras will all be installed at the present pace;
     *                            null when nothing is installed yet or no camera count was planned
     * @param daysToDeadline      days from today to the deadline, negative once it has passed; null without a deadline
     */
    record Projection(LocalDate projectedCompletion, Long daysToDeadline, Boolean onTrack) {
    }

    static Projection of(LocalDate start, LocalDate deadline, Integer plannedCameras, long installedCameras,
                         LocalDate lastInstalledOn, LocalDate today) {
        Long daysToDeadline = deadline == null ? null : ChronoUnit.DAYS.between(today, deadline);
        LocalDate projected = projectedCompletion(start, plannedCameras, installedCameras, lastInstalledOn, today);
        return new Projection(projected, daysToDeadline, onTrack(start, deadline, plannedCameras, installedCameras, projected, today));
    }

    static LocalDate projectedCompletion(LocalDate start, Integer planned, long installed, LocalDate lastInstalledOn,
                                         LocalDate today) {
        if (planned == null || planned == 0 || installed == 0 || start == null) {
            return null;
        }
        if (installed >= planned) {
            return lastInstalledOn != null ? lastInstalledOn : today;
        }
        long elapsedDays = Math.max(1, ChronoUnit.DAYS.between(start, today));
        // Whole-number arithmetic: remaining days = ceil(remaining * elapsed / installed).
        long remaining = planned - installed;
        long daysMore = (remaining * elapsedDays + installed - 1) / installed;
        return today.plusDays(daysMore);
    }

    /**
     * On track: not started yet, or the projection lands on or before the deadline. A started phase
     * with nothing installed is on track only until its deadline. Without a deadline there is
     * nothing to be on track for: null, "no estimate".
     */
    static Boolean onTrack(LocalDate start, LocalDate deadline, Integer planned, long installed, LocalDate projected,
                           LocalDate today) {
        if (deadline == null) {
            return null;
        }
        if (start == null || today.isBefore(start)) {
            return true;
        }
        if (projected == null) {
            return !today.isAfter(deadline);
        }
        return !projected.isAfter(deadline);
    }
}
