package org.safecity.identity;

/**
 * The cities and zones a jurisdiction may name. The registry keeps them and implements this;
 * identity only asks, so the dependency points one way (as for {@link DeviceKeys}).
 */
public interface Places {

    /** Whether {@code cityCode} (such as {@code PSH}) is a city of the province. */
    boolean isCity(String cityCode);

    /** Whether {@code zoneCode} is a zone of that city still in use (retired zones are not). */
    boolean isZone(String cityCode, String zoneCode);
}
