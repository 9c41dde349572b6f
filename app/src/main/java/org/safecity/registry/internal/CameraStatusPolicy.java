package org.safecity.registry.internal;

import org.safecity.registry.CameraStatus;

/**
 * Which status changes a person may make. A planned camera may go to any status once it is put up;
 * an installed camera moves freely between INSTALLED, ONLINE, OFFLINE and FAULTY as its health
 * changes, but never back to PLANNED: it has been on its pole, and its installation date stays.
 */
final class CameraStatusPolicy {

    private CameraStatusPolicy() {
    }

    sealed interface Outcome permits Allowed, Refused {
    }

    record Allowed() implements Outcome {
    }

    record Refused(String reason) implements Outcome {
    }

    static Outcome decide(CameraStatus from, CameraStatus to) {
        if (from.isInstalled() && to == CameraStatus.PLANNED) {
            return new Refused("cannot go back from " + from + " to PLANNED once the camera is installed");
        }
        return new Allowed();
    }

    /** The status a camera takes when it is heard from; null when it keeps its status. */
    static CameraStatus whenSeen(CameraStatus current) {
        return switch (current) {
            case PLANNED, INSTALLED, OFFLINE -> CameraStatus.ONLINE;
            case ONLINE, FAULTY -> null;
        };
    }
}
