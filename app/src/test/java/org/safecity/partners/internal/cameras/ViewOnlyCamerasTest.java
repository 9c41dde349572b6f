package org.safecity.partners.internal.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.partners.PartnerFixtures;
import org.safecity.partners.PremisesStreams;
import org.safecity.registry.CameraPresence;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A view-only camera (a school's: the Authority may only view it on demand) is pulled by no recorder; it is
 * judged by periodic probes of its real RTSP stream, recorded as its presence, not by a recording nobody makes.
 */
class ViewOnlyCamerasTest extends IntegrationTest {

    @RegisterExtension
    static final PremisesStreams STREAMS = new PremisesStreams();

    @Autowired
    CheckingViewOnlyCameras checks;
    @Autowired
    CameraPresence presence;
    @Autowired
    JdbcClient jdbc;

    private long viewOnlyCamera(long premisesId, SafeCityApi manager) {
        var added = manager.post("/api/v1/premises/" + premisesId + "/cameras", Map.of("name", "Gate", "streamAddress", STREAMS.hd()));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("recorded").asBoolean()).isFalse();
        return added.json().get("cameraId").asLong();
    }

    private List<String> reasonsAbout(long premisesId, long cameraId) {
        JsonNode reasons = admin().get("/api/v1/premises/" + premisesId).json().get("compliance").get("reasons");
        return reasons.valueStream().filter(r -> r.has("cameraId") && r.get("cameraId").asLong() == cameraId)
            .map(r -> r.get("code").asString()).toList();
    }

    private String history(long premisesId) {
        return admin().get("/api/v1/premises/" + premisesId + "/history").json().get(0).get("reasons").toString();
    }

    @Test
    void a_view_only_camera_that_answers_its_checks_is_heard_from_though_nobody_records_it() throws Exception {
        var fixtures = new PartnerFixtures(admin(), anonymous);
        long id = fixtures.school();
        long camera = viewOnlyCamera(id, fixtures.managerOf(id));
        assertThat(checks.viewOnly()).extracting(c -> c.id()).contains(camera);

        // the probe that accepted it heard it; the silence allowed in tests (5 s) passes and it is still heard from
        Thread.sleep(6_000);
        assertThat(presence.now(List.of(camera)).get(camera).observed()).isEqualTo(CameraPresence.Observed.ONLINE);
        assertThat(reasonsAbout(id, camera)).doesNotContain("NOT_HEARD_FROM", "OFFLINE_TOO_OFTEN");

        assertThat(checks.check(camera)).isEqualTo(CheckingViewOnlyCameras.Found.ANSWERING);
        var seen = presence.now(List.of(camera)).get(camera);
        assertThat(seen.observed()).isEqualTo(CameraPresence.Observed.ONLINE);
        assertThat(seen.lastHeard()).as("a check's promise is not a time heard").isBeforeOrEqualTo(Instant.now());
        assertThat(presence.shareHeard(List.of(camera), Instant.now().minusSeconds(5), Instant.now()).get(camera)).isGreaterThan(0.9);
    }

    @Test
    void a_view_only_camera_whose_stream_stops_answering_is_silent_from_that_check_and_counts_against_its_premises()
        throws Exception {
        var fixtures = new PartnerFixtures(admin(), anonymous);
        long id = fixtures.school();
        long camera = viewOnlyCamera(id, fixtures.managerOf(id));
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // the camera's stream goes away (its recorder unplugged): its address now leads nowhere
        jdbc.sql("update registry.camera set main_stream = ? where id = ?").params("rtsp://127.0.0.1:" + closed + "/main", camera).update();

        assertThat(checks.check(camera)).isEqualTo(CheckingViewOnlyCameras.Found.SILENT);
        assertThat(presence.now(List.of(camera)).get(camera).observed()).isEqualTo(CameraPresence.Observed.OFFLINE);

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!reasonsAbout(id, camera).contains("NOT_HEARD_FROM") && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(reasonsAbout(id, camera)).contains("NOT_HEARD_FROM");
        // the scheduled evaluation records it in the history
        while (!history(id).contains("NOT_HEARD_FROM") && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(history(id)).contains("NOT_HEARD_FROM").contains("\"cameraId\":" + camera);
    }
}
