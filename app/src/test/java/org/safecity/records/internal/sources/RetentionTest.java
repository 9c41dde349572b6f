package org.safecity.records.internal.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.records.DepartmentFeedsTest;
import org.safecity.traffic.Roadside;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each source's records are kept for its retention period and then deleted, with the persons only they spoke of. */
class RetentionTest extends IntegrationTest {

    @Autowired
    KeepingForRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void records_older_than_their_source_s_retention_are_deleted_and_younger_ones_kept() {
        var admin = admin();
        String old = Roadside.cnic().replace("-", "");
        String young = Roadside.cnic().replace("-", "");
        long id = DepartmentFeedsTest.source(admin, DepartmentFeedsTest.code("short"), List.of("PERSON"), Map.of(), Map.of("retentionDays", 30));
        admin.post("/api/v1/records/sources/" + id + "/imports", Map.of("records", List.of(Map.of("id", "O-1", "cnic", old, "name", "Old Record"),
            Map.of("id", "Y-1", "cnic", young, "name", "Young Record"))));
        jdbc.sql("update records.record set received_at = now() - interval '31 days' where source_id = ? and source_record_id = 'O-1'")
            .param(id).update();

        long deleted = retention.run();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select source_record_id from records.record where source_id = ?").param(id).query(String.class).list())
            .containsExactly("Y-1");
        assertThat(jdbc.sql("select count(*) from records.person where cnic = ?").param(old).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from records.person where cnic = ?").param(young).query(Long.class).single()).isOne();
    }
}
