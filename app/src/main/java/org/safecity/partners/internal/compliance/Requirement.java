package org.safecity.partners.internal.compliance;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the Act requires of one category of premises from {@code effectiveFrom} on, until a later
 * requirement of the same category takes over.
 *
 * @param points the places that must be in a camera's view (entrance, cash counter, parking...)
 * @param authorityRecords whether the Authority records the streams, or may only view them on demand
 * @param maxOfflineShare the share of the uptime window (0 to 1) a camera may be unheard before it counts against the premises
 * @param noticeDays how many days a notice of non-compliance gives the premises to remedy before it is escalated
 */
public record Requirement(String category, LocalDate effectiveFrom, String name, int minCameras, List<String> points, int minWidth,
                   int minHeight, int retentionDays, boolean authorityRecords, double maxOfflineShare,
                   int noticeDays) {

    public Requirement {
        points = List.copyOf(points);
    }

    public String minResolution() {
        return minWidth + "x" + minHeight;
    }

    /** The requirement of {@code category} in force on {@code day}: the latest that took effect by then. */
    public static Optional<Requirement> inForce(List<Requirement> all, String category, LocalDate day) {
        return all.stream()
            .filter(r -> r.category().equals(category) && !r.effectiveFrom().isAfter(day))
            .max(Comparator.comparing(Requirement::effectiveFrom));
    }
}
