package org.safecity.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.identity.Role;
import org.safecity.partners.OnvifDeviceDouble;
import org.safecity.partners.OnvifDeviceDouble.PtzCommand;
import tools.jackson.databind.JsonNode;

/**
 * Steering a PTZ camera over the API: the commands reach the camera's ONVIF PTZ service as asked, each is audited,
 * only the operators, supervisors and administrators of the camera's city may send them, and whatever cannot be done
 * is a problem the operator can act on, with nothing sent to the camera.
 */
class PtzTest extends IntegrationTest {

    private static final String CITY = "KHT";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final List<OnvifDeviceDouble.Profile> PROFILES = List.of(
        new OnvifDeviceDouble.Profile("main", "Main", "vs1", 1920, 1080, "rtsp://192.0.2.30:554/main"),
        new OnvifDeviceDouble.Profile("ptz-main", "Main with PTZ", "vs1", 1920, 1080, "rtsp://192.0.2.30:554/main"));

    private OnvifDeviceDouble device;
    private SafeCityApi operator;

    @BeforeEach
    void start() throws IOException {
        device = new OnvifDeviceDouble("ptz-operator", "Kohat gate 7", PROFILES, "ptz-main").withPreset("1", "Kohat Tunnel road");
        operator = as(CITY, Role.OPERATOR);
    }

    @AfterEach
    void stop() {
        device.close();
    }

    /** A new camera of Kohat of this type, with these ONVIF address and stream credentials (null: none). */
    private long camera(String type, String onvifAddress, boolean credentials) {
        var site = admin().post("/api/v1/sites", Map.of("name", "PTZ site " + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet(),
            "kind", "junction", "lat", 33.5869, "lon", 71.4429, "city", CITY, "phase", 4));
        assertThat(site.status()).as(site.toString()).isEqualTo(201);
        var body = new HashMap<String, Object>(Map.of("siteId", site.json().get("id").asLong(),
            "name", "Kohat PTZ " + SEQUENCE.incrementAndGet(), "make", "Hikvision", "model", "DS-2DE7A432IW-AEB", "resolution", "2560x1440",
            "type", type, "mainStream", "rtsp://10.70.1.11:554/Streaming/Channels/101"));
        if (!type.equals("PTZ")) {
            body.put("heading", 90);
            body.put("fieldOfView", 60);
        }
        if (onvifAddress != null) {
            body.put("onvifAddress", onvifAddress);
        }
        if (credentials) {
            body.put("credentials", Map.of("username", "ptz-operator", "password", "Kohat gate 7"));
        }
        var created = admin().post("/api/v1/cameras", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private long ptzCamera() {
        return camera("PTZ", device.deviceAddress(), true);
    }

    private JsonNode audited(String action, long cameraId) {
        var entries = auditedAll(action, cameraId);
        assertThat(entries.size()).as(action + " of camera " + cameraId).isEqualTo(1);
        return entries.get(0);
    }

    private JsonNode auditedAll(String action, long cameraId) {
        return as(Role.AUDITOR).get("/api/v1/audit?action=" + action + "&targetId=" + cameraId).json().get("items");
    }

    private static void assertProblem(SafeCityApi.Response response, int status, String detailPart) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json().get("detail").asString()).contains(detailPart);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void an_operator_of_the_city_moves_the_camera_and_stops_it_and_both_are_audited() {
        long id = ptzCamera();

        var moved = operator.post("/api/v1/cameras/" + id + "/ptz/move", Map.of("pan", 0.5, "tilt", -0.2));
        var stopped = operator.post("/api/v1/cameras/" + id + "/ptz/stop", Map.of());

        assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(204);
        assertThat(device.ptz).containsExactly(
            new PtzCommand("ContinuousMove", "ptz-main", 0.5, -0.2, null, "PT2S", null, null),
            new PtzCommand("Stop", "ptz-main", null, null, null, null, null, null));
        var move = audited("video.ptz-moved", id);
        String who = operator.get("/api/v1/me").json().get("username").asString();
        assertThat(move.get("actor").asString()).isEqualTo(who);
        assertThat(move.get("targetType").asString()).isEqualTo("camera");
        assertThat(move.get("details").asString()).contains("\"pan\":0.5", "\"tilt\":-0.2", "\"zoom\":0.0", "\"outcome\":\"done\"");
        assertThat(audited("video.ptz-stopped", id).get("actor").asString()).isEqualTo(who);
    }

    @Test
    void a_zoom_is_sent_alone_and_lasts_the_seconds_asked() {
        long id = ptzCamera();

        var zoomed = as(CITY, Role.SUPERVISOR).post("/api/v1/cameras/" + id + "/ptz/move", Map.of("zoom", 1, "seconds", 0.5));

        assertThat(zoomed.status()).as(zoomed.toString()).isEqualTo(204);
        assertThat(device.ptz).containsExactly(new PtzCommand("ContinuousMove", "ptz-main", null, null, 1.0, "PT0.5S", null, null));
    }

    @Test
    void presets_are_listed_recalled_and_saved_and_an_unknown_one_is_not_found() {
        long id = ptzCamera();

        var listed = operator.get("/api/v1/cameras/" + id + "/ptz/presets");
        var recalled = operator.post("/api/v1/cameras/" + id + "/ptz/presets/1/go", Map.of());
        var saved = operator.post("/api/v1/cameras/" + id + "/ptz/presets", Map.of("name", "Kohat Pass view"));
        var unknown = operator.post("/api/v1/cameras/" + id + "/ptz/presets/77/go", Map.of());

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("items").toString()).isEqualTo("[{\"token\":\"1\",\"name\":\"Kohat Tunnel road\"}]");
        assertThat(recalled.status()).as(recalled.toString()).isEqualTo(204);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        assertThat(saved.json().get("token").asString()).isEqualTo("preset-2");
        assertThat(device.presets()).containsEntry("preset-2", "Kohat Pass view");
        assertProblem(unknown, 404, "77");
        assertThat(device.ptz("GotoPreset")).extracting(PtzCommand::preset).containsExactly("1", "77");
        // the refused recall is audited too, with what the camera answered
        assertThat(auditedAll("video.ptz-preset-recalled", id).valueStream().map(e -> e.get("details").asString()))
            .anyMatch(d -> d.contains("\"preset\":\"1\"") && d.contains("\"outcome\":\"done\""))
            .anyMatch(d -> d.contains("\"preset\":\"77\"") && d.contains("\"outcome\":\"FAULT\""))
            .hasSize(2);
        assertThat(audited("video.ptz-preset-saved", id).get("details").asString()).contains("\"name\":\"Kohat Pass view\"", "preset-2");
    }

    @Test
    void an_operator_of_another_city_finds_no_camera_and_nothing_reaches_it() {
        long id = ptzCamera();
        var mardan = as("MRD", Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN);

        assertThat(mardan.post("/api/v1/cameras/" + id + "/ptz/move", Map.of("pan", 1)).status()).isEqualTo(404);
        assertThat(mardan.post("/api/v1/cameras/" + id + "/ptz/stop", Map.of()).status()).isEqualTo(404);
        assertThat(mardan.get("/api/v1/cameras/" + id + "/ptz/presets").status()).isEqualTo(404);
        assertThat(mardan.post("/api/v1/cameras/" + id + "/ptz/presets", Map.of("name", "Mine")).status()).isEqualTo(404);
        assertThat(device.calls).isEmpty();
    }

    @Test
    void people_who_do_not_steer_cameras_are_refused() {
        long id = ptzCamera();

        for (Role role : List.of(Role.DISPATCHER, Role.INVESTIGATOR, Role.AUDITOR)) {
            var refused = as(CITY, role).post("/api/v1/cameras/" + id + "/ptz/move", Map.of("pan", 1));
            assertThat(refused.status()).as(role.name()).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(device.calls).isEmpty();
    }

    @Test
    void velocities_outside_minus_one_to_one_a_move_of_nothing_and_a_long_move_are_refused_and_nothing_is_sent() {
        long id = ptzCamera();

        var tooFast = operator.post("/api/v1/cameras/" + id + "/ptz/move", Map.of("pan", 1.5, "zoom", -2));
        var nothing = operator.post("/api/v1/cameras/" + id + "/ptz/move", Map.of("pan", 0));
        var tooLong = operator.post("/api/v1/cameras/" + id + "/ptz/move", Map.of("tilt", 1, "seconds", 60));
        var word = operator.post("/api/v1/cameras/" + id + "/ptz/move", Map.of("pan", "left"));

        assertProblem(tooFast, 400, "pan");
        assertThat(tooFast.json().get("errors").valueStream().map(e -> e.get("field").asString())).containsExactly("pan", "zoom");
        assertProblem(nothing, 400, "pan");
        assertProblem(tooLong, 400, "seconds");
        assertThat(word.status()).isEqualTo(400);
        assertThat(device.calls).isEmpty();
    }

    @Test
    void a_camera_that_is_not_ptz_or_has_no_onvif_address_or_credentials_cannot_be_steered() {
        long fixed = camera("FIXED", device.deviceAddress(), true);
        long noAddress = camera("PTZ", null, true);
        long noCredentials = camera("PTZ", device.deviceAddress(), false);

        assertProblem(operator.post("/api/v1/cameras/" + fixed + "/ptz/move", Map.of("pan", 1)), 409, "FIXED");
        assertProblem(operator.post("/api/v1/cameras/" + noAddress + "/ptz/stop", Map.of()), 409, "no ONVIF address");
        assertProblem(operator.get("/api/v1/cameras/" + noCredentials + "/ptz/presets"), 409, "credentials");
        assertThat(device.calls).isEmpty();
    }

    @Test
    void a_device_that_does_not_answer_is_a_bad_gateway_and_the_attempt_is_audited() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        long id = camera("PTZ", "http://127.0.0.1:" + port + "/onvif/device_service", true);

        var moved = operator.post("/api/v1/cameras/" + id + "/ptz/move", Map.of("pan", -1));

        assertProblem(moved, 502, "could not be reached");
        assertThat(audited("video.ptz-moved", id).get("details").asString()).contains("\"outcome\":\"UNREACHABLE\"");
    }

    @Test
    void a_device_that_takes_the_request_and_never_answers_is_a_gateway_timeout() {
        long id = ptzCamera();
        device.answerNothing();

        assertProblem(operator.post("/api/v1/cameras/" + id + "/ptz/stop", Map.of()), 504, "did not answer in time");
    }

    @Test
    void the_wall_offers_the_controls_only_for_a_ptz_camera_with_an_onvif_address_and_to_those_who_steer() {
        long steered = ptzCamera();
        long plain = camera("PTZ", null, true);
        for (long id : List.of(steered, plain)) {
            var installed = admin().get("/api/v1/cameras/" + id).json();
            var body = new HashMap<String, Object>(Map.of("siteId", installed.get("siteId").asLong(), "name", installed.get("name").asString(),
                "make", "Hikvision", "model", "DS-2DE7A432IW-AEB", "resolution", "2560x1440", "type", "PTZ",
                "mainStream", "rtsp://10.70.1.11:554/Streaming/Channels/101", "installation", "INSTALLED"));
            if (id == steered) {
                body.put("onvifAddress", device.deviceAddress());
            }
            assertThat(admin().put("/api/v1/cameras/" + id, body).status()).isEqualTo(200);
        }

        Map<Long, Boolean> forOperator = steerable(operator);
        Map<Long, Boolean> forDispatcher = steerable(as(CITY, Role.DISPATCHER));

        assertThat(forOperator).containsEntry(steered, true).containsEntry(plain, false);
        assertThat(forDispatcher).containsEntry(steered, false);
    }

    private static Map<Long, Boolean> steerable(SafeCityApi api) {
        var items = api.get("/api/v1/video/cameras?city=" + CITY).json().get("items");
        var found = new HashMap<Long, Boolean>();
        items.forEach(item -> found.put(item.get("cameraId").asLong(), item.get("steerable").asBoolean()));
        return found;
    }
}
