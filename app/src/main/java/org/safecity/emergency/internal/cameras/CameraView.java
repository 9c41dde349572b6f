package org.safecity.emergency.internal.cameras;

import org.safecity.shared.GeoPoint;

/**
 * A camera near an incident, as the incident page shows it.
 *
 * @param heading compass degrees the camera faces; null for a PTZ, which can be turned to anything
 * @param fieldOfView degrees; null when not known
 * @param status ONLINE, OFFLINE or UNKNOWN as SafeCity observes the camera (never what was planned)
 */
public record CameraView(long id, String name, String siteName, GeoPoint location, Integer heading, Integer fieldOfView,
                  String status, double distanceMetres, boolean facing) {

    /**
     * A camera faces a point when the bearing from the camera to the point lies within half its field
     * of view either side of its heading. Without a heading or a field of view it cannot be said to.
     */
    static boolean faces(GeoPoint camera, Integer heading, Integer fieldOfView, GeoPoint point) {
        if (heading == null || fieldOfView == null) {
            return false;
        }
        if (fieldOfView >= 360) {
            return true;
        }
        double bearing = bearing(camera, point);
        double off = Math.abs(((bearing - heading) % 360 + 540) % 360 - 180);
        return off <= fieldOfView / 2.0;
    }

    /** Initial compass bearing from {@code from} to {@code to}, 0 to 360 degrees. */
    static double bearing(GeoPoint from, GeoPoint to) {
        double lat1 = Math.toRadians(from.lat());
        double lat2 = Math.toRadians(to.lat());
        double dLon = Math.toRadians(to.lon() - from.lon());
        double y = Math.sin(dLon) * Math.cos(lat2);
        double x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }
}
