package org.safecity.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;

class InspectionTest extends IntegrationTest {

    private long school() {
        var created = admin().post("/api/v1/premises", PremisesTest.school(PremisesTest.licence()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static Map<String, Object> visit(List<String> items, boolean met, String outcome, String findings) {
        var checklist = new LinkedHashMap<String, Boolean>();
        items.forEach(item -> checklist.put(item, met));
        var body = new LinkedHashMap<String, Object>();
        body.put("checklist", checklist);
        body.put("outcome", outcome);
        if (findings != null) {
            body.put("findings", findings);
        }
        return body;
    }

    private static List<String> codes(tools.jackson.databind.JsonNode premises) {
        return premises.get("compliance").get("reasons").valueStream().map(r -> r.get("code").asString()).toList();
    }

    @Test
    void a_failed_inspection_is_a_reason_of_non_compliance_until_a_later_one_passes() {
        long id = school();
        var inspector = as(Role.COMPLIANCE_OFFICER);
        var items = inspector.get("/api/v1/premises/" + id + "/checklist").json().valueStream().map(i -> i.asString()).toList();
        assertThat(items).contains("at least 3 cameras working", "gate covered", "boundary wall covered", "recordings kept 30 days");

        var failed = inspector.post("/api/v1/premises/" + id + "/inspections", visit(items, false, "FAILED", "The gate camera faces a wall."));
        assertThat(failed.status()).as(failed.toString()).isEqualTo(201);
        var premises = inspector.get("/api/v1/premises/" + id).json();
        assertThat(codes(premises)).contains("INSPECTION_FAILED");
        assertThat(premises.get("compliance").toString()).contains("The gate camera faces a wall.");

        assertThat(inspector.post("/api/v1/premises/" + id + "/inspections", visit(items, true, "PASSED", null)).status()).isEqualTo(201);
        assertThat(codes(inspector.get("/api/v1/premises/" + id).json())).doesNotContain("INSPECTION_FAILED");
        var listed = inspector.get("/api/v1/premises/" + id + "/inspections").json();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("outcome").asString()).isEqualTo("PASSED");
        assertThat(listed.get(1).get("checklist").get("gate covered").asBoolean()).isFalse();
    }

    private static byte[] jpeg() throws java.io.IOException {
        var picture = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        picture.setRGB(10, 10, 0xff0000);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void a_visits_photos_are_sealed_evidence_items_with_custody_kept_once_and_anything_else_is_refused() throws Exception {
        long id = school();
        var inspector = as(Role.COMPLIANCE_OFFICER);
        var items = inspector.get("/api/v1/premises/" + id + "/checklist").json().valueStream().map(i -> i.asString()).toList();
        long visit = inspector.post("/api/v1/premises/" + id + "/inspections", visit(items, false, "FAILED", "No camera at the gate."))
            .json().get("id").asLong();
        byte[] photo = jpeg();
        String path = "/api/v1/premises/" + id + "/inspections/" + visit + "/photos?caption=" + "Gate%20without%20camera";

        var form = new org.safecity.Multipart();
        var added = inspector.post(path, form.contentType(), form.file("photo", "gate.jpg", photo));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String item = added.json().get("evidenceItemId").asString();
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo));
        assertThat(added.json().get("sha256").asString()).isEqualTo(sha256);
        assertThat(added.json().get("mediaType").asString()).isEqualTo("image/jpeg");
        // the evidence module holds it, hashed, its custody begun by the inspector
        var evidence = as(Role.SUPERVISOR).get("/api/v1/evidence/" + item);
        assertThat(evidence.status()).as(evidence.toString()).isEqualTo(200);
        assertThat(evidence.body()).contains(sha256).contains("Gate without camera").contains("PHOTO");
        var custody = as(Role.SUPERVISOR).get("/api/v1/evidence/" + item + "/custody").json();
        assertThat(custody.get(0).get("action").asString()).isEqualToIgnoringCase("created");
        assertThat(custody.get(0).get("hash").asString()).isNotBlank();
        var content = as(Role.SUPERVISOR).get("/api/v1/evidence/" + item + "/content");
        assertThat(content.status()).isEqualTo(200);

        // the same picture again is the photo already kept
        var again = new org.safecity.Multipart();
        var repeated = inspector.post(path, again.contentType(), again.file("photo", "gate-again.jpg", photo));
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
        assertThat(repeated.json().get("evidenceItemId").asString()).isEqualTo(item);
        var listed = inspector.get("/api/v1/premises/" + id + "/inspections").json();
        assertThat(listed.get(0).get("photos")).hasSize(1);
        assertThat(listed.get(0).get("photos").get(0).get("caption").asString()).isEqualTo("Gate without camera");

        var text = new org.safecity.Multipart();
        var refused = inspector.post(path, text.contentType(), text.file("photo", "notes.jpg", "not a picture".getBytes()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("not a JPEG, PNG or WebP picture");
        var none = new org.safecity.Multipart();
        assertThat(inspector.post(path, none.contentType(), none.withoutFile()).status()).isEqualTo(400);
        var elsewhere = new org.safecity.Multipart();
        assertThat(inspector.post("/api/v1/premises/" + id + "/inspections/" + (visit + 100_000) + "/photos", elsewhere.contentType(),
            elsewhere.file("photo", "gate.jpg", photo)).status()).isEqualTo(404);
        var manager = new PartnerFixtures(admin(), anonymous).managerOf(id);
        var byManager = new org.safecity.Multipart();
        assertThat(manager.post(path, byManager.contentType(), byManager.file("photo", "gate.jpg", photo)).status()).isEqualTo(403);
    }

    @Test
    void a_visit_that_misses_an_item_passes_with_an_unmet_one_or_fails_without_findings_is_refused_and_not_stored() {
        long id = school();
        var inspector = as(Role.COMPLIANCE_OFFICER);
        var items = inspector.get("/api/v1/premises/" + id + "/checklist").json().valueStream().map(i -> i.asString()).toList();

        var missing = inspector.post("/api/v1/premises/" + id + "/inspections", visit(items.subList(0, 1), true, "PASSED", null));
        var contradicting = inspector.post("/api/v1/premises/" + id + "/inspections", visit(items, false, "PASSED", null));
        var unexplained = inspector.post("/api/v1/premises/" + id + "/inspections", visit(items, false, "FAILED", null));

        assertThat(List.of(missing.status(), contradicting.status(), unexplained.status())).containsOnly(400);
        assertThat(missing.isProblem()).isTrue();
        assertThat(missing.body()).contains("gate covered");
        assertThat(contradicting.body()).contains("cannot be PASSED");
        assertThat(unexplained.body()).contains("findings");
        assertThat(inspector.get("/api/v1/premises/" + id + "/inspections").json()).isEmpty();
    }

    @Test
    void a_manager_reads_its_own_inspections_but_records_none_and_another_city_reaches_none() {
        long id = school();
        String username = "inspected.manager." + id;
        assertThat(admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Manager", "password", passwordOf(username),
            "roles", List.of("PARTNER"), "scope", "province", "partnerId", id)).status()).isEqualTo(201);
        var manager = anonymous.signIn(username, passwordOf(username));
        assertThat(manager.get("/api/v1/premises/" + id + "/inspections").status()).isEqualTo(200);
        assertThat(manager.post("/api/v1/premises/" + id + "/inspections", Map.of("outcome", "PASSED")).status()).isEqualTo(403);
        assertThat(manager.get("/api/v1/premises/" + id + "/checklist").status()).isEqualTo(403);
        long other = school();
        assertThat(manager.get("/api/v1/premises/" + other + "/inspections").status()).isEqualTo(404);
        var mardan = as("MRD", Role.COMPLIANCE_OFFICER);
        assertThat(mardan.get("/api/v1/premises/" + id + "/checklist").status()).isEqualTo(404);
        assertThat(mardan.post("/api/v1/premises/" + id + "/inspections", Map.of("outcome", "PASSED")).status()).isEqualTo(404);
    }
}
