package org.safecity.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.evidence.EvidenceFixtures.openCase;
import static org.safecity.evidence.EvidenceFixtures.sha256;
import static org.safecity.evidence.EvidenceFixtures.uniquePng;
import static org.safecity.evidence.EvidenceFixtures.uploadItem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.safecity.storage.StorageSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The integrity check finds what was changed behind the application's back, and says exactly where. */
class IntegrityCheckTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StorageSettings storage;

    private JsonNode check() {
        var response = as(Role.AUDITOR).post("/api/v1/evidence/integrity-check", "{}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static boolean reports(JsonNode report, String itemId, String text) {
        for (var problem : report.get("problems")) {
            if (problem.has("itemId") && problem.get("itemId").asString().equals(itemId) && problem.get("problem").asString().contains(text)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void an_untouched_store_is_reported_intact() {
        var officer = as(Role.INVESTIGATOR);
        uploadItem(officer, openCase(officer), uniquePng(), "photo");

        var report = check();

        assertThat(report.get("problems").size()).as(report.toString()).isZero();
        assertThat(report.get("intact").asBoolean()).isTrue();
        assertThat(report.get("itemsChecked").asInt()).isPositive();
    }

    @Test
    void a_stored_file_altered_on_disk_is_reported_with_its_item() throws Exception {
        var officer = as(Role.INVESTIGATOR);
        byte[] png = uniquePng();
        String itemId = uploadItem(officer, openCase(officer), png, "photo");
        String hash = sha256(png);
        Path file = storage.dataDir().resolve("media/evidence/sha256").resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
        byte[] altered = png.clone();
        altered[altered.length - 1] ^= 0x20;

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Files.write(file, altered);
        try {
            var report = check();

            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(reports(report, itemId, "the stored file's SHA-256 is " + sha256(altered) + ", recorded at intake as " + hash))
                .as(report.toString()).isTrue();
        } finally {
            Files.write(file, png);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        }
        assertThat(reports(check(), itemId, "SHA-256")).isFalse();
    }

    @Test
    void an_item_altered_by_one_byte_is_withheld_from_download_and_the_failure_is_in_its_custody_log() throws Exception {
        var officer = as(Role.INVESTIGATOR);
        byte[] png = uniquePng();
        String itemId = uploadItem(officer, openCase(officer), png, "photo");
        byte[] altered = png.clone();
        altered[altered.length - 1] ^= 0x01;

        alterStored(png, altered, () -> {
            var download = officer.get("/api/v1/evidence/" + itemId + "/content");

            assertThat(download.status()).isEqualTo(409);
            assertThat(download.isProblem()).isTrue();
            assertThat(download.json().get("detail").asString()).contains(itemId, "SHA-256 is " + sha256(altered));
        });
        var actions = officer.get("/api/v1/evidence/" + itemId + "/custody").json().valueStream()
            .map(e -> e.get("action").asString()).toList();
        assertThat(actions).contains("integrity-failed").doesNotContain("downloaded");
        Path restored = Files.createTempFile("evidence", ".png");
        assertThat(officer.download("/api/v1/evidence/" + itemId + "/content", restored).status()).isEqualTo(200);
        assertThat(Files.readAllBytes(restored)).as("restored from a copy, it is served again").isEqualTo(png);
        Files.delete(restored);
    }

    @Test
    void a_large_item_altered_on_disk_fails_its_transfer_before_the_last_bytes() throws Exception {
        var officer = as(Role.INVESTIGATOR);
        byte[] large = new byte[9 * 1024 * 1024];
        new java.util.Random(System.nanoTime()).nextBytes(large);
        System.arraycopy(EvidenceFixtures.PNG_HEAD, 0, large, 0, EvidenceFixtures.PNG_HEAD.length);
        String itemId = uploadItem(officer, openCase(officer), large, "photo");
        byte[] altered = large.clone();
        altered[large.length / 2] ^= 0x01;

        Path received = Files.createTempFile("evidence", ".bin");
        try {
            alterStored(large, altered, () -> {
                assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> officer.download("/api/v1/evidence/" + itemId + "/content", received)))
                    .as("the transfer fails").isNotNull();
                assertThat(Files.size(received)).as("the last block is never sent").isLessThan(large.length);
            });
        } finally {
            Files.deleteIfExists(received);
        }
        var actions = officer.get("/api/v1/evidence/" + itemId + "/custody").json().valueStream()
            .map(e -> e.get("action").asString()).toList();
        assertThat(actions).endsWith("downloaded", "integrity-failed");
    }

    @Test
    void a_case_whose_item_is_altered_or_whose_custody_chain_is_broken_is_not_exported() throws Exception {
        var officer = as(Role.INVESTIGATOR);
        String caseId = openCase(officer);
        byte[] png = uniquePng();
        String photo = uploadItem(officer, caseId, png, "photo");
        String notes = uploadItem(officer, caseId, ("notes " + System.nanoTime()).getBytes(), "document");
        officer.post("/api/v1/evidence/" + notes + "/handovers", java.util.Map.of("recipient", "FSL Peshawar", "reason", "analysis"));
        var request = java.util.Map.of("recipient", "Judicial Magistrate, Peshawar", "reason", "trial");
        byte[] altered = png.clone();
        altered[altered.length - 1] ^= 0x01;

        alterStored(png, altered, () -> {
            var export = officer.post("/api/v1/cases/" + caseId + "/export", request);
            assertThat(export.status()).isEqualTo(409);
            assertThat(export.json().get("detail").asString()).contains(photo, "SHA-256 is " + sha256(altered));
        });
        tamper("update evidence.custody_entry set recipient = 'someone else' where item_id = '" + notes + "' and seq = 2");
        try {
            var export = officer.post("/api/v1/cases/" + caseId + "/export", request);
            assertThat(export.status()).isEqualTo(409);
            assertThat(export.isProblem()).isTrue();
            assertThat(export.json().get("detail").asString()).contains(notes, "custody entry 2 (handed-over) was altered");
        } finally {
            tamper("update evidence.custody_entry set recipient = 'FSL Peshawar' where item_id = '" + notes + "' and seq = 2");
        }
        assertThat(officer.get("/api/v1/cases/" + caseId + "/exports").json().size()).as("nothing was exported").isZero();
        assertThat(officer.post("/api/v1/cases/" + caseId + "/export", request).status()).as("intact again").isEqualTo(201);
    }

    /** Runs the check with the stored file of {@code original} holding {@code altered}, then puts it back. */
    private void alterStored(byte[] original, byte[] altered, ThrowingRunnable check) throws Exception {
        String hash = sha256(original);
        Path file = storage.dataDir().resolve("media/evidence/sha256").resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.write(file, altered);
        try {
            check.run();
        } finally {
            Files.write(file, original);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void an_edited_custody_entry_is_reported_with_its_item_and_number() {
        var officer = as(Role.INVESTIGATOR);
        String itemId = uploadItem(officer, openCase(officer), uniquePng(), "photo");
        officer.post("/api/v1/evidence/" + itemId + "/handovers", java.util.Map.of("recipient", "FSL Peshawar", "reason", "analysis"));

        tamper("update evidence.custody_entry set recipient = 'someone else' where item_id = '" + itemId + "' and seq = 2");
        try {
            var report = check();

            assertThat(reports(report, itemId, "custody entry 2 (handed-over) was altered after it was written")).as(report.toString()).isTrue();
        } finally {
            tamper("update evidence.custody_entry set recipient = 'FSL Peshawar' where item_id = '" + itemId + "' and seq = 2");
        }
        assertThat(reports(check(), itemId, "altered")).isFalse();
    }

    @Test
    void a_chain_rewritten_consistently_after_it_was_sealed_is_caught_by_the_signed_checkpoint() throws Exception {
        var officer = as(Role.INVESTIGATOR);
        String itemId = uploadItem(officer, openCase(officer), uniquePng(), "photo");
        var sealed = as(Role.SUPERVISOR).post("/api/v1/evidence/checkpoints", "{}");
        assertThat(sealed.status()).as(sealed.body()).isEqualTo(200);
        var original = jdbc.sql("select actor, hash from evidence.custody_entry where item_id = ?::uuid and seq = 1").param(itemId)
            .query((rs, row) -> new Object[] {rs.getString(1), rs.getBytes(2)}).single();

        // someone with database access changes the first entry and recomputes its hash, so the chain alone looks whole
        var row = jdbc.sql("select at, action, recipient, reason, details, previous_hash from evidence.custody_entry where item_id = ?::uuid and seq = 1")
            .param(itemId).query().singleRow();
        String canonical = String.join("\u001f", itemId, "1", ((java.sql.Timestamp) row.get("at")).toInstant().toString(),
            (String) row.get("action"), "someone else", nz(row.get("recipient")), nz(row.get("reason")), (String) row.get("details"));
        byte[] forged = forgedHash((byte[]) row.get("previous_hash"), canonical);
        tamper(() -> jdbc.sql("update evidence.custody_entry set actor = 'someone else', hash = ? where item_id = ?::uuid and seq = 1")
            .params(forged, itemId).update());
        assertThat(reports(check(), itemId, "was altered")).as("the forged entry's own hash is consistent").isFalse();
        try {
            var report = check();

            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(reports(report, itemId, "differs from the one sealed by checkpoint")).as(report.toString()).isTrue();
        } finally {
            tamper(() -> jdbc.sql("update evidence.custody_entry set actor = ?, hash = ? where item_id = ?::uuid and seq = 1")
                .params(original[0], original[1], itemId).update());
        }
    }

    @Test
    void a_checkpoint_s_signature_verifies_with_the_published_public_key() throws Exception {
        var officer = as(Role.INVESTIGATOR);
        uploadItem(officer, openCase(officer), uniquePng(), "photo");
        assertThat(as(Role.SUPERVISOR).post("/api/v1/evidence/checkpoints", "{}").status()).isEqualTo(200);

        var latest = as(Role.AUDITOR).get("/api/v1/evidence/checkpoints").json().get(0);
        String pem = anonymous.get("/api/v1/evidence/public-key").body();

        assertThat(latest.get("publicKey").asString()).isEqualTo(pem);
        String statement = "safecity-custody-checkpoint/1\nseq: " + latest.get("seq").asLong() + "\nat: " + latest.get("at").asString()
            + "\nchains: " + latest.get("chains").asInt() + "\nentries: " + latest.get("entries").asLong()
            + "\nheads-sha256: " + latest.get("headsSha256").asString() + "\nprevious: " + previousHash() + "\n";
        var verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(java.security.KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(
            java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip()))));
        verifier.update(statement.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(verifier.verify(java.util.Base64.getDecoder().decode(latest.get("signature").asString()))).isTrue();
    }

    private String previousHash() {
        var hashes = as(Role.AUDITOR).get("/api/v1/evidence/checkpoints").json();
        return hashes.size() > 1 ? hashes.get(1).get("hash").asString() : "0".repeat(64);
    }

    @Test
    void only_supervisors_administrators_and_auditors_run_the_integrity_check() {
        assertThat(as(Role.INVESTIGATOR).post("/api/v1/evidence/integrity-check", "{}").status()).isEqualTo(403);
        assertThat(as(Role.SUPERVISOR).post("/api/v1/evidence/integrity-check", "{}").status()).isEqualTo(200);
    }

    private void tamper(String sql) {
        tamper(() -> jdbc.sql(sql).update());
    }

    private static String nz(Object value) {
        return value == null ? "\u0000" : value.toString();
    }

    private static byte[] forgedHash(byte[] previous, String canonical) throws Exception {
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        digest.update(previous);
        return digest.digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** What someone with direct database access might do: switch off the guard, change rows, switch it back. */
    private void tamper(Runnable change) {
        jdbc.sql("alter table evidence.custody_entry disable trigger custody_entry_append_only").update();
        try {
            change.run();
        } finally {
            jdbc.sql("alter table evidence.custody_entry enable trigger custody_entry_append_only").update();
        }
    }
}
