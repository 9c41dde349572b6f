package org.safecity.registry.internal.places;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.safecity.registry.CityCentres;
import org.safecity.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cities in {@code registry.city}. */
@Repository
public class CityStore implements CityCentres {

    private final JdbcClient jdbc;

    CityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<City> all() {
        return jdbc.sql("select code, name, district_hq, lat, lon from registry.city order by name")
            .query((rs, n) -> new City(rs.getString("code"), rs.getString("name"), rs.getString("district_hq"),
                new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon")))).list();
    }

    Optional<City> find(String code) {
        return all().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** A city by its code ({@code PSH}) or its name ({@code Peshawar}), as people write it in files. */
    public Optional<City> findByCodeOrName(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.strip();
        return all().stream()
            .filter(c -> c.code().equalsIgnoreCase(wanted) || c.name().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
            .findFirst();
    }

    @Override
    public Optional<Centre> centre(String codeOrName) {
        return findByCodeOrName(codeOrName).map(c -> new Centre(c.code(), c.centre()));
    }

    public void insertIfMissing(City city) {
        jdbc.sql("""
                insert into registry.city (code, name, district_hq, lat, lon) values (?, ?, ?, ?, ?)
                on conflict (code) do nothing""")
            .params(city.code(), city.name(), city.districtHq(), city.centre().lat(), city.centre().lon()).update();
    }
}
