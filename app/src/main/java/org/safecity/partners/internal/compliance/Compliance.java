package org.safecity.partners.internal.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A premises' standing under the Act at one moment, with every reason for it: a premises is never
 * "non-compliant" without each thing to remedy, nor "pending" without what it waits for.
 */
public sealed interface Compliance permits Compliance.NotRegistered, Compliance.Pending, Compliance.NonCompliant, Compliance.Compliant {

    enum Status { NOT_REGISTERED, PENDING, NON_COMPLIANT, COMPLIANT }

    Status status();

    List<Reason> reasons();

    record NotRegistered(List<Reason> reasons) implements Compliance {
        public Status status() {
            return Status.NOT_REGISTERED;
        }
    }

    record Pending(List<Reason> reasons) implements Compliance {
        public Status status() {
            return Status.PENDING;
        }
    }

    record NonCompliant(List<Reason> reasons) implements Compliance {
        public NonCompliant {
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("non-compliant needs at least one reason");
            }
            reasons = List.copyOf(reasons);
        }

        public Status status() {
            return Status.NON_COMPLIANT;
        }
    }

    record Compliant() implements Compliance {
        public Status status() {
            return Status.COMPLIANT;
        }

        public List<Reason> reasons() {
            return List.of();
        }
    }

    /** Why a premises stands where it does; {@link #message()} says it in words its manager can act on. */
    sealed interface Reason {

        /** A stable name for programs and filters, e.g. {@code TOO_FEW_CAMERAS}. */
        default String code() {
            return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        }

        String message();

        /** The camera the reason is about, or null when it is about the premises. */
        default Long cameraId() {
            return null;
        }
    }

    record NeverRegistered() implements Reason {
        public String message() {
            return "The premises is on the Authority's list but has not registered its surveillance with the Safe City network.";
        }
    }

    record ApplicationRefused() implements Reason {
        public String message() {
            return "The application to register was refused; the premises must apply again or be registered by the Authority.";
        }
    }

    record AwaitingApproval() implements Reason {
        public String message() {
            return "The application to register awaits the Authority's approval.";
        }
    }

    record ActNotYetInForce(LocalDate from) implements Reason {
        public String message() {
            return "The Act applies to this premises from " + from + ".";
        }
    }

    record NoRequirementInForce(String category) implements Reason {
        public String message() {
            return "No requirement is in force yet for the category " + category + ".";
        }
    }

    record TooFewCameras(int connected, int required) implements Reason {
        public String message() {
            return connected + " camera" + (connected == 1 ? " is" : "s are") + " connected; the category requires at least " + required + ".";
        }
    }

    record PointNotCovered(String point) implements Reason {
        public String message() {
            return "No connected camera covers the " + point + ".";
        }
    }

    record ResolutionBelowMinimum(Long cameraId, String camera, String resolution, String minimum) implements Reason {
        public String message() {
            return "Camera " + camera + " records " + resolution + ", below the minimum of " + minimum + ".";
        }
    }

    record ResolutionUnknown(Long cameraId, String camera) implements Reason {
        public String message() {
            return "The resolution of camera " + camera + " is not known; it must be stated or probed.";
        }
    }

    record NotHeardFrom(Long cameraId, String camera, Instant lastHeard) implements Reason {
        public String message() {
            return lastHeard == null ? "Camera " + camera + " has never sent video to the Safe City network."
                : "Camera " + camera + " has sent nothing since " + lastHeard + ".";
        }
    }

    record InspectionFailed(LocalDate on, String findings) implements Reason {
        public String message() {
            return "The inspection of " + on + " found the premises wanting" + (findings == null || findings.isBlank() ? "."
                : ": " + findings) + " A later inspection that passes clears this.";
        }
    }

    record OfflineTooOften(Long cameraId, String camera, double offlineShare, double allowedShare, int days) implements Reason {
        public String message() {
            return "Camera " + camera + " was offline " + percent(offlineShare) + " of the last " + days + " days; at most "
                + percent(allowedShare) + " is allowed.";
        }

        private static String percent(double share) {
            return Math.round(share * 1000) / 10.0 + "%";
        }
    }
}
