package org.safecity.registry.internal.cameras;

import org.safecity.registry.CameraInstallation;

/**
 * Which installation changes a person may make. A planned camera may be put up or found faulty; an
 * installed camera moves between INSTALLED and FAULTY, but never back to PLANNED: it has been on its
 * pole, and its installation date stays. Online or offline is observed, never set (see
 * {@link org.safecity.registry.CameraPresence}).
 */
final class InstallationPolicy {

    private InstallationPolicy() {
    }

    sealed interface Outcome permits Allowed, Refused {
    }

    record Allowed() implements Outcome {
    }

    record Refused(String reason) implements Outcome {
    }

    static Outcome decide(CameraInstallation from, CameraInstallation to) {
        if (from.isInstalled() && to == CameraInstallation.PLANNED) {
            return new Refused("cannot go back from " + from + " to PLANNED once the camera is installed");
        }
        return new Allowed();
    }

    /** The installation of a camera that is heard from: a planned camera sending video is on its pole. Null when it keeps its own. */
    static CameraInstallation whenSeen(CameraInstallation current) {
        return current == CameraInstallation.PLANNED ? CameraInstallation.INSTALLED : null;
    }
}
