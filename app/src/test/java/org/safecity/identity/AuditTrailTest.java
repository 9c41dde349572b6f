package org.safecity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuditTrailTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void creating_an_account_is_recorded_with_who_did_it_and_from_where() {
        var auditor = as(Role.AUDITOR);
        var created = admin().post("/api/v1/accounts", Map.of("username", "audited.person." + System.nanoTime(),
            "displayName", "Audited Person", "password", "a-long-enough-password", "roles", List.of("OPERATOR"), "scope", "province"));
        String id = created.json().get("id").asString();

        var entries = auditor.get("/api/v1/audit?action=identity.account-created&targetId=" + id).json().get("items");

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(entries.get(0).get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(entries.get(0).get("targetType").asString()).isEqualTo("account");
    }

    @Test
    void only_auditors_read_the_audit_trail() {
        assertThat(admin().get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(as(Role.AUDITOR).get("/api/v1/audit").status()).isEqualTo(200);
    }

    @Test
    void the_database_refuses_to_change_or_delete_an_audit_entry() {
        admin().get("/api/v1/me");
        as(Role.OPERATOR);
        assertThatThrownBy(() -> jdbc.sql("update identity.audit_entry set reason = 'changed' where seq = 1").update())
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from identity.audit_entry where seq = 1").update())
            .hasMessageContaining("append-only");
    }

    @Test
    void verification_names_the_entry_that_was_edited_behind_the_application_s_back() {
        var auditor = as(Role.AUDITOR);
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
        long seq = jdbc.sql("select max(seq) - 1 from identity.audit_entry").query(Long.class).single();
        String original = jdbc.sql("select actor from identity.audit_entry where seq = ?").param(seq).query(String.class).single();

        tamper("update identity.audit_entry set actor = 'someone-else' where seq = " + seq);
        try {
            var verdict = auditor.get("/api/v1/audit/verify").json();
            assertThat(verdict.get("intact").asBoolean()).isFalse();
            assertThat(verdict.get("firstBrokenSeq").asLong()).isEqualTo(seq);
            assertThat(verdict.get("problem").asString()).contains("altered");
        } finally {
            tamper("update identity.audit_entry set actor = '" + original + "' where seq = " + seq);
        }
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void verification_notices_a_removed_entry() {
        var auditor = as(Role.AUDITOR);
        long seq = jdbc.sql("select max(seq) - 1 from identity.audit_entry").query(Long.class).single();
        var row = jdbc.sql("select * from identity.audit_entry where seq = ?").param(seq).query().singleRow();

        tamper("delete from identity.audit_entry where seq = " + seq);
        try {
            var verdict = auditor.get("/api/v1/audit/verify").json();
            assertThat(verdict.get("intact").asBoolean()).isFalse();
            assertThat(verdict.get("firstBrokenSeq").asLong()).isEqualTo(seq);
            assertThat(verdict.get("problem").asString()).contains("missing");
        } finally {
            jdbc.sql("alter table identity.audit_entry disable trigger audit_entry_append_only").update();
            jdbc.sql("""
                    insert into identity.audit_entry (seq, at, actor, address, action, target_type, target_id, reason, details, previous_hash, hash)
                    values (:seq, :at, :actor, :address, :action, :target_type, :target_id, :reason, :details, :previous_hash, :hash)""")
                .params(row).update();
            jdbc.sql("alter table identity.audit_entry enable trigger audit_entry_append_only").update();
        }
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    /** What someone with direct database access might do: switch off the guard, change the row, switch it back. */
    private void tamper(String sql) {
        jdbc.sql("alter table identity.audit_entry disable trigger audit_entry_append_only").update();
        try {
            jdbc.sql(sql).update();
        } finally {
            jdbc.sql("alter table identity.audit_entry enable trigger audit_entry_append_only").update();
        }
    }
}
