package org.safecity.emergency.internal.incidents;

import org.safecity.shared.GeoPoint;
import org.safecity.shared.InvalidInput;

/** A map point as the API receives it: {@code {"lat", "lon"}}. */
public record Points(Double lat, Double lon) {

    public static GeoPoint required(Points point, String field) {
        if (point == null || point.lat() == null || point.lon() == null) {
            throw new InvalidInput(field, "is required: {\"lat\": ..., \"lon\": ...} in decimal degrees");
        }
        try {
            return new GeoPoint(point.lat(), point.lon());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, e.getMessage());
        }
    }

    /**
     * A coordinate or distance in plain decimal notation, as CAP and GML want it: {@code 0.0001}, never
     * {@code 1.0E-4}; no trailing zeros ({@code 34.008}, {@code 71.5}).
     */
    public static String decimal(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static GeoPoint optional(Points point, String field) {
        return point == null ? null : required(point, field);
    }
}
