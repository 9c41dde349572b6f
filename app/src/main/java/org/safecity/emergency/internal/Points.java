package org.safecity.emergency.internal;

import org.safecity.shared.GeoPoint;
import org.safecity.shared.InvalidInput;

/** A map point as the API receives it: {@code {"lat", "lon"}}. */
record Points(Double lat, Double lon) {

    static GeoPoint required(Points point, String field) {
        if (point == null || point.lat() == null || point.lon() == null) {
            throw new InvalidInput(field, "is required: {\"lat\": ..., \"lon\": ...} in decimal degrees");
        }
        try {
            return new GeoPoint(point.lat(), point.lon());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, e.getMessage());
        }
    }

    static GeoPoint optional(Points point, String field) {
        return point == null ? null : required(point, field);
    }
}
