package org.safecity.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DeviceKeysTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_device_key_is_issued_once_and_signs_the_device_in() {
        long camera = Network.camera(admin(), Network.mardanSite(admin()));

        var issued = admin().post("/api/v1/devices", Map.of("name", "Mardan NVR 1", "cameraIds", List.of(camera)));

        assertThat(issued.status()).isEqualTo(201);
        String key = issued.json().get("key").asString();
        assertThat(key).startsWith("scd_").hasSizeGreaterThanOrEqualTo(4 + 43);
        var me = anonymous.withToken(key).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("roles").toString()).contains("DEVICE");
        assertThat(me.json().get("username").asString()).isEqualTo("Mardan NVR 1");
    }

    @Test
    void only_the_hash_of_a_device_key_is_stored_and_the_list_shows_no_keys() {
        long camera = Network.camera(admin(), Network.mardanSite(admin()));
        var issued = admin().post("/api/v1/devices", Map.of("name", "Edge box", "cameraIds", List.of(camera))).json();
        String key = issued.get("key").asString();

        byte[] stored = jdbc.sql("select key_hash from registry.device where id = ?").param(issued.get("id").asLong())
            .query((rs, n) -> rs.getBytes(1)).single();
        var listed = admin().get("/api/v1/devices?size=1000");

        assertThat(stored).hasSize(32);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(key.substring(4, 20));
        assertThat(listed.body()).doesNotContain(key).contains("Edge box");
    }

    @Test
    void a_revoked_device_key_gets_401() {
        long camera = Network.camera(admin(), Network.mardanSite(admin()));
        var issued = admin().post("/api/v1/devices", Map.of("name", "Lost box", "cameraIds", List.of(camera))).json();
        var device = anonymous.withToken(issued.get("key").asString());
        assertThat(device.get("/api/v1/me").status()).isEqualTo(200);

        var revoked = admin().delete("/api/v1/devices/" + issued.get("id").asLong());

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revoked").asBoolean()).isTrue();
        assertThat(device.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from registry.device where id = ?").param(issued.get("id").asLong())
            .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_device_for_an_unknown_or_retired_camera_is_refused() {
        long retired = Network.camera(admin(), Network.mardanSite(admin()));
        admin().post("/api/v1/cameras/" + retired + "/retire", Map.of("reason", "gone"));

        var response = admin().post("/api/v1/devices", Map.of("name", "Box", "cameraIds", List.of(retired, 999_999_999L)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("cameraIds");
        assertThat(response.json().get("errors").get(0).get("problem").asString()).contains(Long.toString(retired), "999999999");
    }

    @Test
    void a_device_cannot_read_the_camera_network() {
        long camera = Network.camera(admin(), Network.mardanSite(admin()));
        var key = admin().post("/api/v1/devices", Map.of("name", "Curious box", "cameraIds", List.of(camera))).json()
            .get("key").asString();

        assertThat(anonymous.withToken(key).get("/api/v1/cameras").status()).isEqualTo(403);
        assertThat(as(Role.OPERATOR).post("/api/v1/devices", Map.of("name", "x", "cameraIds", List.of(camera))).status())
            .isEqualTo(403);
    }
}
