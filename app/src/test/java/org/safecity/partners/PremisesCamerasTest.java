package org.safecity.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.identity.Role;
import org.safecity.registry.CameraDirectory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A premises' manager adds its cameras: by RTSP address, or from an ONVIF recorder; each stream is
 * probed from a real RTSP server (GStreamer) before it joins, and refused in plain words when it will
 * not do. A manager reaches only its own premises' cameras.
 */
class PremisesCamerasTest extends IntegrationTest {

    private static final AtomicInteger N = new AtomicInteger();
    @RegisterExtension
    static final PremisesStreams STREAMS = new PremisesStreams();

    @Autowired
    CameraDirectory directory;

    private long school(String registration) {
        var body = PremisesTest.school(PremisesTest.licence());
        if (registration != null) {
            body.put("registration", registration);
        }
        var created = as(Role.COMPLIANCE_OFFICER).post("/api/v1/premises", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private SafeCityApi managerOf(long premisesId) {
        String username = "camera.manager." + ProcessHandle.current().pid() + "." + N.incrementAndGet();
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Manager " + username,
            "password", passwordOf(username), "roles", List.of("PARTNER"), "scope", "province", "partnerId", premisesId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return anonymous.signIn(username, passwordOf(username));
    }

    private static Map<String, Object> stream(String name, String address) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put("streamAddress", address);
        return body;
    }

    @Test
    void a_manager_adds_a_camera_by_its_rtsp_address_once_however_often_it_is_sent() {
        long id = school(null);
        var manager = managerOf(id);

        var added = manager.post("/api/v1/premises/" + id + "/cameras", stream("Gate", STREAMS.hd()));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        var camera = added.json();
        assertThat(camera.get("accepted").asBoolean()).isTrue();
        assertThat(camera.get("codec").asString()).isEqualTo("H.264");
        assertThat(camera.get("resolution").asString()).isEqualTo("1280x720");
        assertThat(camera.get("frameRate").asDouble()).isBetween(24.0, 26.0);
        assertThat(camera.get("bitrate").asLong()).isPositive();
        // a school's streams the Authority may only view: the recorders leave the camera alone
        assertThat(camera.get("recorded").asBoolean()).isFalse();
        long cameraId = camera.get("cameraId").asLong();
        assertThat(directory.streams().stream().map(s -> s.camera().id())).doesNotContain(cameraId);
        assertThat(directory.find(cameraId).orElseThrow().partnerId()).isEqualTo(id);

        var again = manager.post("/api/v1/premises/" + id + "/cameras", stream("Gate", STREAMS.hd()));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("cameraId").asLong()).isEqualTo(cameraId);

        var listed = manager.get("/api/v1/premises/" + id + "/cameras").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("resolution").asString()).isEqualTo("1280x720");
        var premises = manager.get("/api/v1/premises/" + id).json();
        assertThat(premises.get("compliance").get("reasons").get(0).get("message").asString())
            .isEqualTo("1 camera is connected; the category requires at least 3.");
    }

    @Test
    void a_stream_below_the_categorys_resolution_is_refused_with_the_reason_and_nothing_joins() {
        long id = school(null);
        var manager = managerOf(id);

        var refused = manager.post("/api/v1/premises/" + id + "/cameras", stream("Back lane", STREAMS.low()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("The stream is 640x360; the category School requires at least 1280x720");
        assertThat(manager.get("/api/v1/premises/" + id + "/cameras").json()).isEmpty();
    }

    @Test
    void an_address_where_nothing_answers_is_refused_as_unreachable() throws IOException {
        long id = school(null);
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        var refused = as(Role.COMPLIANCE_OFFICER).post("/api/v1/premises/" + id + "/cameras",
            stream("Gate", "rtsp://127.0.0.1:" + port + "/main"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("Nothing answered at this address");
    }

    @Test
    void credentials_inside_the_address_are_refused_so_they_are_never_stored_in_clear() {
        long id = school(null);

        var refused = managerOf(id).post("/api/v1/premises/" + id + "/cameras", stream("Gate", "rtsp://admin:12345@192.0.2.1/main"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("must not hold the username and password").doesNotContain("12345");
    }

    @Test
    void an_onvif_recorder_adds_the_main_stream_of_each_channel_and_a_wrong_password_is_refused() throws IOException {
        long id = school(null);
        var manager = managerOf(id);
        try (var nvr = new OnvifDeviceDouble("onvif", "nvr pass", List.of(
            new OnvifDeviceDouble.Profile("main", "Main", "ch1", 1280, 720, STREAMS.hd()),
            new OnvifDeviceDouble.Profile("sub", "Sub", "ch1", 640, 360, STREAMS.low()),
            new OnvifDeviceDouble.Profile("ch2", "Second", "ch2", 640, 360, STREAMS.low())))) {

            var wrong = manager.post("/api/v1/premises/" + id + "/onvif-devices",
                Map.of("name", "Lobby", "deviceAddress", nvr.deviceAddress(), "username", "onvif", "password", "guess"));
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
            assertThat(wrong.body()).contains("The device refused the username and password.");

            var added = manager.post("/api/v1/premises/" + id + "/onvif-devices",
                Map.of("name", "Lobby", "deviceAddress", nvr.deviceAddress(), "username", "onvif", "password", "nvr pass"));

            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            var streams = added.json().get("streams");
            assertThat(streams).hasSize(2);
            assertThat(streams.get(0).get("name").asString()).isEqualTo("Lobby 1");
            assertThat(streams.get(0).get("accepted").asBoolean()).isTrue();
            assertThat(streams.get(0).get("resolution").asString()).isEqualTo("1280x720");
            assertThat(streams.get(1).get("accepted").asBoolean()).isFalse();
            assertThat(streams.get(1).get("reason").asString()).contains("640x360");
            assertThat(nvr.calls).contains("GetCapabilities", "GetProfiles", "GetStreamUri");
        }
        assertThat(manager.get("/api/v1/premises/" + id + "/cameras").json()).hasSize(1);
    }

    @Test
    void an_address_only_the_server_could_reach_is_refused_in_plain_words_before_anything_is_fetched() throws IOException {
        long id = school(null);
        var manager = managerOf(id);

        var metadata = manager.post("/api/v1/premises/" + id + "/cameras", stream("Gate", "rtsp://169.254.169.254/latest"));
        assertThat(metadata.status()).as(metadata.toString()).isEqualTo(400);
        assertThat(metadata.isProblem()).isTrue();
        assertThat(metadata.body()).contains("streamAddress").contains("SafeCity does not connect to 169.254.169.254")
            .contains("cloud metadata");

        var device = manager.post("/api/v1/premises/" + id + "/onvif-devices",
            Map.of("name", "Lobby", "deviceAddress", "http://[::ffff:169.254.169.254]/", "username", "onvif", "password", "x"));
        assertThat(device.status()).as(device.toString()).isEqualTo(400);
        assertThat(device.body()).contains("deviceAddress").contains("link-local");

        // a device that answers may still name a stream at an address SafeCity does not fetch from: that one is refused
        try (var nvr = new OnvifDeviceDouble("onvif", "nvr pass", List.of(
            new OnvifDeviceDouble.Profile("main", "Main", "ch1", 1280, 720, STREAMS.hd()),
            new OnvifDeviceDouble.Profile("other", "Other", "ch2", 1280, 720, "rtsp://0.0.0.0:554/ch2")))) {
            var added = manager.post("/api/v1/premises/" + id + "/onvif-devices",
                Map.of("name", "Hall", "deviceAddress", nvr.deviceAddress(), "username", "onvif", "password", "nvr pass"));
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            var streams = added.json().get("streams");
            assertThat(streams.get(0).get("accepted").asBoolean()).isTrue();
            assertThat(streams.get(1).get("accepted").asBoolean()).isFalse();
            assertThat(streams.get(1).get("reason").asString()).contains("SafeCity does not connect to 0.0.0.0")
                .contains("unspecified");
        }
        assertThat(manager.get("/api/v1/premises/" + id + "/cameras").json()).hasSize(1);
    }

    @Test
    void a_premises_not_registered_takes_no_cameras() {
        long id = school("LISTED");

        var refused = as(Role.COMPLIANCE_OFFICER).post("/api/v1/premises/" + id + "/cameras", stream("Gate", STREAMS.hd()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    }

    @Test
    void a_manager_of_one_premises_neither_adds_to_nor_reads_the_cameras_of_another() throws IOException {
        long a = school(null);
        long b = school(null);
        var managerOfA = managerOf(a);
        var managerOfB = managerOf(b);
        assertThat(managerOfA.post("/api/v1/premises/" + a + "/cameras", stream("Gate", STREAMS.hd())).status()).isEqualTo(201);

        assertThat(managerOfB.get("/api/v1/premises/" + a + "/cameras").status()).isEqualTo(404);
        assertThat(managerOfB.get("/api/v1/premises/" + a).status()).isEqualTo(404);
        assertThat(managerOfB.post("/api/v1/premises/" + a + "/cameras", stream("Intruder", STREAMS.hd())).status())
            .isEqualTo(404);
        try (var device = new OnvifDeviceDouble("onvif", "pass", List.of(
            new OnvifDeviceDouble.Profile("main", "Main", "ch1", 1280, 720, STREAMS.hd())))) {
            var onvif = managerOfB.post("/api/v1/premises/" + a + "/onvif-devices",
                Map.of("name", "Intruder", "deviceAddress", device.deviceAddress(), "username", "onvif", "password", "pass"));
            assertThat(onvif.status()).isEqualTo(404);
            assertThat(device.calls).as("the device is never asked for another premises").isEmpty();
        }
        assertThat(managerOfA.get("/api/v1/premises/" + a + "/cameras").json()).hasSize(1);
        assertThat(managerOfB.get("/api/v1/premises/" + b + "/cameras").json()).isEmpty();
    }

}
