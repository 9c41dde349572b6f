package org.safecity.registry;

/** Where a camera stands: not yet up, up but not yet heard from, reporting, silent, or known broken. */
public enum CameraStatus {
    PLANNED, INSTALLED, ONLINE, OFFLINE, FAULTY;

    /** Installed or later: the camera is on its pole, whatever its health. */
    public boolean isInstalled() {
        return this != PLANNED;
    }
}
