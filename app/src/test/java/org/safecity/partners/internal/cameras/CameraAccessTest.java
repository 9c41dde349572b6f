package org.safecity.partners.internal.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.safecity.partners.PartnerFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CameraAccessTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_partner_camera_opens_only_with_a_purpose_which_is_audited_and_shown_to_its_manager_alone() throws Exception {
        var f = new PartnerFixtures(admin(), anonymous);
        long a = f.school();
        long b = f.school();
        long camera = f.camera(a, f.site(), List.of("gate"));
        var operator = as(Role.OPERATOR);

        for (String path : List.of("/live.m3u8", "/live.mp4", "/snapshot.jpg", "/playback.m3u8", "/live/1.ts", "/segments/1.ts")) {
            var refused = operator.send("GET", "/api/v1/cameras/" + camera + path, null, null, Map.of("Accept", "*/*"));
            assertThat(refused.status()).as(path + " " + refused).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.body()).contains("purpose");
            var wordless = operator.send("GET", "/api/v1/cameras/" + camera + path + "?purpose=..", null, null, Map.of("Accept", "*/*"));
            assertThat(wordless.status()).as(path).isEqualTo(400);
        }
        var clip = operator.post("/api/v1/cameras/" + camera + "/clips", Map.of("from", "2026-12-01T10:00:00Z", "to", "2026-12-01T10:01:00Z"));
        assertThat(clip.status()).as(clip.toString()).isEqualTo(400);
        assertThat(clip.body()).contains("purpose");
        var manager = f.managerOf(a);
        assertThat(manager.get("/api/v1/premises/" + a + "/camera-access").json()).isEmpty();

        String purpose = "Incident PSH-2026-0042 robbery at the gate";
        var opened = operator.send("GET", "/api/v1/cameras/" + camera + "/live.m3u8?purpose=" + URLEncoder.encode(purpose, StandardCharsets.UTF_8),
            null, null, Map.of("Accept", "*/*"));
        assertThat(opened.status()).as("opened, though not recorded here").isEqualTo(404);
        // the player's segments need no purpose of their own once the camera is opened
        var segment = operator.send("GET", "/api/v1/cameras/" + camera + "/live/1.ts", null, null, Map.of("Accept", "*/*"));
        assertThat(segment.status()).isEqualTo(404);

        var log = manager.get("/api/v1/premises/" + a + "/camera-access");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json()).singleElement().satisfies(entry -> {
            assertThat(entry.get("cameraId").asLong()).isEqualTo(camera);
            assertThat(entry.get("who").asString()).startsWith("test.operator");
            assertThat(entry.get("what").asString()).isEqualTo("LIVE");
            assertThat(entry.get("purpose").asString()).isEqualTo(purpose);
            assertThat(entry.has("at")).isTrue();
        });
        long audited = 0;
        for (int i = 0; i < 40 && audited == 0; i++) {
            audited = jdbc.sql("select count(*) from identity.audit_entry where action = 'video.partner-camera-opened' and target_id = ? and reason = ?")
                .params(Long.toString(camera), purpose).query(Long.class).single();
            Thread.sleep(100);
        }
        assertThat(audited).isEqualTo(1);

        assertThat(f.managerOf(b).get("/api/v1/premises/" + a + "/camera-access").status()).isEqualTo(404);
        assertThat(f.managerOf(b).get("/api/v1/premises/" + b + "/camera-access").json()).isEmpty();
        assertThat(as("MRD", Role.COMPLIANCE_OFFICER).get("/api/v1/premises/" + a + "/camera-access").status()).isEqualTo(404);
        assertThat(operator.get("/api/v1/premises/" + a + "/camera-access").status()).isEqualTo(403);
    }
}
