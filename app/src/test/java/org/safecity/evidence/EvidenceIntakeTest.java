package org.safecity.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safecity.evidence.EvidenceFixtures.openCase;
import static org.safecity.evidence.EvidenceFixtures.sha256;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Actor;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Role;
import org.safecity.shared.NotFound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** How another module (traffic, detections, emergency) hands an item over: a stream and what is known about it. */
class EvidenceIntakeTest extends IntegrationTest {

    @Autowired
    EvidenceIntake intake;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_module_hands_over_a_detection_image_which_then_belongs_to_its_case() throws Exception {
        var supervisor = as(Role.SUPERVISOR);
        String caseId = openCase(supervisor);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', (byte) System.nanoTime()};
        var collectedAt = Instant.parse("2026-11-24T21:14:03Z");

        var received = intake.receive(new ByteArrayInputStream(jpeg), new IntakeDetails("detections", EvidenceKind.DETECTION_IMAGE,
            null, "plate LEB12345 at Firdous chowk", "camera PSH-0112", collectedAt, "Firdous chowk, Peshawar", UUID.fromString(caseId)));

        assertThat(received.sha256()).isEqualTo(sha256(jpeg));
        assertThat(received.mediaType()).isEqualTo("image/jpeg");
        var item = supervisor.get("/api/v1/evidence/" + received.id()).json();
        assertThat(item.get("source").asString()).isEqualTo("detections");
        assertThat(item.get("kind").asString()).isEqualTo("DETECTION_IMAGE");
        assertThat(item.get("collectedBy").asString()).isEqualTo("camera PSH-0112");
        assertThat(item.get("collectedAt").asString()).isEqualTo("2026-11-24T21:14:03Z");
        var created = supervisor.get("/api/v1/evidence/" + received.id() + "/custody").json().get(0);
        assertThat(created.get("action").asString()).isEqualTo("created");
        assertThat(created.get("actor").asString()).isEqualTo("system");
        assertThat(created.get("details").asString()).contains("\"source\":\"detections\"");
    }

    @Test
    void an_item_for_a_case_that_does_not_exist_is_refused_before_anything_is_stored() {
        long before = jdbc.sql("select count(*) from evidence.item").query(Long.class).single();

        assertThatThrownBy(() -> intake.receive(new ByteArrayInputStream(new byte[] {1, 2, 3}), new IntakeDetails("traffic",
            EvidenceKind.CHALLAN_EVIDENCE, null, null, "camera", Instant.now(), null, UUID.randomUUID())))
            .isInstanceOf(NotFound.class);
        assertThat(jdbc.sql("select count(*) from evidence.item").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void a_recorders_windows_media_export_named_as_a_document_is_taken_as_footage_by_its_content() throws Exception {
        // the ASF header object that opens a .wmv/.asf export from a DVR, under a name that says otherwise
        byte[] asf = {0x30, 0x26, (byte) 0xB2, 0x75, (byte) 0x8E, 0x66, (byte) 0xCF, 0x11, (byte) 0xA6, (byte) 0xD9, 0x00, (byte) 0xAA,
            0x00, 0x62, (byte) 0xCE, 0x6C, 0x5A, 0x2C, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 1, 2, (byte) System.nanoTime(),
            (byte) (System.nanoTime() >> 8)};

        var received = intake.receive(new ByteArrayInputStream(asf),
            new IntakeDetails("emergency", null, "statement.pdf", null, "dispatcher Saima", Instant.now(), null, null));

        assertThat(received.mediaType()).isEqualTo("video/x-ms-asf");
        assertThat(as(Role.SUPERVISOR).get("/api/v1/evidence/" + received.id()).json().get("kind").asString()).isEqualTo("CCTV_FOOTAGE");
    }

    @Test
    void an_item_on_no_case_is_seen_by_supervisors_only() throws Exception {
        var received = intake.receive(new ByteArrayInputStream(("incident attachment " + System.nanoTime()).getBytes()),
            new IntakeDetails("emergency", null, "call-notes.txt", null, "dispatcher Saima", Instant.now(), null, null));

        assertThat(received.mediaType()).isEqualTo("text/plain");
        assertThat(as(Role.SUPERVISOR).get("/api/v1/evidence/" + received.id()).status()).isEqualTo(200);
        assertThat(as(Role.INVESTIGATOR).get("/api/v1/evidence/" + received.id()).status()).isEqualTo(404);
    }

    @Test
    void an_item_on_no_case_lies_where_it_was_received_and_only_that_jurisdictions_supervisors_see_it() throws Exception {
        var dispatcher = new Actor.Person(-1, "dispatcher Saima", Set.of(Role.DISPATCHER), Jurisdiction.city("PSH"), null);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(dispatcher, null, "ROLE_DISPATCHER"));
        ReceivedItem received;
        try {
            received = intake.receive(new ByteArrayInputStream(("panic call notes " + System.nanoTime()).getBytes()),
                new IntakeDetails("emergency", null, "call-notes.txt", null, "dispatcher Saima", Instant.now(), null, null));
        } finally {
            SecurityContextHolder.clearContext();
        }

        assertThat(as("PSH", Role.SUPERVISOR).get("/api/v1/evidence/" + received.id()).status()).isEqualTo(200);
        assertThat(as(Role.SUPERVISOR).get("/api/v1/evidence/" + received.id()).status()).isEqualTo(200);
        assertThat(as("MRD", Role.SUPERVISOR).get("/api/v1/evidence/" + received.id()).status()).isEqualTo(404);
        assertThat(as("MRD", Role.SUPERVISOR).get("/api/v1/evidence/" + received.id() + "/content").status()).isEqualTo(404);
    }

    @Test
    void the_evidence_api_is_described_in_openapi() {
        String api = anonymous.get("/v3/api-docs").body();

        assertThat(api).contains("/api/v1/cases/{id}/items", "/api/v1/cases/{id}/export", "/api/v1/evidence/{id}/custody",
            "/api/v1/evidence/public-key", "/api/v1/evidence/integrity-check", "/api/v1/exports/{id}.zip");
    }
}
