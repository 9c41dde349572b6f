package org.safecity.registry.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safecity.registry.internal.places.City;
import org.safecity.registry.internal.places.CityStore;
import org.safecity.registry.internal.places.Zone;
import org.safecity.registry.internal.places.ZoneStore;
import org.safecity.registry.internal.rollout.Phase;
import org.safecity.registry.internal.rollout.PhaseStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cities, phases, zones and sites a change is checked against, read once per request so that a
 * file of thousands of rows is checked without a query per row.
 */
@Component
public class NetworkReference {

    private final CityStore cities;
    private final PhaseStore phases;
    private final ZoneStore zones;
    private final JdbcClient jdbc;

    NetworkReference(CityStore cities, PhaseStore phases, ZoneStore zones, JdbcClient jdbc) {
        this.cities = cities;
        this.phases = phases;
        this.zones = zones;
        this.jdbc = jdbc;
    }

    /** A site in service, as much as a camera check needs. */
    public record SiteRef(long id, String name, String cityCode, String zoneCode, double lat, double lon) {
    }

    public Snapshot snapshot() {
        Map<String, City> byKey = new HashMap<>();
        for (City c : cities.all()) {
            byKey.put(c.code().toLowerCase(Locale.ROOT), c);
            byKey.put(c.name().toLowerCase(Locale.ROOT), c);
        }
        Map<Integer, Phase> phaseMap = new HashMap<>();
        phases.all().forEach(p -> phaseMap.put(p.number(), p));
        Map<String, Zone> zoneMap = new HashMap<>();
        zones.list(null, true).forEach(z -> zoneMap.put(z.cityCode() + "/" + z.code(), z));
        Map<Long, SiteRef> siteById = new HashMap<>();
        Map<String, SiteRef> siteByName = new HashMap<>();
        jdbc.sql("select id, name, city_code, zone_code, lat, lon from registry.site where retired_at is null")
            .query((rs, n) -> new SiteRef(rs.getLong("id"), rs.getString("name"), rs.getString("city_code"),
                rs.getString("zone_code"), rs.getDouble("lat"), rs.getDouble("lon")))
            .list().forEach(s -> {
                siteById.put(s.id(), s);
                siteByName.put(nameKey(s.cityCode(), s.name()), s);
            });
        return new Snapshot(byKey, phaseMap, zoneMap, siteById, siteByName, new HashSet<>());
    }

    public static String nameKey(String cityCode, String name) {
        return cityCode + "/" + name.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code claimedNames} collects the site names earlier rows of the same file take. */
    public record Snapshot(Map<String, City> cities, Map<Integer, Phase> phases, Map<String, Zone> zones,
                    Map<Long, SiteRef> sites, Map<String, SiteRef> sitesByName, Set<String> claimedNames) {

        public Optional<City> city(String codeOrName) {
            return codeOrName == null ? Optional.empty() : Optional.ofNullable(cities.get(codeOrName.strip().toLowerCase(Locale.ROOT)));
        }

        public Optional<Zone> zone(String cityCode, String zoneCode) {
            return Optional.ofNullable(zones.get(cityCode + "/" + zoneCode));
        }

        public Optional<SiteRef> site(long id) {
            return Optional.ofNullable(sites.get(id));
        }

        public Optional<SiteRef> site(String cityCode, String name) {
            return Optional.ofNullable(sitesByName.get(nameKey(cityCode, name)));
        }

        List<Phase> phaseList() {
            return List.copyOf(phases.values());
        }
    }
}
