package org.safecity.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A camera's status is what SafeCity observes of it, the same in every answer that shows it. */
class ObservedStatusTest extends IntegrationTest {

    @Autowired
    CameraDirectory directory;

    @Autowired
    JdbcClient jdbc;

    private long installedCamera() {
        var body = Network.cameraBody(Network.mardanSite(admin()), "FIXED");
        body.put("installation", "INSTALLED");
        return Network.camera(admin(), body);
    }

    private String statusOnTheMap(long id) {
        var map = as("MRD", Role.OPERATOR).get("/api/v1/cameras.geojson?city=MRD").json();
        return map.get("features").valueStream().filter(f -> f.get("id").asLong() == id).findFirst()
            .map(f -> f.get("properties").get("status").asString()).orElseThrow();
    }

    private JsonNode onTheWall(long id) {
        var name = admin().get("/api/v1/cameras/" + id).json().get("name").asString();
        var found = as("MRD", Role.OPERATOR).get("/api/v1/video/cameras?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).json();
        return found.get("items").valueStream().filter(c -> c.get("cameraId").asLong() == id).findFirst().orElseThrow();
    }

    private boolean listedAs(long id, String status) {
        var page = as("MRD", Role.OPERATOR).get("/api/v1/cameras?city=MRD&status=" + status + "&size=1000").json();
        return page.get("items").valueStream().anyMatch(c -> c.get("id").asLong() == id);
    }

    @Test
    void an_installed_camera_never_heard_from_is_unknown_everywhere_and_has_no_uptime() {
        long id = installedCamera();

        var camera = admin().get("/api/v1/cameras/" + id).json();
        assertThat(camera.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(camera.get("installation").asString()).isEqualTo("INSTALLED");
        assertThat(camera.get("lastSeen").isNull()).isTrue();
        assertThat(camera.get("uptime").get("last24h").isNull()).isTrue();
        assertThat(statusOnTheMap(id)).isEqualTo("UNKNOWN");
        assertThat(listedAs(id, "UNKNOWN")).isTrue();
        assertThat(listedAs(id, "ONLINE")).isFalse();
        assertThat(onTheWall(id).get("online").asBoolean()).isFalse();
        assertThat(onTheWall(id).get("status").asString()).isEqualTo("UNKNOWN");
        var health = as("MRD", Role.OPERATOR).get("/api/v1/cameras/" + id + "/health").json();
        assertThat(health.get("online").asBoolean()).isFalse();
        assertThat(health.get("status").asString()).isEqualTo("UNKNOWN");
    }

    @Test
    void a_camera_is_online_everywhere_while_heard_from_and_offline_everywhere_once_silent() {
        long id = installedCamera();

        directory.markSeen(id, Instant.now());

        assertThat(admin().get("/api/v1/cameras/" + id).json().get("status").asString()).isEqualTo("ONLINE");
        assertThat(statusOnTheMap(id)).isEqualTo("ONLINE");
        assertThat(listedAs(id, "ONLINE")).isTrue();
        assertThat(onTheWall(id).get("online").asBoolean()).isTrue();

        directory.markSilent(id, Instant.now());

        assertThat(admin().get("/api/v1/cameras/" + id).json().get("status").asString()).isEqualTo("OFFLINE");
        assertThat(statusOnTheMap(id)).isEqualTo("OFFLINE");
        assertThat(listedAs(id, "OFFLINE")).isTrue();
        assertThat(listedAs(id, "ONLINE")).isFalse();
        assertThat(onTheWall(id).get("status").asString()).isEqualTo("OFFLINE");
    }

    @Test
    void uptime_is_the_share_of_the_last_day_and_week_the_camera_was_heard_from() {
        long id = installedCamera();
        Instant from = Instant.now().minus(6, ChronoUnit.HOURS);
        // heard for two hours, six hours ago, then silent
        for (int minute = 0; minute <= 120; minute++) {
            directory.markSeen(id, from.plusSeconds(60L * minute));
        }

        var uptime = admin().get("/api/v1/cameras/" + id).json().get("uptime");

        assertThat(uptime.get("last24h").asDouble()).isCloseTo(2.0 / 24, within(0.002));
        assertThat(uptime.get("last7d").asDouble()).isCloseTo(2.0 / (24 * 7), within(0.001));
    }

    @Test
    void a_sites_uptime_is_over_its_cameras_ever_heard_from_and_says_how_many_those_are() {
        long site = Network.mardanSite(admin());
        var body = Network.cameraBody(site, "FIXED");
        body.put("installation", "INSTALLED");
        long heard = Network.camera(admin(), body);
        Network.camera(admin(), Network.cameraBody(site, "PTZ"));
        directory.markSeen(heard, Instant.now());

        var uptime = admin().get("/api/v1/sites/" + site).json().get("uptime");

        assertThat(uptime.get("observedCameras").asInt()).isEqualTo(1);
        assertThat(uptime.get("cameras").asInt()).isEqualTo(2);
        assertThat(uptime.get("last24h").asDouble()).isBetween(0.0, 0.01);
    }

    @Test
    void online_cannot_be_typed_in_only_observed() {
        var body = Network.cameraBody(Network.mardanSite(admin()), "FIXED");
        body.put("status", "ONLINE");

        var refused = admin().post("/api/v1/cameras", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("installation").contains("observed");
    }

    @Test
    void the_rollout_counts_as_online_only_the_cameras_heard_from() {
        long heardInPhaseOne = jdbc.sql("""
                select count(*) from registry.camera c join registry.site s on s.id = c.site_id
                where s.phase = 1 and c.retired_at is null and s.retired_at is null and exists (
                  select 1 from registry.camera_presence p where p.camera_id = c.id and not p.closed
                  and p.until_at > now() - interval '90 seconds')""").query(Long.class).single();

        var phase = as(Role.SUPERVISOR).get("/api/v1/phases/1").json();

        assertThat(phase.get("onlineCameras").asLong()).isEqualTo(heardInPhaseOne);
    }
}
