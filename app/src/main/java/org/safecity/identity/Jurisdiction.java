package org.safecity.identity;

/**
 * The part of the province a person works in: the whole province (no city), one city, or one
 * zone (police station area) of a city. An operator of Mardan sees Mardan.
 *
 * @param cityCode a city's code such as {@code PSH}, or null for the whole province
 * @param zoneCode a zone's code within the city, or null for the whole city
 */
public record Jurisdiction(String cityCode, String zoneCode) {

    public static final Jurisdiction PROVINCE = new Jurisdiction(null, null);

    public Jurisdiction {
        if (cityCode == null && zoneCode != null) {
            throw new IllegalArgumentException("a zone jurisdiction needs its city");
        }
    }

    public static Jurisdiction city(String cityCode) {
        return new Jurisdiction(cityCode, null);
    }

    public boolean isProvince() {
        return cityCode == null;
    }

    public boolean coversCity(String city) {
        return cityCode == null || cityCode.equals(city);
    }

    /** Whether a record in {@code city} / {@code zone} (zone may be null) lies inside this jurisdiction. */
    public boolean covers(String city, String zone) {
        if (cityCode == null) {
            return true;
        }
        if (!cityCode.equals(city)) {
            return false;
        }
        return zoneCode == null || zoneCode.equals(zone);
    }

    @Override
    public String toString() {
        return cityCode == null ? "province" : zoneCode == null ? cityCode : cityCode + "/" + zoneCode;
    }
}
