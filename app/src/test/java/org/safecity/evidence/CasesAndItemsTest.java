package org.safecity.evidence;

import org.safecity.Multipart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safecity.evidence.EvidenceFixtures.openCase;
import static org.safecity.evidence.EvidenceFixtures.sha256;
import static org.safecity.evidence.EvidenceFixtures.uniquePng;
import static org.safecity.evidence.EvidenceFixtures.upload;
import static org.safecity.evidence.EvidenceFixtures.uploadItem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.safecity.storage.StorageSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CasesAndItemsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StorageSettings storage;

    @Test
    void an_upload_is_hashed_measured_and_typed_from_its_content_not_its_name() throws Exception {
        var investigator = as(Role.INVESTIGATOR);
        String caseId = openCase(investigator);
        byte[] png = uniquePng();

        var response = upload(investigator, caseId, "statement.txt", png, Map.of("kind", "photo", "collectedBy", "ASI Tariq"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("sha256").asString()).isEqualTo(sha256(png));
        assertThat(response.json().get("size").asLong()).isEqualTo(png.length);
        assertThat(response.json().get("mediaType").asString()).isEqualTo("image/png");
        var item = investigator.get("/api/v1/evidence/" + response.json().get("id").asString()).json();
        assertThat(item.get("collectedBy").asString()).isEqualTo("ASI Tariq");
        assertThat(item.get("originalName").asString()).isEqualTo("statement.txt");
        assertThat(item.get("caseId").asString()).isEqualTo(caseId);
    }

    @Test
    void stored_content_is_addressed_by_its_hash_read_only_and_kept_once() throws Exception {
        var investigator = as(Role.INVESTIGATOR);
        String caseId = openCase(investigator);
        byte[] png = uniquePng();
        String hash = sha256(png);

        uploadItem(investigator, caseId, png, "photo");
        uploadItem(investigator, caseId, png, "photo");

        Path stored = storage.dataDir().resolve("media/evidence/sha256").resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
        assertThat(stored).exists().hasBinaryContent(png);
        assertThat(Files.getPosixFilePermissions(stored)).doesNotContain(PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
        assertThat(jdbc.sql("select count(*) from evidence.item where sha256 = ?").param(hash).query(Long.class).single()).isEqualTo(2);
        try (var incoming = Files.list(storage.dataDir().resolve("media/evidence/incoming"))) {
            assertThat(incoming.filter(p -> p.toString().endsWith(".part")).count()).isZero();
        }
    }

    @Test
    void an_upload_without_a_file_is_refused_and_changes_nothing() {
        var investigator = as(Role.INVESTIGATOR);
        String caseId = openCase(investigator);
        var multipart = new Multipart().field("kind", "photo");

        var response = investigator.post("/api/v1/cases/" + caseId + "/items", multipart.contentType(), multipart.withoutFile());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body()).contains("file");
        assertThat(jdbc.sql("select count(*) from evidence.item where case_id = ?::uuid").param(caseId).query(Long.class).single()).isZero();
    }

    @Test
    void an_upload_with_invalid_metadata_is_refused_and_its_content_is_not_kept() throws Exception {
        var investigator = as(Role.INVESTIGATOR);
        String caseId = openCase(investigator);
        byte[] png = uniquePng();
        String hash = sha256(png);

        var response = upload(investigator, caseId, "a.png", png, Map.of("collectedAt", "yesterday"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("collectedAt");
        assertThat(storage.dataDir().resolve("media/evidence/sha256").resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash))
            .doesNotExist();
    }

    @Test
    void a_person_off_the_case_gets_404_for_the_case_and_its_items_and_a_supervisor_sees_both() {
        var officer = as(Role.INVESTIGATOR);
        String caseId = openCase(officer);
        String itemId = uploadItem(officer, caseId, uniquePng(), "photo");
        var otherInvestigator = as(Role.INVESTIGATOR);
        var supervisor = as(Role.SUPERVISOR);

        assertThat(otherInvestigator.get("/api/v1/cases/" + caseId).status()).isEqualTo(404);
        assertThat(otherInvestigator.get("/api/v1/evidence/" + itemId).status()).isEqualTo(404);
        assertThat(otherInvestigator.get("/api/v1/evidence/" + itemId + "/custody").status()).isEqualTo(404);
        assertThat(otherInvestigator.get("/api/v1/cases").body()).doesNotContain(caseId);
        assertThat(supervisor.get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
        assertThat(supervisor.get("/api/v1/evidence/" + itemId).status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/cases/" + caseId).status()).isEqualTo(403);
    }

    @Test
    void a_case_belongs_to_its_officers_jurisdiction_and_only_that_jurisdictions_supervisors_see_it() {
        var officer = as("PSH", Role.INVESTIGATOR);
        String caseId = openCase(officer);
        String itemId = uploadItem(officer, caseId, uniquePng(), "photo");
        assertThat(officer.get("/api/v1/cases/" + caseId).json().get("cityCode").asString()).isEqualTo("PSH");

        for (var supervisor : List.of(as("PSH", Role.SUPERVISOR), as(Role.SUPERVISOR))) {
            assertThat(supervisor.get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
            assertThat(supervisor.get("/api/v1/evidence/" + itemId).status()).isEqualTo(200);
            assertThat(supervisor.get("/api/v1/cases?size=200").body()).contains(caseId);
        }
        var mardan = as("MRD", Role.SUPERVISOR);
        assertThat(mardan.get("/api/v1/cases/" + caseId).status()).isEqualTo(404);
        assertThat(mardan.get("/api/v1/evidence/" + itemId).status()).isEqualTo(404);
        assertThat(mardan.get("/api/v1/evidence/" + itemId + "/custody").status()).isEqualTo(404);
        assertThat(mardan.get("/api/v1/cases?size=200").body()).doesNotContain(caseId);
        assertThat(mardan.post("/api/v1/cases/" + caseId + "/members", Map.of("username", "nobody")).status()).isEqualTo(404);
        assertThat(mardan.post("/api/v1/cases/" + caseId + "/export", Map.of("recipient", "Court", "reason", "trial")).status())
            .isEqualTo(404);
        assertThat(officer.get("/api/v1/cases/" + caseId).json().get("members")).isEmpty();
    }

    @Test
    void a_member_added_to_the_team_gets_access_and_loses_it_when_removed() {
        var officer = as(Role.INVESTIGATOR);
        String caseId = openCase(officer);
        String username = "evidence.member." + System.nanoTime();
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "SI Amina",
            "password", "a-long-enough-password", "roles", java.util.List.of("INVESTIGATOR")));
        var member = anonymous.signIn(username, "a-long-enough-password");
        long accountId = created.json().get("id").asLong();

        assertThat(member.get("/api/v1/cases/" + caseId).status()).isEqualTo(404);
        assertThat(officer.post("/api/v1/cases/" + caseId + "/members", Map.of("username", username)).status()).isEqualTo(200);
        assertThat(member.get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
        assertThat(member.get("/api/v1/cases").body()).contains(caseId);
        assertThat(officer.delete("/api/v1/cases/" + caseId + "/members/" + accountId).status()).isEqualTo(200);
        assertThat(member.get("/api/v1/cases/" + caseId).status()).isEqualTo(404);
    }

    @Test
    void reading_a_case_is_audited_and_reading_or_downloading_an_item_is_in_its_custody_log() throws Exception {
        var officer = as(Role.INVESTIGATOR);
        String caseId = openCase(officer);
        byte[] png = uniquePng();
        String itemId = uploadItem(officer, caseId, png, "photo");

        officer.get("/api/v1/cases/" + caseId);
        officer.get("/api/v1/evidence/" + itemId);
        var content = officer.get("/api/v1/evidence/" + itemId + "/content");

        assertThat(content.status()).isEqualTo(200);
        assertThat(content.headers().get("repr-digest")).isEqualTo("sha-256=:"
            + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(sha256(png))) + ":");
        assertThat(jdbc.sql("select count(*) from identity.audit_entry where action = 'evidence.case-viewed' and target_id = ?")
            .param(caseId).query(Long.class).single()).isEqualTo(1);
        var custody = officer.get("/api/v1/evidence/" + itemId + "/custody").json();
        assertThat(custody).extracting(e -> e.get("action").asString()).containsExactly("created", "viewed", "downloaded");
        assertThat(custody.get(0).get("previousHash").asString()).isEqualTo("0".repeat(64));
        assertThat(custody.get(1).get("previousHash").asString()).isEqualTo(custody.get(0).get("hash").asString());
        assertThat(custody.get(2).get("previousHash").asString()).isEqualTo(custody.get(1).get("hash").asString());
        assertThat(custody.get(0).get("details").asString()).contains(sha256(png));
    }

    @Test
    void handing_an_item_over_records_the_recipient_and_the_reason() {
        var officer = as(Role.INVESTIGATOR);
        String itemId = uploadItem(officer, openCase(officer), uniquePng(), "photo");

        var entry = officer.post("/api/v1/evidence/" + itemId + "/handovers",
            Map.of("recipient", "Forensic Science Laboratory, Peshawar", "reason", "image enhancement"));

        assertThat(entry.status()).isEqualTo(201);
        var last = officer.get("/api/v1/evidence/" + itemId + "/custody").json().get(1);
        assertThat(last.get("action").asString()).isEqualTo("handed-over");
        assertThat(last.get("recipient").asString()).isEqualTo("Forensic Science Laboratory, Peshawar");
        assertThat(last.get("reason").asString()).isEqualTo("image enhancement");
    }

    @Test
    void the_same_fir_cannot_be_opened_twice_at_one_police_station() {
        var officer = as(Role.INVESTIGATOR);
        String fir = "FIR-dup-" + System.nanoTime();
        var body = Map.of("firNumber", fir, "policeStation", "Hayatabad", "offence", "theft");

        assertThat(officer.post("/api/v1/cases", body).status()).isEqualTo(201);
        assertThat(officer.post("/api/v1/cases", body).status()).isEqualTo(409);
        assertThat(officer.post("/api/v1/cases", Map.of("firNumber", fir)).status()).isEqualTo(400);
    }

    @Test
    void the_database_refuses_to_change_or_delete_a_custody_entry() {
        var officer = as(Role.INVESTIGATOR);
        String itemId = uploadItem(officer, openCase(officer), uniquePng(), "photo");

        assertThatThrownBy(() -> jdbc.sql("update evidence.custody_entry set actor = 'x' where item_id = ?::uuid").param(itemId).update())
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from evidence.custody_entry where item_id = ?::uuid").param(itemId).update())
            .hasMessageContaining("append-only");
    }

    @Test
    void the_public_key_is_served_to_anyone_as_pem() {
        var response = anonymous.get("/api/v1/evidence/public-key");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).startsWith("-----BEGIN PUBLIC KEY-----").contains("-----END PUBLIC KEY-----");
    }
}
