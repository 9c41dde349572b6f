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
        return permits(city == null ? PROVINCE : new Jurisdiction(city, zone));
    }

    /**
     * Whether a person of this jurisdiction may act on something that lies in {@code target}: the
     * whole province acts anywhere; a city acts on its city and its zones, never on the whole
     * province or another city; a zone only on itself. Every write is checked with this (see
     * {@link Reach}), as every read is filtered by {@link #covers}.
     */
    public boolean permits(Jurisdiction target) {
        if (isProvince()) {
            return true;
        }
        if (target.isProvince() || !cityCode.equals(target.cityCode())) {
            return false;
        }
        return zoneCode == null || zoneCode.equals(target.zoneCode());
    }

    @Override
    public String toString() {
        return cityCode == null ? "province" : zoneCode == null ? cityCode : cityCode + "/" + zoneCode;
    }
}
