package org.safecity.traffic.internal.challans;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.safecity.shared.CsvText;
import org.safecity.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The fine schedule, versioned by {@code effective_from}: the fine of an offence is the one of the
 * latest schedule in force on the day of the offence (Pakistan time), for the vehicle's class.
 * Seeded from {@code reference/traffic/fines-kp.csv}; a new schedule is loaded over the API.
 */
@Repository
public class FineSchedule {

    static final List<String> CLASSES = List.of("motorcycle", "car_jeep", "ltv", "htv");

    private final JdbcClient jdbc;

    FineSchedule(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Fine(LocalDate effectiveFrom, String offence, String offenceName, String vehicleClass, Long amountPkr) {
    }

    /** The vehicle class of the schedule for a vehicle type as cameras report it; a car when unknown. */
    public static String vehicleClass(String vehicleType) {
        if (vehicleType == null) {
            return "car_jeep";
        }
        return switch (vehicleType.toLowerCase(Locale.ROOT)) {
            case "motorcycle", "motorbike", "bike", "scooter" -> "motorcycle";
            case "van", "pickup", "rickshaw", "wagon", "ltv", "minibus" -> "ltv";
            case "bus", "truck", "trailer", "tanker", "htv" -> "htv";
            default -> "car_jeep";
        };
    }

    /**
     * The fine for the offence on {@code day} for the class; an offence that does not apply to the class
     * (a helmet offence read on a car) takes the fine of the class it applies to.
     */
    public Optional<Fine> fineOn(String offence, LocalDate day, String vehicleClass) {
        List<Fine> schedule = jdbc.sql("""
                select * from traffic.fine where offence = ? and amount_pkr is not null
                  and effective_from = (select max(effective_from) from traffic.fine where offence = ? and effective_from <= ?)""")
            .params(offence, offence, day).query((rs, n) -> new Fine(rs.getObject("effective_from", LocalDate.class), rs.getString("offence"),
                rs.getString("offence_name"), rs.getString("vehicle_class"), rs.getLong("amount_pkr"))).list();
        return schedule.stream().filter(f -> f.vehicleClass().equals(vehicleClass)).findFirst()
            .or(() -> schedule.stream().min(java.util.Comparator.comparing(f -> CLASSES.indexOf(f.vehicleClass()))));
    }

    /** The name of an offence from its latest schedule, or the code when none names it. */
    public String offenceName(String offence) {
        return jdbc.sql("select offence_name from traffic.fine where offence = ? order by effective_from desc limit 1")
            .param(offence).query(String.class).optional().orElse(offence);
    }

    public boolean knows(String offence) {
        return jdbc.sql("select exists (select 1 from traffic.fine where offence = ?)").param(offence).query(Boolean.class).single();
    }

    public boolean empty() {
        return !jdbc.sql("select exists (select 1 from traffic.fine)").query(Boolean.class).single();
    }

    public List<Fine> all() {
        return jdbc.sql("select * from traffic.fine order by effective_from desc, offence, vehicle_class")
            .query((rs, n) -> new Fine(rs.getObject("effective_from", LocalDate.class), rs.getString("offence"),
                rs.getString("offence_name"), rs.getString("vehicle_class"), (Long) rs.getObject("amount_pkr"))).list();
    }

    /**
     * Reads a schedule in the columns of fines-kp.csv ({@code effective_from,offence_code,offence,motorcycle,car_jeep,ltv,htv};
     * lines starting with # are comments). All rows must share one effective_from later than every schedule loaded.
     * All or nothing: any bad row stores nothing and every bad row is named.
     */
    public List<Fine> parse(String text, LocalDate latestLoaded) throws IOException {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true)
            .setCommentMarker('#').get();
        var errors = new ArrayList<InvalidInput.FieldError>();
        var fines = new ArrayList<Fine>();
        LocalDate effective = null;
        try (var parser = format.parse(CsvText.checked(new StringReader(text)))) {
            if (!parser.getHeaderNames().containsAll(List.of("effective_from", "offence_code", "offence", "motorcycle", "car_jeep", "ltv", "htv"))) {
                throw new InvalidInput("header", "must be effective_from,offence_code,offence,motorcycle,car_jeep,ltv,htv");
            }
            for (CSVRecord row : parser) {
                String where = "row " + (row.getRecordNumber() + 1);
                LocalDate from = null;
                try {
                    from = LocalDate.parse(row.get("effective_from"));
                } catch (DateTimeParseException e) {
                    errors.add(new InvalidInput.FieldError(where, "effective_from must be a date such as 2027-01-01"));
                }
                if (from != null && effective != null && !from.equals(effective)) {
                    errors.add(new InvalidInput.FieldError(where, "every row of one schedule has the same effective_from"));
                }
                if (from != null && latestLoaded != null && !from.isAfter(latestLoaded)) {
                    errors.add(new InvalidInput.FieldError(where, "effective_from must be after the latest schedule, " + latestLoaded));
                }
                effective = effective == null ? from : effective;
                String code = row.get("offence_code");
                if (!code.matches("[A-Z][A-Z0-9_]{1,40}")) {
                    errors.add(new InvalidInput.FieldError(where, "offence_code must be upper case letters, digits and _"));
                }
                if (row.get("offence").isBlank()) {
                    errors.add(new InvalidInput.FieldError(where, "offence (its name) is required"));
                }
                int amounts = 0;
                for (String c : CLASSES) {
                    String value = row.get(c);
                    Long amount = null;
                    if (!value.isBlank()) {
                        try {
                            amount = Long.parseLong(value);
                            amounts++;
                        } catch (NumberFormatException e) {
                            amount = -1L;
                        }
                        if (amount <= 0) {
                            errors.add(new InvalidInput.FieldError(where, c + " must be whole rupees above 0, or blank"));
                        }
                    }
                    fines.add(new Fine(from, code, row.get("offence"), c, amount));
                }
                if (amounts == 0) {
                    errors.add(new InvalidInput.FieldError(where, "at least one vehicle class needs an amount"));
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw CsvText.malformed(e);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (fines.isEmpty()) {
            throw new InvalidInput("file", "has no rows");
        }
        return fines;
    }

    public LocalDate latestEffective() {
        return jdbc.sql("select max(effective_from) from traffic.fine").query(LocalDate.class).optional().orElse(null);
    }

    public void store(List<Fine> fines, String by) {
        for (var f : fines) {
            jdbc.sql("""
                    insert into traffic.fine (effective_from, offence, offence_name, vehicle_class, amount_pkr, loaded_by)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(f.effectiveFrom(), f.offence(), f.offenceName(), f.vehicleClass(), f.amountPkr(), by).update();
        }
    }

    public Map<String, Object> summary(List<Fine> fines, Instant at) {
        return Map.of("effectiveFrom", fines.getFirst().effectiveFrom().toString(), "offences",
            fines.stream().map(Fine::offence).distinct().count(), "loadedAt", at.toString());
    }
}
