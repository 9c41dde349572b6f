package org.safecity.video.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safecity.partners.OnvifCheck;
import org.safecity.partners.OnvifDeviceDouble;
import org.safecity.partners.OnvifDeviceDouble.PtzCommand;
import org.safecity.shared.onvif.OnvifRefusal;
import org.safecity.shared.onvif.OnvifSoap;
import tools.jackson.databind.JsonNode;

/**
 * SafeCity's PTZ client against a PTZ camera double that checks every WS-Security digest, and the double's PTZ
 * service itself checked by an independent ONVIF client ({@link OnvifCheck}).
 */
class OnvifPtzTest {

    /** The main profile has no PTZ configuration: the camera is steered on the first profile that has one. */
    private static final List<OnvifDeviceDouble.Profile> PROFILES = List.of(
        new OnvifDeviceDouble.Profile("main", "Main", "vs1", 1920, 1080, "rtsp://192.0.2.20:554/main"),
        new OnvifDeviceDouble.Profile("ptz-sub", "Sub with PTZ", "vs1", 640, 360, "rtsp://192.0.2.20:554/sub"));

    private OnvifDeviceDouble camera;

    @BeforeEach
    void start() throws IOException {
        camera = new OnvifDeviceDouble("ptz", "turn & look", PROFILES, "ptz-sub").withPreset("1", "Gate");
    }

    @AfterEach
    void stop() {
        camera.close();
    }

    private OnvifPtz client(OnvifDeviceDouble device, String password, Duration patience) {
        return new OnvifPtz(URI.create(device.deviceAddress()),
            new OnvifSoap("ptz", password, Clock.systemUTC(), OnvifSoap.HostCheck.ANY, patience));
    }

    private OnvifPtz client() {
        return client(camera, "turn & look", Duration.ofSeconds(5));
    }

    @Test
    void a_move_reaches_the_ptz_service_with_its_velocities_timeout_and_the_profile_that_has_ptz() throws Exception {
        client().move(0.5, -0.25, 0, Duration.ofSeconds(2));

        assertThat(camera.ptz("ContinuousMove")).containsExactly(
            new PtzCommand("ContinuousMove", "ptz-sub", 0.5, -0.25, null, "PT2S", null, null));
        assertThat(camera.calls).doesNotContain("ContinuousMove refused");
    }

    @Test
    void a_zoom_sends_only_the_zoom_and_the_ptz_service_is_found_once() throws Exception {
        var ptz = client();
        ptz.move(0, 0, -1, Duration.ofMillis(1500));
        ptz.stop();

        assertThat(camera.ptz).containsExactly(
            new PtzCommand("ContinuousMove", "ptz-sub", null, null, -1.0, "PT1.5S", null, null),
            new PtzCommand("Stop", "ptz-sub", null, null, null, null, null, null));
        assertThat(camera.calls.stream().filter("GetProfiles"::equals)).hasSize(1);
    }

    @Test
    void presets_are_listed_recalled_and_saved() throws Exception {
        var ptz = client();

        assertThat(ptz.presets()).containsExactly(new OnvifPtz.Preset("1", "Gate"));
        ptz.goTo("1");
        var saved = ptz.save("Bus stand & market");

        assertThat(saved).isEqualTo(new OnvifPtz.Preset("preset-2", "Bus stand & market"));
        assertThat(ptz.presets()).containsExactly(new OnvifPtz.Preset("1", "Gate"), new OnvifPtz.Preset("preset-2", "Bus stand & market"));
        assertThat(camera.ptz("GotoPreset")).extracting(PtzCommand::preset).containsExactly("1");
    }

    @Test
    void a_preset_the_camera_does_not_keep_is_its_fault_no_entity() {
        assertThatThrownBy(() -> client().goTo("9")).isInstanceOfSatisfying(OnvifRefusal.class, refusal -> {
            assertThat(refusal.why()).isEqualTo(OnvifRefusal.Why.FAULT);
            assertThat(refusal.faultCode()).contains("NoEntity");
        });
    }

    @Test
    void a_wrong_password_is_refused_and_nothing_moves() {
        assertThatThrownBy(() -> client(camera, "guess", Duration.ofSeconds(5)).move(1, 0, 0, Duration.ofSeconds(1)))
            .isInstanceOfSatisfying(OnvifRefusal.class, refusal -> assertThat(refusal.why()).isEqualTo(OnvifRefusal.Why.WRONG_CREDENTIALS));
        assertThat(camera.ptz).isEmpty();
    }

    @Test
    void a_camera_without_a_ptz_service_cannot_be_steered() throws IOException {
        try (var fixed = new OnvifDeviceDouble("ptz", "turn & look", PROFILES)) {
            assertThatThrownBy(() -> client(fixed, "turn & look", Duration.ofSeconds(5)).stop())
                .isInstanceOfSatisfying(OnvifRefusal.class, refusal -> {
                    assertThat(refusal.why()).isEqualTo(OnvifRefusal.Why.NO_SUCH_SERVICE);
                    assertThat(refusal.getMessage()).contains("PTZ");
                });
        }
    }

    @Test
    void a_camera_that_takes_the_request_and_never_answers_times_out() {
        camera.answerNothing();
        long started = System.nanoTime();

        assertThatThrownBy(() -> client(camera, "turn & look", Duration.ofSeconds(1)).stop())
            .isInstanceOfSatisfying(OnvifRefusal.class, refusal -> assertThat(refusal.why()).isEqualTo(OnvifRefusal.Why.TIMED_OUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void velocities_are_written_to_a_thousandth_and_never_in_exponent_form() {
        assertThat(OnvifPtz.number(0.12345)).isEqualTo("0.123");
        assertThat(OnvifPtz.number(-1)).isEqualTo("-1");
        assertThat(OnvifPtz.number(0.0001)).isEqualTo("0");
        assertThat(OnvifPtz.number(1e-3)).isEqualTo("0.001");
    }

    @Test
    void an_independent_onvif_client_steers_the_double_and_reads_its_presets() throws Exception {
        OnvifCheck.assumeInstalled();

        JsonNode read = OnvifCheck.run(camera.deviceAddress(), "ptz", "turn & look", "ptz-sub");

        assertThat(read.path("error").isMissingNode()).as(read.toString()).isTrue();
        // agsh/onvif reads a token of digits as a number
        assertThat(read.path("ptz").path("before").valueStream().map(p -> p.path("token").asString() + "=" + p.path("name").asString()))
            .containsExactly("1=Gate");
        assertThat(read.path("ptz").path("after").valueStream().map(p -> p.path("name").asString())).containsExactly("Gate", "Checked");
        assertThat(camera.ptz).containsExactly(
            new PtzCommand("ContinuousMove", "ptz-sub", 0.5, -0.25, 0.0, "PT2S", null, null),
            new PtzCommand("Stop", "ptz-sub", null, null, null, null, null, null),
            new PtzCommand("GetPresets", "ptz-sub", null, null, null, null, null, null),
            new PtzCommand("GotoPreset", "ptz-sub", null, null, null, null, "1", null),
            new PtzCommand("SetPreset", "ptz-sub", null, null, null, null, "preset-2", "Checked"),
            new PtzCommand("GetPresets", "ptz-sub", null, null, null, null, null, null));
    }
}
