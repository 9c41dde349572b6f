package org.safecity.registry;

/**
 * Where a camera stands (its site, city, zone, position) or whether it is in service may have
 * changed: what another module holds about it should be read again.
 *
 * @param cameraId the camera, or null when a site changed and any of its cameras may have moved
 */
public record CameraPlacementChanged(Long cameraId) {
}
