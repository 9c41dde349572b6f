package org.safecity.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.evidence.EvidenceFixtures.openCase;
import static org.safecity.evidence.EvidenceFixtures.sha256;
import static org.safecity.evidence.EvidenceFixtures.uniquePng;
import static org.safecity.evidence.EvidenceFixtures.uploadItem;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.evidence.verifier.Main;
import org.safecity.identity.Role;

/** A case exported for a court, checked by the same offline verifier the court runs. */
class ExportBundleTest extends IntegrationTest {

    @TempDir
    Path dir;

    record Exported(SafeCityApi officer, String caseId, List<String> itemIds, Path bundle, Path publicKey, String exportId) {
    }

    private Exported exportedCase() throws Exception {
        var officer = as(Role.INVESTIGATOR);
        String caseId = openCase(officer);
        String photo = uploadItem(officer, caseId, uniquePng(), "photo");
        String footage = uploadItem(officer, caseId, ("text notes of the scene " + System.nanoTime()).getBytes(), "document");
        officer.post("/api/v1/evidence/" + photo + "/handovers", Map.of("recipient", "FSL Peshawar", "reason", "analysis"));
        var export = officer.post("/api/v1/cases/" + caseId + "/export",
            Map.of("recipient", "Judicial Magistrate, Peshawar", "reason", "trial of FIR"));
        assertThat(export.status()).as(export.body()).isEqualTo(201);
        String download = export.json().get("download").asString();
        Path bundle = dir.resolve("bundle.zip");
        var fetched = officer.download(download, bundle);
        assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
        Path key = dir.resolve("authority.pem");
        Files.writeString(key, anonymous.get("/api/v1/evidence/public-key").body());
        return new Exported(officer, caseId, List.of(photo, footage), bundle, key, export.json().get("id").asString());
    }

    private static String verify(Path bundle, Path key, int expectedStatus) {
        var out = new ByteArrayOutputStream();
        int status = Main.run(new String[] {bundle.toString(), key.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(output).isEqualTo(expectedStatus);
        return output;
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.safecity.storage.StorageSettings storage;

    @Test
    void the_evidence_store_and_export_bundles_are_for_safecity_s_account_alone() throws Exception {
        exportedCase();

        for (String folder : List.of("media/evidence", "exports")) {
            assertThat(org.safecity.storage.OwnerOnlyFiles.exposedUnder(storage.dataDir().resolve(folder)))
                .as("files or folders under %s others may read, write or enter", folder).isEmpty();
        }
        assertThat(org.safecity.storage.OwnerOnlyFiles.exposedUnder(storage.dataDir()).stream()
            .filter(path -> !path.contains("/"))).as("the data directory and the folders in it").isEmpty();
    }

    @Test
    void an_untouched_export_verifies_offline_against_the_public_key() throws Exception {
        var exported = exportedCase();

        String output = verify(exported.bundle(), exported.publicKey(), Main.VERIFIED);

        assertThat(output).contains("VERIFIED").doesNotContain("FAIL");
        try (var zip = new ZipFile(exported.bundle().toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).contains("manifest.json", "manifest.sig", "custody.json", "summary.pdf")
                .anyMatch(name -> name.startsWith("items/" + exported.itemIds().get(0)));
            String manifest = new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(manifest).contains("\"custody\"", "\"sha256\"", "Gulbahar", "Judicial Magistrate, Peshawar");
            assertThat(new String(zip.getInputStream(zip.getEntry("summary.pdf")).readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }

    @Test
    void the_bundle_also_verifies_with_the_verifier_run_as_a_separate_program() throws Exception {
        var exported = exportedCase();
        Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = Path.of("..", "evidence-verifier", "target", "evidence-verifier.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = Files.isRegularFile(jar)
            ? List.of(java, "-jar", jar.toString(), exported.bundle().toString(), exported.publicKey().toString())
            : List.of(java, "-cp", code.toString(), Main.class.getName(), exported.bundle().toString(), exported.publicKey().toString());

        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("VERIFIED");
    }

    @Test
    void one_changed_byte_in_an_exported_item_fails_verification_naming_the_file() throws Exception {
        var exported = exportedCase();
        String itemFile = rewrite(exported.bundle(), (name, content) -> {
            if (name.startsWith("items/" + exported.itemIds().get(1))) {
                content[content.length / 2] ^= 0x01;
                return true;
            }
            return false;
        });

        String output = verify(exported.bundle(), exported.publicKey(), Main.NOT_VERIFIED);

        assertThat(output).contains("FAIL: " + itemFile + ": SHA-256 is").contains("manifest says");
    }

    @Test
    void an_edited_custody_entry_in_an_export_fails_verification() throws Exception {
        var exported = exportedCase();
        rewrite(exported.bundle(), (name, content) -> {
            if (name.equals("custody.json")) {
                String text = new String(content, StandardCharsets.UTF_8).replace("FSL Peshawar", "FSL PESHAWAR");
                System.arraycopy(text.getBytes(StandardCharsets.UTF_8), 0, content, 0, content.length);
                return true;
            }
            return false;
        });

        String output = verify(exported.bundle(), exported.publicKey(), Main.NOT_VERIFIED);

        assertThat(output).contains("FAIL: custody.json (item " + exported.itemIds().get(0) + "): custody entry 2 (handed-over) was altered");
    }

    @Test
    void an_export_does_not_verify_with_another_key() throws Exception {
        var exported = exportedCase();
        Path otherKey = dir.resolve("other.pem");
        Files.writeString(otherKey, "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
            KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");

        String output = verify(exported.bundle(), otherKey, Main.NOT_VERIFIED);

        assertThat(output).contains("FAIL: manifest.sig: the signature does not verify with the given public key");
    }

    @Test
    void the_export_is_in_every_exported_item_s_custody_log() throws Exception {
        var exported = exportedCase();

        for (String itemId : exported.itemIds()) {
            var custody = exported.officer().get("/api/v1/evidence/" + itemId + "/custody").json();
            var last = custody.get(custody.size() - 1);
            assertThat(last.get("action").asString()).isEqualTo("exported");
            assertThat(last.get("recipient").asString()).isEqualTo("Judicial Magistrate, Peshawar");
            assertThat(last.get("details").asString()).contains(exported.exportId());
        }
    }

    @Test
    void a_case_lists_its_exports_with_their_download_paths() throws Exception {
        var exported = exportedCase();

        var exports = exported.officer().get("/api/v1/cases/" + exported.caseId() + "/exports").json();

        assertThat(exports).hasSize(1);
        assertThat(exports.get(0).get("download").asString()).isEqualTo("/api/v1/exports/" + exported.exportId() + ".zip");
        assertThat(exports.get(0).get("sha256").asString()).isEqualTo(sha256(Files.readAllBytes(exported.bundle())));
    }

    @Test
    void someone_off_the_case_cannot_export_it_or_download_its_bundle() throws Exception {
        var exported = exportedCase();
        var stranger = as(Role.INVESTIGATOR);

        assertThat(stranger.post("/api/v1/cases/" + exported.caseId() + "/export", Map.of("recipient", "x", "reason", "y")).status())
            .isEqualTo(404);
        assertThat(stranger.get("/api/v1/exports/" + exported.exportId() + ".zip").status()).isEqualTo(404);
    }

    interface Change {
        /** Changes {@code content} in place; true when it did. */
        boolean apply(String name, byte[] content);
    }

    /** Rewrites the ZIP with one file changed in place (same length); returns that file's name. */
    private static String rewrite(Path bundle, Change change) throws Exception {
        var files = new LinkedHashMap<String, byte[]>();
        try (var zip = new ZipFile(bundle.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                files.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        String changed = null;
        for (var file : files.entrySet()) {
            if (change.apply(file.getKey(), file.getValue())) {
                changed = file.getKey();
            }
        }
        assertThat(changed).as("a file was changed").isNotNull();
        try (var zip = new ZipOutputStream(Files.newOutputStream(bundle))) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return changed;
    }
}
