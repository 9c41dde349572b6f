package org.safecity.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.evidence.EvidenceFixtures.openCase;
import static org.safecity.evidence.EvidenceFixtures.sha256;
import static org.safecity.evidence.EvidenceFixtures.uniquePng;
import static org.safecity.evidence.EvidenceFixtures.uploadItem;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.safecity.storage.StorageSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Evidence is kept for its retention period; a legal hold keeps it longer; an open case keeps it too. */
class RetentionTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StorageSettings storage;

    @AfterEach
    void restoreRetention() {
        admin().put("/api/v1/evidence-retention/other", Map.of("retainFor", "P3650D"));
    }

    private Path stored(byte[] content) throws Exception {
        String hash = sha256(content);
        return storage.dataDir().resolve("media/evidence/sha256").resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    @Test
    void an_item_on_legal_hold_survives_disposal_while_its_expired_neighbour_is_removed() throws Exception {
        var officer = as(Role.INVESTIGATOR);
        var supervisor = as(Role.SUPERVISOR);
        String caseId = openCase(officer);
        byte[] heldContent = uniquePng();
        byte[] expiredContent = uniquePng();
        String held = uploadItem(officer, caseId, heldContent, "other");
        String expired = uploadItem(officer, caseId, expiredContent, "other");
        assertThat(officer.post("/api/v1/evidence/" + held + "/legal-hold", Map.of("reason", "appeal pending in Peshawar High Court")).status())
            .isEqualTo(201);
        assertThat(officer.put("/api/v1/cases/" + caseId + "/status", Map.of("status", "CLOSED")).status()).isEqualTo(200);
        assertThat(admin().put("/api/v1/evidence-retention/other", Map.of("retainFor", "PT0S")).status()).isEqualTo(200);

        var outcome = admin().post("/api/v1/evidence/disposal", "{}");

        assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
        assertThat(outcome.body()).contains(expired).doesNotContain(held);
        assertThat(stored(heldContent)).exists();
        assertThat(stored(expiredContent)).doesNotExist();
        var heldItem = supervisor.get("/api/v1/evidence/" + held).json();
        assertThat(heldItem.has("disposedAt")).isFalse();
        var custody = supervisor.get("/api/v1/evidence/" + expired + "/custody").json();
        var last = custody.get(custody.size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("disposed");
        assertThat(last.get("reason").asString()).isEqualTo("retention period ended");
        assertThat(jdbc.sql("select count(*) from identity.audit_entry where action = 'evidence.item-disposed' and target_id = ?")
            .param(expired).query(Long.class).single()).isEqualTo(1);
        assertThat(supervisor.get("/api/v1/evidence/" + expired + "/content").status()).isEqualTo(409);
    }

    @Test
    void expired_items_of_a_case_that_is_still_open_are_kept() throws Exception {
        var officer = as(Role.INVESTIGATOR);
        byte[] content = uniquePng();
        String item = uploadItem(officer, openCase(officer), content, "other");
        admin().put("/api/v1/evidence-retention/other", Map.of("retainFor", "PT0S"));

        var outcome = admin().post("/api/v1/evidence/disposal", "{}");

        assertThat(outcome.body()).doesNotContain(item);
        assertThat(stored(content)).exists();
    }

    @Test
    void lifting_a_hold_is_for_supervisors_and_is_recorded() {
        var officer = as(Role.INVESTIGATOR);
        var supervisor = as(Role.SUPERVISOR);
        String item = uploadItem(officer, openCase(officer), uniquePng(), "other");
        officer.post("/api/v1/evidence/" + item + "/legal-hold", Map.of("reason", "trial"));

        assertThat(officer.post("/api/v1/evidence/" + item + "/legal-hold/lift", Map.of("reason", "acquitted")).status()).isEqualTo(403);
        assertThat(supervisor.post("/api/v1/evidence/" + item + "/legal-hold/lift", Map.of("reason", "appeal period over")).status())
            .isEqualTo(200);

        var custody = supervisor.get("/api/v1/evidence/" + item + "/custody").json();
        assertThat(custody).extracting(e -> e.get("action").asString()).containsSubsequence("legal-hold-set", "legal-hold-lifted");
    }

    @Test
    void retention_is_set_by_administrators_only_as_an_iso_duration() {
        assertThat(as(Role.SUPERVISOR).put("/api/v1/evidence-retention/photo", Map.of("retainFor", "P1D")).status()).isEqualTo(403);
        var invalid = admin().put("/api/v1/evidence-retention/other", Map.of("retainFor", "ten years"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("retainFor");
        assertThat(admin().get("/api/v1/evidence-retention").body()).contains("CCTV_FOOTAGE");
    }
}
