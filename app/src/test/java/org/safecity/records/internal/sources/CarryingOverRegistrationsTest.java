package org.safecity.records.internal.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.traffic.Roadside;
import org.safecity.traffic.VehicleRegistrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The registrations e-challan kept before the records did arrive in the records through their import, and nothing is lost. */
class CarryingOverRegistrationsTest extends IntegrationTest {

    @Autowired
    CarryingOverRegistrations carrying;

    @Autowired
    VehicleRegistrations registrations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rows_left_by_the_migration_become_vehicle_records_and_a_refused_batch_stays_with_its_reason() {
        long source = Roadside.exciseFeed(admin());
        String plate = Roadside.plate();
        String cnic = Roadside.cnic().replace("-", "");
        // As the migration leaves them: one row per registration e-challan had.
        jdbc.sql("insert into records.carried_over (source_id, row) values (?, cast(? as jsonb))").params(source,
            "{\"id\": \"" + plate + "\", \"plate\": \"" + plate + "\", \"ownerName\": \"Sher Ali\", \"ownerCnic\": \"" + cnic
                + "\", \"ownerPhone\": \"+92 300 5551212\", \"ownerEmail\": \"sher@example.org\", \"make\": \"Honda\"}").update();

        int taken = carrying.carryOver();
        int again = carrying.carryOver();

        assertThat(taken).isGreaterThanOrEqualTo(1);
        assertThat(again).isZero();
        assertThat(registrations.find(plate)).hasValueSatisfying(r -> {
            assertThat(r.ownerName()).isEqualTo("Sher Ali");
            assertThat(r.ownerCnic()).isEqualTo(cnic);
            assertThat(r.ownerEmail()).isEqualTo("sher@example.org");
            assertThat(r.make()).isEqualTo("Honda");
        });
        assertThat(jdbc.sql("select count(*) from records.carried_over where refusal is null").query(Long.class).single()).isZero();

        jdbc.sql("insert into records.carried_over (source_id, row) values (?, cast(? as jsonb))").params(source,
            "{\"id\": \"X-1\", \"make\": \"Honda\"}").update();
        carrying.carryOver();
        assertThat(jdbc.sql("select refusal from records.carried_over where row ->> 'id' = 'X-1'").query(String.class).single())
            .contains("names no person or vehicle");
    }
}
