package org.safecity.registry.internal.rollout;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.safecity.registry.internal.places.City;
import org.safecity.registry.internal.places.CityStore;
import org.safecity.shared.GeoPoint;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cities and rollout phases as announced, from {@code reference/cities.csv} and
 * {@code reference/rollout.csv}. Loaded on every start but only adds what is missing, so an
 * administrator's later changes to a phase are kept.
 */
@Component
public class ReferenceData {

    /**
     * Start dates were not announced, so the rollout follows this schedule until an administrator sets
     * real dates: phase 1 starts on this day, and each later phase starts when the one before it is due
     * to end. A phase after one without a known duration has no start date.
     */
    public static final LocalDate FIRST_PHASE_STARTS = LocalDate.of(2026, 6, 1);

    /** The Authority's three-letter city codes, the city part of every jurisdiction. */
    static final java.util.Map<String, String> CITY_CODES = java.util.Map.ofEntries(
        java.util.Map.entry("Peshawar", "PSH"), java.util.Map.entry("Dera Ismail Khan", "DIK"),
        java.util.Map.entry("Bannu", "BNU"), java.util.Map.entry("Lakki Marwat", "LKM"),
        java.util.Map.entry("North Waziristan", "NWZ"), java.util.Map.entry("Karak", "KRK"),
        java.util.Map.entry("Mardan", "MRD"), java.util.Map.entry("Kohat", "KHT"), java.util.Map.entry("Nowshera", "NSR"),
        java.util.Map.entry("Swat", "SWT"), java.util.Map.entry("Abbottabad", "ABT"));

    private final CityStore cities;
    private final PhaseStore phases;

    ReferenceData(CityStore cities, PhaseStore phases) {
        this.cities = cities;
        this.phases = phases;
    }

    @Transactional
    public void load() {
        List<City> cityList = cities();
        cityList.forEach(cities::insertIfMissing);
        phases(cityList).forEach(phases::insertIfMissing);
    }

    static List<City> cities() {
        List<City> list = new ArrayList<>();
        for (CSVRecord r : read("reference/cities.csv")) {
            String code = CITY_CODES.get(r.get("city"));
            if (code == null) {
                throw new IllegalStateException("reference/cities.csv names a city without a code: " + r.get("city"));
            }
            list.add(new City(code, r.get("city"), r.get("district_hq"),
                new GeoPoint(Double.parseDouble(r.get("lat")), Double.parseDouble(r.get("lon")))));
        }
        return list;
    }

    static List<Phase> phases(List<City> cityList) {
        List<Phase> list = new ArrayList<>();
        LocalDate start = FIRST_PHASE_STARTS;
        for (CSVRecord r : read("reference/rollout.csv")) {
            List<String> codes = Arrays.stream(r.get("cities").split(";")).map(String::strip)
                .map(name -> cityList.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("rollout.csv names an unknown city: " + name)).code())
                .toList();
            Integer months = whole(r.get("duration_months"));
            var phase = new Phase(Integer.parseInt(r.get("phase")), r.get("name"), codes, whole(r.get("sites")),
                whole(r.get("cameras")), r.get("cost_pkr").isBlank() ? null : Long.parseLong(r.get("cost_pkr")), months,
                start, r.get("notes").isBlank() ? null : r.get("notes"));
            list.add(phase);
            start = phase.deadline();
        }
        return list;
    }

    private static Integer whole(String text) {
        return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
    }

    private static List<CSVRecord> read(String resource) {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setTrim(true).get();
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }
}
