package org.safecity.registry;

/**
 * Where a camera stands in its installation, as people record it: not yet up, on its pole, or known
 * broken. Whether it is working is not part of this: that is what SafeCity observes
 * ({@link CameraPresence}), never what anyone typed.
 */
public enum CameraInstallation {
    PLANNED, INSTALLED, FAULTY;

    /** Installed or later: the camera is on its pole, whatever its health. */
    public boolean isInstalled() {
        return this != PLANNED;
    }
}
