package org.safecity.partners.internal.cameras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safecity.partners.OnvifDeviceDouble;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SafeCity's ONVIF client against a device double that checks every WS-Security digest, and the double
 * itself checked by an independent ONVIF client (agsh/onvif, locked in {@code tools/onvif-check}), so the
 * client is not only agreeing with a double written to agree with it.
 */
class OnvifDeviceTest {

    private static final Path CHECK = Path.of("..", "tools", "onvif-check").toAbsolutePath().normalize();
    private static final List<OnvifDeviceDouble.Profile> NVR = List.of(
        new OnvifDeviceDouble.Profile("ch1-main", "Channel 1 main", "ch1", 1920, 1080, "rtsp://192.0.2.10:554/ch1/main"),
        new OnvifDeviceDouble.Profile("ch1-sub", "Channel 1 sub", "ch1", 640, 360, "rtsp://192.0.2.10:554/ch1/sub"),
        new OnvifDeviceDouble.Profile("ch2-main", "Channel 2 main", "ch2", 1280, 720, "rtsp://192.0.2.10:554/ch2/main?a=1&b=2"));

    /** The double listens on loopback, which the shipped policy refuses. */
    private static final AddressPolicy LOOPBACK_ALLOWED = AddressPolicy.of("127.0.0.0/8", "");

    private static OnvifDeviceDouble device;

    @BeforeAll
    static void start() throws IOException {
        device = new OnvifDeviceDouble("operator", "pa55 w&rd<", NVR);
    }

    @AfterAll
    static void stop() {
        device.close();
    }

    @Test
    void a_device_on_a_refused_address_is_not_asked_at_all() {
        var client = new OnvifDevice(URI.create(device.deviceAddress()), "operator", "pa55 w&rd<", Clock.systemUTC(),
            AddressPolicy.of("", ""));
        int before = device.calls.size();

        assertThatThrownBy(client::profiles).isInstanceOfSatisfying(OnvifDevice.Refused.class, refused -> {
            assertThat(refused.why).isEqualTo(OnvifDevice.Refused.Why.ADDRESS_NOT_ALLOWED);
            assertThat(refused.getMessage()).contains("127.0.0.1").contains("loopback");
        });
        assertThat(device.calls).hasSize(before);
    }

    @Test
    void the_password_digest_is_base64_of_sha1_of_nonce_created_and_password() {
        byte[] nonce = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        // computed apart from this code: base64(sha1(bytes 0..15 + "2026-12-04T10:00:00.000Z" + "pa55word"))
        assertThat(OnvifDevice.digest(nonce, "2026-12-04T10:00:00.000Z", "pa55word")).isEqualTo("zezTXGbt1pTjWT13V/zxM37u3Bk=");
    }

    @Test
    void every_profile_is_read_with_its_video_source_resolution_and_stream_address() throws Exception {
        var profiles = new OnvifDevice(URI.create(device.deviceAddress()), "operator", "pa55 w&rd<", Clock.systemUTC(), LOOPBACK_ALLOWED).profiles();

        assertThat(profiles).containsExactly(
            new OnvifDevice.Profile("ch1-main", "Channel 1 main", "ch1", "H264", 1920, 1080, "rtsp://192.0.2.10:554/ch1/main"),
            new OnvifDevice.Profile("ch1-sub", "Channel 1 sub", "ch1", "H264", 640, 360, "rtsp://192.0.2.10:554/ch1/sub"),
            new OnvifDevice.Profile("ch2-main", "Channel 2 main", "ch2", "H264", 1280, 720, "rtsp://192.0.2.10:554/ch2/main?a=1&b=2"));
        assertThat(device.calls).contains("GetCapabilities", "GetProfiles", "GetStreamUri").doesNotContain("GetProfiles refused");
    }

    @Test
    void a_wrong_password_is_refused_by_the_device_as_wrong_credentials() {
        var client = new OnvifDevice(URI.create(device.deviceAddress()), "operator", "guess", Clock.systemUTC(), LOOPBACK_ALLOWED);

        assertThatThrownBy(client::profiles).isInstanceOfSatisfying(OnvifDevice.Refused.class,
            refused -> assertThat(refused.why).isEqualTo(OnvifDevice.Refused.Why.WRONG_CREDENTIALS));
        assertThat(device.calls).contains("GetCapabilities refused");
    }

    @Test
    void an_address_where_nothing_listens_is_unreachable() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var client = new OnvifDevice(URI.create("http://127.0.0.1:" + port + "/onvif/device_service"), "operator", "x",
            Clock.systemUTC(), LOOPBACK_ALLOWED);

        assertThatThrownBy(client::profiles).isInstanceOfSatisfying(OnvifDevice.Refused.class,
            refused -> assertThat(refused.why).isEqualTo(OnvifDevice.Refused.Why.UNREACHABLE));
    }

    @Test
    void an_answer_with_a_document_type_is_not_parsed() {
        byte[] xml = """
            <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>""".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> OnvifDevice.parse(xml)).isInstanceOf(OnvifDevice.Refused.class);
    }

    @Test
    void an_independent_onvif_client_reads_the_same_profiles_from_the_double_and_is_refused_a_wrong_password() throws Exception {
        assumeOnvifCheck();

        JsonNode read = check(device.deviceAddress(), "operator", "pa55 w&rd<");

        assertThat(read.path("error").isMissingNode()).as(read.toString()).isTrue();
        assertThat(read.path("profiles")).hasSize(3);
        for (int i = 0; i < NVR.size(); i++) {
            var expected = NVR.get(i);
            var profile = read.path("profiles").get(i);
            assertThat(profile.path("token").asString()).isEqualTo(expected.token());
            assertThat(profile.path("width").asInt()).isEqualTo(expected.width());
            assertThat(profile.path("height").asInt()).isEqualTo(expected.height());
            assertThat(profile.path("uri").asString()).isEqualTo(expected.streamUri());
        }

        JsonNode refused = check(device.deviceAddress(), "operator", "guess");
        assertThat(refused.path("error").asString("")).as(refused.toString()).isNotBlank();
    }

    /** Skips outside CI when Node.js or the locked client is missing; in CI (.ci/run installs both) it fails instead. */
    private static void assumeOnvifCheck() {
        boolean installed = Files.isDirectory(CHECK.resolve("node_modules").resolve("onvif")) && node() != null;
        String missing = "The ONVIF check client is not installed: run `npm ci` in " + CHECK + " (Node.js)";
        if (System.getenv("CI") != null) {
            assertThat(installed).as(missing).isTrue();
        } else {
            Assumptions.assumeTrue(installed, missing + "; skipping it here.");
        }
    }

    private static String node() {
        for (String candidate : List.of("/usr/bin/node", "/usr/local/bin/node")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static JsonNode check(String address, String username, String password) throws Exception {
        var process = new ProcessBuilder(node(), CHECK.resolve("check.js").toString(), address, username, password)
            .directory(CHECK.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8).strip();
        return JsonMapper.builder().build().readTree(text.substring(text.lastIndexOf('\n') + 1));
    }
}
