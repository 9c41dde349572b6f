package org.safecity.video.internal.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.identity.Role;
import org.safecity.shared.GeoPoint;
import org.safecity.storage.OwnerOnly;
import org.safecity.storage.StorageSettings;
import org.safecity.video.internal.Segment;
import org.safecity.video.internal.SegmentStore;
import org.safecity.video.internal.VideoFolders;
import org.safecity.video.internal.VideoTest;
import org.safecity.video.internal.recording.RecordingRealStreamsTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention deletes recordings past their days and beyond their quota, oldest first, and keeps what a
 * hold covers. The segments are written as files and indexed as the recorder does, dated in the past.
 */
class RetentionTest extends VideoTest {

    private static final int SIZE = 1000;

    @Autowired
    private SegmentStore segments;

    @Autowired
    private StorageSettings storage;

    /** Segments of the camera recorded {@code daysAgo} days ago, 10 s each, by label. */
    private Map<String, Segment> recordDaysAgo(long cameraId, int... daysAgo) throws IOException {
        var made = new LinkedHashMap<String, Segment>();
        Path root = VideoFolders.root(storage);
        for (int days : daysAgo) {
            Instant start = Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            String relative = cameraId + "/old/" + days + "-days.ts";
            // owner-only, as the recorder writes them (another test checks nothing under the data directory is readable by others)
            OwnerOnly.folders(root.resolve(relative).getParent());
            Files.write(OwnerOnly.file(root.resolve(relative)), new byte[SIZE]);
            long id = segments.insert(cameraId, start, start.plusSeconds(10), relative, SIZE, start, "test");
            made.put(days + " days", new Segment(id, cameraId, start, start.plusSeconds(10), relative, SIZE, start));
        }
        return made;
    }

    private boolean kept(Segment s) {
        return Files.exists(VideoFolders.root(storage).resolve(s.path())) && segments.find(s.cameraId(), s.id()).isPresent();
    }

    private boolean deleted(Segment s) {
        return !Files.exists(VideoFolders.root(storage).resolve(s.path())) && segments.find(s.cameraId(), s.id()).isEmpty();
    }

    @Test
    void segments_past_the_camera_s_days_are_deleted_oldest_first_unless_a_hold_covers_them_then_the_quota_applies() throws IOException {
        long camera = camera(admin(), "KRK", 33.1181, 71.0947, "rtsp://10.98.0.1:554/main", null);
        var s = recordDaysAgo(camera, 40, 39, 38, 2, 1, 0);
        var investigator = as("KRK", Role.INVESTIGATOR);
        var hold = investigator.post("/api/v1/cameras/" + camera + "/holds", Map.of("from", s.get("39 days").start().toString(),
            "to", s.get("39 days").end().toString(), "reason", "order of the sessions court, FIR 12/2026"));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        assertThat(admin().put("/api/v1/video/retention/camera/" + camera, Map.of("days", 30)).status()).isEqualTo(200);

        var run = admin().post("/api/v1/video/retention/run", Map.of());
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        var outcome = run.json();

        assertThat(outcome.get("segments").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(deleted(s.get("40 days"))).isTrue();
        assertThat(deleted(s.get("38 days"))).isTrue();
        assertThat(kept(s.get("39 days"))).as("held").isTrue();
        assertThat(kept(s.get("2 days"))).isTrue();
        assertThat(kept(s.get("1 days"))).isTrue();
        assertThat(kept(s.get("0 days"))).isTrue();

        // 4 segments (4000 bytes) remain, one held: a 2500-byte quota takes the two oldest unheld ones
        assertThat(admin().put("/api/v1/video/retention/camera/" + camera, Map.of("days", 30, "quotaBytes", 2500)).status())
            .isEqualTo(200);
        admin().post("/api/v1/video/retention/run", Map.of());

        assertThat(kept(s.get("39 days"))).as("held").isTrue();
        assertThat(deleted(s.get("2 days"))).isTrue();
        assertThat(deleted(s.get("1 days"))).isTrue();
        assertThat(kept(s.get("0 days"))).isTrue();
    }

    @Test
    void a_city_quota_deletes_the_oldest_segments_of_the_city_s_cameras_and_a_released_hold_no_longer_protects() throws IOException {
        long first = camera(admin(), "NWZ", 32.9900, 70.1000, "rtsp://10.98.0.2:554/main", null);
        long second = camera(admin(), "NWZ", 32.9910, 70.1010, "rtsp://10.98.0.3:554/main", null);
        var a = recordDaysAgo(first, 5, 3, 1);
        var b = recordDaysAgo(second, 4, 2);
        var supervisor = as("NWZ", Role.SUPERVISOR);
        long hold = supervisor.post("/api/v1/cameras/" + first + "/holds", Map.of("from", a.get("5 days").start().toString(),
            "to", a.get("5 days").end().toString(), "reason", "inquiry")).json().get("id").asLong();
        assertThat(admin().put("/api/v1/video/retention/city/nwz", Map.of("quotaBytes", 3000)).status()).isEqualTo(200);

        admin().post("/api/v1/video/retention/run", Map.of());

        // 5000 bytes in the city, quota 3000: the oldest unheld (4 and 3 days) go; the held 5-day one stays
        assertThat(kept(a.get("5 days"))).isTrue();
        assertThat(deleted(b.get("4 days"))).isTrue();
        assertThat(deleted(a.get("3 days"))).isTrue();
        assertThat(kept(b.get("2 days"))).isTrue();
        assertThat(kept(a.get("1 days"))).isTrue();

        assertThat(as("NWZ", Role.OPERATOR).post("/api/v1/video/holds/" + hold + "/release", Map.of("reason", "closed")).status())
            .isEqualTo(403);
        assertThat(supervisor.post("/api/v1/video/holds/" + hold + "/release", Map.of("reason", "inquiry closed")).status())
            .isEqualTo(200);
        assertThat(admin().put("/api/v1/video/retention/city/NWZ", Map.of("quotaBytes", 2500)).status()).isEqualTo(200);
        admin().post("/api/v1/video/retention/run", Map.of());
        assertThat(deleted(a.get("5 days"))).as("no longer held, the oldest").isTrue();
        assertThat(kept(b.get("2 days"))).isTrue();
    }

    @Test
    void an_incident_holds_the_footage_of_the_cameras_around_it() {
        var at = new GeoPoint(33.5869, 71.4429);
        long near = camera(admin(), "KHT", at.lat() + 0.0005, at.lon(), "rtsp://10.98.0.4:554/main", null);
        long far = camera(admin(), "KHT", at.lat() + 0.05, at.lon(), "rtsp://10.98.0.5:554/main", null);
        var body = org.safecity.emergency.Scene.incidentBody("THEFT", at);
        var incident = as("KHT", Role.OPERATOR).post("/api/v1/incidents", body);
        assertThat(incident.status()).as(incident.body()).isEqualTo(201);

        var investigator = as("KHT", Role.INVESTIGATOR);
        var holds = RecordingRealStreamsTest.waitFor(() -> investigator.get("/api/v1/cameras/" + near + "/holds").json().get("items"),
            h -> h.size() > 0, Duration.ofSeconds(20));
        assertThat(holds.get(0).get("kind").asString()).isEqualTo("INCIDENT");
        assertThat(holds.get(0).get("reference").asString()).isEqualTo("incident:" + incident.json().get("id").asLong());
        Instant from = Instant.parse(holds.get(0).get("from").asString());
        Instant to = Instant.parse(holds.get(0).get("to").asString());
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofMinutes(150));
        assertThat(investigator.get("/api/v1/cameras/" + far + "/holds").json().get("items").size()).isZero();
    }

    @Test
    void a_legal_hold_needs_a_reason_and_a_supervisor_or_investigator_of_the_camera_s_city() {
        long camera = camera(admin(), "KRK", 33.1190, 71.0950, "rtsp://10.98.0.6:554/main", null);
        var body = Map.of("from", "2026-11-20T10:00:00Z", "to", "2026-11-20T11:00:00Z", "reason", "FIR 44/2026");
        assertThat(as("KRK", Role.OPERATOR).post("/api/v1/cameras/" + camera + "/holds", body).status()).isEqualTo(403);
        assertThat(as("MRD", Role.INVESTIGATOR).post("/api/v1/cameras/" + camera + "/holds", body).status()).isEqualTo(404);
        var noReason = as("KRK", Role.INVESTIGATOR).post("/api/v1/cameras/" + camera + "/holds",
            Map.of("from", "2026-11-20T10:00:00Z", "to", "2026-11-20T11:00:00Z"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.isProblem()).isTrue();
        assertThat(as("KRK", Role.INVESTIGATOR).get("/api/v1/cameras/" + camera + "/holds").json().get("items").size()).isZero();
        assertThat(as("KRK", Role.SUPERVISOR).post("/api/v1/cameras/" + camera + "/holds", body).status()).isEqualTo(201);
    }
}
