package org.safecity.partners.internal.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.safecity.partners.internal.cameras.Resolution;
import org.safecity.partners.internal.premises.Registration;
import org.safecity.registry.CameraPresence.Observed;

/**
 * The one place the Act's rules are applied to a premises: a pure function of the premises, the
 * requirement of its category in force, its cameras and what was observed of them. Every failing
 * rule is a reason; none stops the others from being checked, so a manager learns everything to
 * remedy at once.
 */
public final class ComplianceRules {

    /**
     * What the evaluation knows of one connected camera.
     *
     * @param resolution as probed or registered; null when neither says
     * @param points the points of the premises the camera covers
     * @param observed what SafeCity observed of the camera now
     * @param lastHeard when it was last heard from, null when never
     * @param heardShare the share of the uptime window it was heard from, counted from when it joined (and had the
     *                   time allowed to start sending) if that was later
     */
    public record CameraFacts(long id, String name, Resolution resolution, Set<String> points, Observed observed, Instant lastHeard,
                       Instant joinedAt, double heardShare) {
    }

    /**
     * @param uptimeWindow how far back the offline share is measured (the Act's "last 7 days")
     * @param silenceAllowed how long a camera may send nothing before the premises is non-compliant
     */
    record Settings(Duration uptimeWindow, Duration silenceAllowed) {
    }

    private ComplianceRules() {
    }

    /** The latest inspection's outcome, when the premises was ever inspected. */
    public record LastInspection(LocalDate on, boolean passed, String findings) {
    }

    static Compliance assess(Registration registration, LocalDate actAppliesFrom, String category, Optional<Requirement> requirement,
                             List<CameraFacts> cameras, Instant now, Settings settings) {
        return assess(registration, actAppliesFrom, category, requirement, cameras, Optional.empty(), now, settings);
    }

    static Compliance assess(Registration registration, LocalDate actAppliesFrom, String category, Optional<Requirement> requirement,
                             List<CameraFacts> cameras, Optional<LastInspection> inspection, Instant now, Settings settings) {
        switch (registration) {
            case LISTED -> {
                return new Compliance.NotRegistered(List.of(new Compliance.NeverRegistered()));
            }
            case REFUSED -> {
                return new Compliance.NotRegistered(List.of(new Compliance.ApplicationRefused()));
            }
            case APPLIED -> {
                return new Compliance.Pending(List.of(new Compliance.AwaitingApproval()));
            }
            case REGISTERED -> {
                // assessed below
            }
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (actAppliesFrom.isAfter(today)) {
            return new Compliance.Pending(List.of(new Compliance.ActNotYetInForce(actAppliesFrom)));
        }
        if (requirement.isEmpty()) {
            return new Compliance.Pending(List.of(new Compliance.NoRequirementInForce(category)));
        }
        Requirement required = requirement.get();
        List<Compliance.Reason> reasons = new ArrayList<>();
        if (cameras.size() < required.minCameras()) {
            reasons.add(new Compliance.TooFewCameras(cameras.size(), required.minCameras()));
        }
        for (String point : required.points()) {
            if (cameras.stream().noneMatch(c -> c.points().contains(point))) {
                reasons.add(new Compliance.PointNotCovered(point));
            }
        }
        for (CameraFacts camera : cameras) {
            if (camera.resolution() == null) {
                reasons.add(new Compliance.ResolutionUnknown(camera.id(), camera.name()));
            } else if (!camera.resolution().meets(required.minWidth(), required.minHeight())) {
                reasons.add(new Compliance.ResolutionBelowMinimum(camera.id(), camera.name(), camera.resolution().toString(),
                    required.minResolution()));
            }
            silence(camera, now, settings).ifPresent(reasons::add);
            double offline = 1 - camera.heardShare();
            if (offline > required.maxOfflineShare()) {
                reasons.add(new Compliance.OfflineTooOften(camera.id(), camera.name(), offline, required.maxOfflineShare(),
                    (int) settings.uptimeWindow().toDays()));
            }
        }
        inspection.filter(i -> !i.passed()).ifPresent(i -> reasons.add(new Compliance.InspectionFailed(i.on(), i.findings())));
        return reasons.isEmpty() ? new Compliance.Compliant() : new Compliance.NonCompliant(reasons);
    }

    /** A camera counts as silent once nothing came from it for longer than allowed (a new camera gets that long to start sending). */
    private static Optional<Compliance.Reason> silence(CameraFacts camera, Instant now, Settings settings) {
        if (camera.observed() == Observed.ONLINE) {
            return Optional.empty();
        }
        Instant since = camera.lastHeard() != null ? camera.lastHeard() : camera.joinedAt();
        if (Duration.between(since, now).compareTo(settings.silenceAllowed()) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Compliance.NotHeardFrom(camera.id(), camera.name(), camera.lastHeard()));
    }

    /**
     * The share of the window a camera was heard from, counting only from when it joined and had the
     * time allowed to start sending ({@code countedFrom}): {@code heardShareOfWindow} is what
     * {@link org.safecity.registry.CameraPresence#shareHeard} answered for the whole window.
     */
    static double heardShareSinceJoining(double heardShareOfWindow, Instant windowStart, Instant now, Instant countedFrom) {
        long window = Duration.between(windowStart, now).toMillis();
        Instant from = countedFrom.isAfter(windowStart) ? countedFrom : windowStart;
        long counted = Duration.between(from, now).toMillis();
        if (counted <= 0) {
            return 1;
        }
        return Math.min(1, heardShareOfWindow * window / counted);
    }
}
