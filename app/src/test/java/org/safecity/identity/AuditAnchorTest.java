package org.safecity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail cannot be changed through SafeCity's own database account, and what a superuser
 * removes behind its back is reported, even the newest entries, by the anchor kept outside the database.
 */
class AuditAnchorTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_application_s_database_account_is_no_superuser_and_cannot_switch_off_the_audit_trail_s_guard() {
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
        assertThatThrownBy(() -> jdbc.sql("set session_replication_role = replica").update())
            .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from identity.audit_entry where seq = 1").update())
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate identity.audit_entry").update())
            .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void removing_the_newest_audit_entries_as_a_superuser_is_reported_against_the_anchor() throws Exception {
        var auditor = as(Role.AUDITOR);
        var anchored = auditor.post("/api/v1/anchors", "{}");
        assertThat(anchored.status()).as(anchored.body()).isEqualTo(200);
        long through = -1;
        for (var anchor : anchored.json()) {
            if (anchor.get("log").asString().equals("audit")) {
                through = anchor.get("position").asLong();
            }
        }
        assertThat(through).isGreaterThan(3);
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();

        try (var admin = TestDatabase.administrator(); var sql = admin.createStatement()) {
            // what someone holding the server's superuser does: switch the guard off for the session and cut the end off
            sql.execute("set session_replication_role = replica");
            sql.execute("create temporary table kept as select * from identity.audit_entry where seq > " + (through - 3));
            sql.execute("delete from identity.audit_entry where seq > " + (through - 3));
            try {
                var verdict = auditor.get("/api/v1/audit/verify").json();

                assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isFalse();
                assertThat(verdict.get("firstBrokenSeq").asLong()).isEqualTo(through - 2);
                assertThat(verdict.get("anchoredThrough").asLong()).isEqualTo(through);
                assertThat(verdict.get("problem").asString()).contains("audit entries " + (through - 2) + " to " + through + " are missing");
            } finally {
                sql.execute("insert into identity.audit_entry select * from kept");
            }
        }
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }
}
