package org.safecity.registry.internal.places;

import org.safecity.identity.Places;
import org.springframework.stereotype.Component;

/** {@link Places} from the registry's cities and zones, so an account names only real ones. */
@Component
class KnownPlaces implements Places {

    private final CityStore cities;
    private final ZoneStore zones;

    KnownPlaces(CityStore cities, ZoneStore zones) {
        this.cities = cities;
        this.zones = zones;
    }

    @Override
    public boolean isCity(String cityCode) {
        return cityCode != null && cities.find(cityCode).isPresent();
    }

    @Override
    public boolean isZone(String cityCode, String zoneCode) {
        return cityCode != null && zoneCode != null && zones.find(cityCode, zoneCode).filter(z -> !z.retired()).isPresent();
    }
}
