package org.safecity.traffic.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.safecity.shared.Cnic;
import org.safecity.shared.CsvText;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.Plate;
import org.safecity.traffic.VehicleRegistrations;
import org.safecity.traffic.internal.rules.RuleStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link VehicleRegistrations} from {@code traffic.vehicle_registration}, loaded from the department's
 * CSV ({@code plate,owner_name,owner_cnic,owner_phone,make,model,colour}, optional {@code owner_email}).
 */
@Component
class RegistrationTable implements VehicleRegistrations {

    static final List<String> COLUMNS = List.of("plate", "owner_name", "owner_cnic", "owner_phone", "make", "model", "colour");

    private final JdbcClient jdbc;

    RegistrationTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<VehicleRegistration> find(String plate) {
        return jdbc.sql("select * from traffic.vehicle_registration where plate = ?").param(plate)
            .query((rs, n) -> new VehicleRegistration(rs.getString("plate"), rs.getString("owner_name"), rs.getString("owner_cnic"),
                rs.getString("owner_phone"), rs.getString("owner_email"), rs.getString("make"), rs.getString("model"),
                rs.getString("colour"))).optional();
    }

    /** All or nothing: a file with any bad row stores nothing and names every bad row (the header is row 1). */
    List<VehicleRegistration> parse(String text) throws IOException {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
        var errors = new ArrayList<InvalidInput.FieldError>();
        var rows = new ArrayList<VehicleRegistration>();
        var seen = new HashSet<String>();
        try (var parser = format.parse(CsvText.checked(new StringReader(text)))) {
            if (!parser.getHeaderNames().containsAll(COLUMNS)) {
                throw new InvalidInput("header", "must name the columns " + String.join(",", COLUMNS));
            }
            boolean email = parser.getHeaderNames().contains("owner_email");
            for (CSVRecord row : parser) {
                String where = "row " + (row.getRecordNumber() + 1);
                var problems = new ArrayList<String>();
                String plate = null;
                try {
                    plate = Plate.of(row.get("plate")).normalised();
                    if (!seen.add(plate)) {
                        problems.add("plate " + plate + " appears twice in the file");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("plate: " + e.getMessage());
                }
                String cnic = null;
                try {
                    cnic = Cnic.of(row.get("owner_cnic")).digits();
                } catch (IllegalArgumentException e) {
                    problems.add("owner_cnic: " + e.getMessage());
                }
                if (row.get("owner_name").isBlank()) {
                    problems.add("owner_name is required");
                }
                String phone = row.get("owner_phone");
                if (!phone.isBlank() && !phone.matches("\\+?[0-9 -]{7,20}")) {
                    problems.add("owner_phone must be a phone number such as +92 300 1234567");
                }
                String mail = email ? row.get("owner_email") : "";
                if (!mail.isBlank() && !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    problems.add("owner_email must be an e-mail address");
                }
                if (!problems.isEmpty()) {
                    errors.add(new InvalidInput.FieldError(where, String.join("; ", problems)));
                    continue;
                }
                rows.add(new VehicleRegistration(plate, row.get("owner_name"), cnic, blankToNull(phone), blankToNull(mail),
                    blankToNull(row.get("make")), blankToNull(row.get("model")), blankToNull(row.get("colour"))));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw CsvText.malformed(e);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return rows;
    }

    /** Stores the rows, a plate already known taking the newer owner. */
    void store(List<VehicleRegistration> rows, java.time.Instant at) {
        for (var r : rows) {
            jdbc.sql("""
                    insert into traffic.vehicle_registration (plate, owner_name, owner_cnic, owner_phone, owner_email, make, model, colour, loaded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (plate) do update set owner_name = excluded.owner_name,
                      owner_cnic = excluded.owner_cnic, owner_phone = excluded.owner_phone, owner_email = excluded.owner_email,
                      make = excluded.make, model = excluded.model, colour = excluded.colour, loaded_at = excluded.loaded_at""")
                .params(r.plate(), r.ownerName(), r.ownerCnic(), r.ownerPhone(), r.ownerEmail(), r.make(), r.model(), r.colour(),
                    RuleStore.ts(at)).update();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
