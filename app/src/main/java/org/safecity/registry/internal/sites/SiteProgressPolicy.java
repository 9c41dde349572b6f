package org.safecity.registry.internal.sites;

import java.time.LocalDate;

/**
 * A site moves forward only: planned, surveyed, installed, commissioned. A step may be skipped (a site
 * surveyed and installed on one visit); the skipped steps then take the same date. Going back is
 * refused, since the dates already recorded are the rollout's history.
 */
public final class SiteProgressPolicy {

    private SiteProgressPolicy() {
    }

    /** When each step was reached; null for steps not reached. */
    public record Dates(LocalDate surveyedOn, LocalDate installedOn, LocalDate commissionedOn) {
        public static final Dates NONE = new Dates(null, null, null);
    }

    sealed interface Outcome permits Moved, Unchanged, Refused {
    }

    record Moved(SiteStatus to, Dates dates) implements Outcome {
    }

    record Unchanged() implements Outcome {
    }

    record Refused(String reason) implements Outcome {
    }

    static Outcome decide(SiteStatus from, SiteStatus to, LocalDate on, Dates dates) {
        if (from == to) {
            return new Unchanged();
        }
        if (to.ordinal() < from.ordinal()) {
            return new Refused("cannot go back from " + from + " to " + to + "; a site only moves forward "
                + "(PLANNED, SURVEYED, INSTALLED, COMMISSIONED)");
        }
        LocalDate latest = latest(dates);
        if (latest != null && on.isBefore(latest)) {
            return new Refused("the date " + on + " is before the site's last step on " + latest);
        }
        LocalDate surveyed = dates.surveyedOn();
        LocalDate installed = dates.installedOn();
        LocalDate commissioned = dates.commissionedOn();
        if (to.ordinal() >= SiteStatus.SURVEYED.ordinal() && surveyed == null) {
            surveyed = on;
        }
        if (to.ordinal() >= SiteStatus.INSTALLED.ordinal() && installed == null) {
            installed = on;
        }
        if (to == SiteStatus.COMMISSIONED && commissioned == null) {
            commissioned = on;
        }
        return new Moved(to, new Dates(surveyed, installed, commissioned));
    }

    /** The dates a site starting directly at {@code status} gets: every step up to it on {@code on}. */
    static Dates startingAt(SiteStatus status, LocalDate on) {
        return decide(SiteStatus.PLANNED, status, on, Dates.NONE) instanceof Moved moved ? moved.dates() : Dates.NONE;
    }

    private static LocalDate latest(Dates dates) {
        LocalDate latest = null;
        for (LocalDate d : new LocalDate[] {dates.surveyedOn(), dates.installedOn(), dates.commissionedOn()}) {
            if (d != null && (latest == null || d.isAfter(latest))) {
                latest = d;
            }
        }
        return latest;
    }
}
