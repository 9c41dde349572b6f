package org.safecity.shared;

/** A map rectangle, written as {@code minLon,minLat,maxLon,maxLat} (the GeoJSON / WMS order). */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    public BoundingBox {
        new GeoPoint(minLat, minLon);
        new GeoPoint(maxLat, maxLon);
        if (minLon > maxLon || minLat > maxLat) {
            throw new IllegalArgumentException("bbox must be minLon,minLat,maxLon,maxLat with min below max");
        }
    }

    public static BoundingBox parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("bbox must be four numbers: minLon,minLat,maxLon,maxLat");
        }
        try {
            return new BoundingBox(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                Double.parseDouble(parts[2].strip()), Double.parseDouble(parts[3].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bbox must be four numbers: minLon,minLat,maxLon,maxLat");
        }
    }

    public boolean contains(GeoPoint point) {
        return point.lon() >= minLon && point.lon() <= maxLon && point.lat() >= minLat && point.lat() <= maxLat;
    }
}
