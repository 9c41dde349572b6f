package org.safecity.partners.internal.cameras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safecity.partners.OnvifCheck;
import org.safecity.partners.OnvifDeviceDouble;
import org.safecity.shared.onvif.OnvifRefusal;
import org.safecity.shared.onvif.OnvifSoap;
import tools.jackson.databind.JsonNode;

/**
 * SafeCity's ONVIF client against a device double that checks every WS-Security digest, and the double
 * itself checked by an independent ONVIF client ({@link OnvifCheck}).
 */
class OnvifDeviceTest {

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

        assertThatThrownBy(client::profiles).isInstanceOfSatisfying(OnvifRefusal.class, refused -> {
            assertThat(refused.why()).isEqualTo(OnvifRefusal.Why.ADDRESS_NOT_ALLOWED);
            assertThat(refused.getMessage()).contains("127.0.0.1").contains("loopback");
        });
        assertThat(device.calls).hasSize(before);
    }

    @Test
    void the_password_digest_is_base64_of_sha1_of_nonce_created_and_password() {
        byte[] nonce = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        // computed apart from this code: base64(sha1(bytes 0..15 + "2026-12-04T10:00:00.000Z" + "pa55word"))
        assertThat(OnvifSoap.digest(nonce, "2026-12-04T10:00:00.000Z", "pa55word")).isEqualTo("zezTXGbt1pTjWT13V/zxM37u3Bk=");
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

        assertThatThrownBy(client::profiles).isInstanceOfSatisfying(OnvifRefusal.class,
            refused -> assertThat(refused.why()).isEqualTo(OnvifRefusal.Why.WRONG_CREDENTIALS));
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

        assertThatThrownBy(client::profiles).isInstanceOfSatisfying(OnvifRefusal.class,
            refused -> assertThat(refused.why()).isEqualTo(OnvifRefusal.Why.UNREACHABLE));
    }

    @Test
    void an_answer_with_a_document_type_is_not_parsed() {
        byte[] xml = """
            <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>""".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> OnvifSoap.parse(xml)).isInstanceOf(OnvifRefusal.class);
    }

    @Test
    void an_independent_onvif_client_reads_the_same_profiles_from_the_double_and_is_refused_a_wrong_password() throws Exception {
        OnvifCheck.assumeInstalled();

        JsonNode read = OnvifCheck.run(device.deviceAddress(), "operator", "pa55 w&rd<");

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

        JsonNode refused = OnvifCheck.run(device.deviceAddress(), "operator", "guess");
        assertThat(refused.path("error").asString("")).as(refused.toString()).isNotBlank();
    }
}
