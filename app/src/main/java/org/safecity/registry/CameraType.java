package org.safecity.registry;

/** What a camera is for: an overview, a pan-tilt-zoom, plate reading, or face capture. */
public enum CameraType {
    FIXED, PTZ, ANPR, FACE
}
