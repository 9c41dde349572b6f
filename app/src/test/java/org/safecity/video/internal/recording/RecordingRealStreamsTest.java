package org.safecity.video.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.safecity.SafeCityApi;
import org.safecity.identity.Role;
import org.safecity.shared.ShownTime;
import org.safecity.video.internal.Ffmpeg;
import org.safecity.video.internal.RtspTestServer;
import org.safecity.video.internal.VideoSettings;
import org.safecity.video.internal.VideoTest;
import org.safecity.video.internal.clips.ExportingClips;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Records a real RTSP stream (GStreamer's RTSP server, over TCP) end to end: segments indexed as they
 * close, live HLS, playback, snapshot, clip export checked with ffprobe, and a cut stream detected,
 * alerted and recovered. The camera stands in Mardan.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class RecordingRealStreamsTest extends VideoTest {

    private static RtspTestServer server;
    private static Path sourceClip;
    private static long cameraId;
    private static Instant recordingSince;

    @Autowired
    private Ffmpeg ffmpeg;

    @Autowired
    private VideoSettings settings;

    @Autowired
    private org.safecity.storage.StorageSettings storage;

    @BeforeEach
    void streaming() throws IOException {
        RtspTestServer.assumeAvailable();
        if (server == null) {
            sourceClip = RtspTestServer.clip(ffmpeg, "clip-640x360", "640x360", 180, "1M");
            server = new RtspTestServer(sourceClip, List.of("/main", "/sub"));
            server.start();
            recordingSince = Instant.now();
            cameraId = camera(admin(), "MRD", 34.2001, 72.0501, server.url("/main"), server.url("/sub"));
        }
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void a_camera_stream_is_recorded_into_segments_indexed_as_each_closes() throws IOException {
        var operator = as("MRD", Role.OPERATOR);
        JsonNode recordings = waitFor(() -> operator.get(path("/recordings?from=" + recordingSince.minusSeconds(5))).json(),
            r -> r.get("items").size() >= 3, Duration.ofSeconds(60));

        var items = recordings.get("items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            double seconds = Duration.between(Instant.parse(item.get("start").asString()), Instant.parse(item.get("end").asString()))
                .toMillis() / 1000.0;
            // cut at the first key frame after 2 s (one every 2 s); the first starts wherever the stream was joined
            assertThat(seconds).as("segment length").isBetween(i == 0 ? 0.5 : 1.5, i == 0 ? 4.5 : 2.5);
            assertThat(item.get("bytes").asLong()).isPositive();
            if (i > 0) {
                assertThat(item.get("start").asString()).as("segments follow each other").isEqualTo(items.get(i - 1).get("end").asString());
            }
        }
        Path file = Files.createTempFile("segment", ".ts");
        var segment = operator.download(path("/segments/" + items.get(1).get("id").asLong() + ".ts"), file);
        assertThat(segment.status()).isEqualTo(200);
        assertThat(segment.contentType()).startsWith("video/mp2t");
        assertThat(Files.size(file)).isEqualTo(items.get(1).get("bytes").asLong());
        assertThat(Files.readAllBytes(file)[0]).as("MPEG-TS sync byte").isEqualTo((byte) 0x47);
        Files.delete(file);

        JsonNode health = waitFor(() -> operator.get(path("/health")).json(), h -> h.get("fps").isNumber(), Duration.ofSeconds(20));
        assertThat(health.get("online").asBoolean()).isTrue();
        assertThat(health.get("recording").asBoolean()).isTrue();
        assertThat(health.get("fps").asDouble()).isBetween(20.0, 30.0);
        assertThat(health.get("bitrateKbps").asDouble()).isBetween(300.0, 3000.0);
        assertThat(health.get("lastKeyframeAt").isString()).isTrue();
        assertThat(admin().get("/api/v1/cameras/" + cameraId).json().get("status").asString()).isEqualTo("ONLINE");
    }

    @Test
    @Order(2)
    void live_and_playback_playlists_parse_and_their_segments_are_served() {
        var operator = as("MRD", Role.OPERATOR);
        var live = waitFor(() -> operator.get(path("/live.m3u8")), r -> r.status() == 200, Duration.ofSeconds(30));
        assertThat(live.contentType()).startsWith("application/vnd.apple.mpegurl");
        List<String> liveLines = live.body().lines().toList();
        assertThat(liveLines.getFirst()).isEqualTo("#EXTM3U");
        assertThat(liveLines).anyMatch(l -> l.startsWith("#EXTINF:")).noneMatch(l -> l.equals("#EXT-X-ENDLIST"));
        String liveSegment = liveLines.stream().filter(l -> l.startsWith("live/")).reduce((a, b) -> b).orElseThrow();
        assertThat(operator.get(path("/" + liveSegment)).status()).isEqualTo(200);

        Instant to = Instant.now();
        var recordings = operator.get(path("/recordings?from=" + recordingSince.minusSeconds(5) + "&to=" + to)).json().get("items");
        var playback = operator.get(path("/playback.m3u8?from=" + recordingSince.minusSeconds(5) + "&to=" + to));
        assertThat(playback.status()).isEqualTo(200);
        List<String> lines = playback.body().lines().toList();
        assertThat(lines).contains("#EXTM3U", "#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-ENDLIST");
        List<String> uris = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(uris).hasSize(recordings.size());
        assertThat(uris.getFirst()).isEqualTo("segments/" + recordings.get(0).get("id").asLong() + ".ts");
        assertThat(lines.stream().filter(l -> l.startsWith("#EXTINF:")).count()).isEqualTo(recordings.size());
        assertThat(operator.get(path("/" + uris.getLast())).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void a_snapshot_is_a_jpeg_of_the_latest_picture() throws IOException {
        Path file = Files.createTempFile("snapshot", ".jpg");
        var snapshot = as("MRD", Role.DISPATCHER).download(path("/snapshot.jpg"), file);
        assertThat(snapshot.status()).isEqualTo(200);
        assertThat(snapshot.contentType()).startsWith("image/jpeg");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).isGreaterThan(1000);
        assertThat(new byte[] {bytes[0], bytes[1], bytes[bytes.length - 2], bytes[bytes.length - 1]})
            .as("JPEG start and end markers").containsExactly(0xFF, 0xD8, 0xFF, 0xD9);
        String probe = new String(ffmpeg.probe(List.of("-v", "error", "-show_entries", "stream=codec_name,width,height", "-of",
            "default=noprint_wrappers=1", file.toString()), 30), StandardCharsets.UTF_8);
        assertThat(probe).contains("codec_name=mjpeg", "width=640", "height=360");
        Files.delete(file);
    }

    @Test
    @Order(4)
    void an_exported_clip_is_one_mp4_of_the_requested_range_with_the_source_video_unchanged() throws Exception {
        var investigator = as("MRD", Role.INVESTIGATOR);
        var items = investigator.get(path("/recordings?from=" + recordingSince.minusSeconds(5))).json().get("items");
        Instant from = Instant.parse(items.get(1).get("start").asString()).plusMillis(500);
        Instant to = from.plusSeconds(4);

        var requested = investigator.post(path("/clips"), Map.of("from", from.toString(), "to", to.toString()));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.json().get("status").asString()).isEqualTo("PENDING");
        String clipId = requested.json().get("id").asString();
        JsonNode clip = waitFor(() -> investigator.get("/api/v1/clips/" + clipId).json(),
            c -> !c.get("status").asString().equals("PENDING"), Duration.ofSeconds(60));
        assertThat(clip.get("status").asString()).as(clip.toString()).isEqualTo("READY");

        Path file = Files.createTempFile("clip", ".mp4");
        var download = investigator.download(clip.get("downloadUrl").asString(), file);
        assertThat(download.status()).isEqualTo(200);
        assertThat(Files.size(file)).isEqualTo(clip.get("bytes").asLong());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))))
            .isEqualTo(clip.get("sha256").asString());
        String probe = new String(ffmpeg.probe(List.of("-v", "error", "-select_streams", "v:0", "-show_entries",
            "stream=codec_name,profile,width,height:format=format_name,duration", "-of", "default=noprint_wrappers=1",
            file.toString()), 30), StandardCharsets.UTF_8);
        String source = new String(ffmpeg.probe(List.of("-v", "error", "-select_streams", "v:0", "-show_entries",
            "stream=codec_name,profile,width,height", "-of", "default=noprint_wrappers=1", sourceClip.toString()), 30), StandardCharsets.UTF_8);
        // same codec, profile and size as the camera's stream: copied, not re-encoded
        assertThat(probe).contains(source.strip().split("\n")).contains("codec_name=h264", "width=640", "format_name=mov,mp4");
        double duration = Double.parseDouble(probe.lines().filter(l -> l.startsWith("duration=")).findFirst().orElseThrow().substring(9));
        // it begins with the segment holding the start (0.5 s early here), as stream copy begins on a key frame
        assertThat(duration).isBetween(4.0, 5.0);
        // ...and says so: its record and the MP4 give the time of its first picture, not the time asked for
        Instant firstFrameAt = Instant.parse(clip.get("firstFrameAt").asString());
        Instant lastFrameAt = Instant.parse(clip.get("lastFrameAt").asString());
        assertThat(firstFrameAt).isEqualTo(Instant.parse(items.get(1).get("start").asString())).isBefore(from);
        assertThat(lastFrameAt).isBetween(to.minusSeconds(1), to);
        assertThat(Duration.between(firstFrameAt, lastFrameAt).toMillis() / 1000.0).isCloseTo(duration, org.assertj.core.data.Offset.offset(0.5));
        String tags = new String(ffmpeg.probe(List.of("-v", "error", "-show_entries", "format_tags=creation_time", "-of",
            "default=noprint_wrappers=1:nokey=1", file.toString()), 30), StandardCharsets.UTF_8).strip();
        // MP4 keeps whole seconds
        assertThat(Instant.parse(tags)).isEqualTo(firstFrameAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        Files.delete(file);
    }

    @Test
    @Order(5)
    void a_clip_exported_to_a_case_becomes_a_sealed_evidence_item_and_its_footage_is_held() {
        var investigator = as("MRD", Role.INVESTIGATOR);
        var opened = investigator.post("/api/v1/cases", Map.of("firNumber", "FIR-" + System.nanoTime() + "/2026",
            "policeStation", "City Mardan", "offence", "snatching near the bus stand"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String caseId = opened.json().get("id").asString();
        var items = investigator.get(path("/recordings?from=" + recordingSince.minusSeconds(5))).json().get("items");
        Instant from = Instant.parse(items.get(1).get("start").asString());
        Instant to = from.plusSeconds(3);

        String clipId = investigator.post(path("/clips"), Map.of("from", from.toString(), "to", to.toString(), "caseId", caseId))
            .json().get("id").asString();
        JsonNode clip = waitFor(() -> investigator.get("/api/v1/clips/" + clipId).json(),
            c -> !c.get("status").asString().equals("PENDING"), Duration.ofSeconds(60));

        assertThat(clip.get("status").asString()).as(clip.toString()).isEqualTo("READY");
        String item = clip.get("evidenceItemId").asString();
        var caseFile = investigator.get("/api/v1/cases/" + caseId).json();
        assertThat(caseFile.toString()).contains(item, clip.get("sha256").asString(),
            "first picture " + ShownTime.of(Instant.parse(clip.get("firstFrameAt").asString())),
            "last picture " + ShownTime.of(Instant.parse(clip.get("lastFrameAt").asString())),
            // the evidence file is named by its first picture in Pakistan time, and says so
            ExportingClips.clipName(clip.get("cameraId").asLong(), Instant.parse(clip.get("firstFrameAt").asString())));
        assertThat(ExportingClips.clipName(7, Instant.parse("2026-12-04T16:05:33Z"))).isEqualTo("camera-7-2026-12-04_21-05-33_PKT.mp4");
        var holds = as("MRD", Role.SUPERVISOR).get(path("/holds")).json().get("items");
        assertThat(holds.valueStream().anyMatch(h -> h.get("kind").asString().equals("EVIDENCE")
            && h.get("reference").asString().equals("clip:" + clipId))).isTrue();
        assertThat(as("MRD", Role.OPERATOR).post(path("/clips"), Map.of("from", from.toString(), "to", to.toString(),
            "caseId", java.util.UUID.randomUUID().toString())).status()).as("a case the caller is not on").isEqualTo(404);
    }

    @Test
    @Order(6)
    void a_cut_stream_marks_the_camera_offline_raises_an_alert_and_recording_resumes_when_it_returns() throws Exception {
        var operator = as("MRD", Role.OPERATOR);
        waitFor(() -> operator.get(path("/health")).json(), h -> h.get("online").asBoolean(), Duration.ofSeconds(30));

        server.kill();
        Instant cut = Instant.now();
        JsonNode dark = waitFor(() -> operator.get(path("/health")).json(), h -> !h.get("online").asBoolean(), Duration.ofSeconds(30));
        assertThat(dark.get("lastError").isString()).isTrue();
        // the camera's status follows the recorder's report of the dark stream, a moment later on a busy machine
        waitFor(() -> admin().get("/api/v1/cameras/" + cameraId).json().get("status").asString(), "OFFLINE"::equals, Duration.ofSeconds(10));
        JsonNode alert = waitFor(() -> offlineAlert(operator), a -> a != null, Duration.ofSeconds(20));
        assertThat(alert.get("priority").asString()).isEqualTo("MEDIUM");

        server.start();
        Instant back = Instant.now();
        JsonNode resumed = waitFor(() -> operator.get(path("/recordings?from=" + cut.minusSeconds(30))).json(),
            r -> r.get("items").valueStream().anyMatch(i -> Instant.parse(i.get("start").asString()).isAfter(back)),
            Duration.ofSeconds(60));
        assertThat(resumed.get("gaps").valueStream().anyMatch(g -> !Instant.parse(g.get("end").asString()).isBefore(cut)
            && Instant.parse(g.get("start").asString()).isBefore(back))).as("the outage is a gap").isTrue();
        JsonNode health = waitFor(() -> operator.get(path("/health")).json(), h -> h.get("online").asBoolean(), Duration.ofSeconds(30));
        assertThat(health.get("restartsToday").asInt()).isPositive();
        assertThat(admin().get("/api/v1/cameras/" + cameraId).json().get("status").asString()).isEqualTo("ONLINE");
    }

    @Test
    @Order(7)
    void video_is_for_the_watching_roles_of_the_camera_s_jurisdiction() {
        for (String endpoint : List.of("/health", "/live.m3u8", "/recordings", "/snapshot.jpg")) {
            assertThat(as("PSH", Role.OPERATOR).get(path(endpoint)).status()).as(endpoint).isEqualTo(404);
            assertThat(as(Role.TRAFFIC_REVIEWER).get(path(endpoint)).status()).as(endpoint).isEqualTo(403);
        }
        assertThat(as("MRD", Role.SUPERVISOR).get(path("/health")).status()).isEqualTo(200);
        var mardanList = as("MRD", Role.OPERATOR).get("/api/v1/video/cameras?q=" + cameraId).json();
        assertThat(mardanList.get("items").valueStream().map(i -> i.get("cameraId").asLong())).containsExactly(cameraId);
        assertThat(as("PSH", Role.OPERATOR).get("/api/v1/video/cameras?q=" + cameraId).json().get("total").asInt()).isZero();
    }

    @Test
    @Order(8)
    void stopping_a_recorder_ends_its_ffmpeg_and_keeps_the_segment_it_was_writing() throws Exception {
        var closed = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var reports = new StreamRecorder.Reports() {
            @Override
            public void flowing(long camera, Instant at) {
            }

            @Override
            public void wentDark(long camera, Instant lastDataAt, Instant at, String reason) {
            }

            @Override
            public void segmentClosed(long camera, Instant start, Instant end, String path, long bytes, Instant runStartedAt) {
                closed.add(path);
            }
        };
        Path root = Files.createTempDirectory("recorder");
        var recorder = new StreamRecorder(999_999, new StreamSource.Rtsp(server.url("/main"), null, null), root, ffmpeg, settings,
            reports, java.time.Clock.systemUTC());
        recorder.start();
        // the stop must find FFmpeg writing a segment: a run that ended on its own (a slow start on a busy machine
        // counts as silence) leaves nothing open, so wait for video flowing in the run now going
        Process process = waitFor(() -> {
            Process running = recorder.process();
            return running != null && running.isAlive() && recorder.health().online()
                && Files.exists(root.resolve("999999/live/live.m3u8")) ? running : null;
        }, running -> running != null, Duration.ofSeconds(30));
        int before = closed.size();
        CameraHealth beforeStop = recorder.health();

        recorder.stop();

        assertThat(process.isAlive()).isFalse();
        assertThat(closed.size()).as("the open segment is closed and reported; before the stop: %s", beforeStop)
            .isGreaterThan(before);
        assertThat(closed).allMatch(path -> Files.exists(root.resolve(path)));
        org.springframework.util.FileSystemUtils.deleteRecursively(root);
    }

    @Test
    @Order(9)
    void a_camera_s_password_is_in_no_process_s_arguments_or_environment_while_its_stream_is_recorded() throws Exception {
        String password = "pw-" + java.util.UUID.randomUUID();
        try (var guarded = new RtspTestServer(sourceClip, List.of("/guarded"), "viewer", password)) {
            guarded.start();
            long camera = camera(admin(), "MRD", 34.2003, 72.0503, guarded.url("/guarded"), null,
                Map.of("username", "viewer", "password", password));
            var operator = as("MRD", Role.OPERATOR);
            Instant since = Instant.now().minusSeconds(5);

            waitFor(() -> operator.get("/api/v1/cameras/" + camera + "/recordings?from=" + since).json(),
                r -> r.get("items").size() >= 1, Duration.ofSeconds(60));

            assertThat(processesRevealing(password)).as("processes whose arguments or environment hold the password").isEmpty();
        }
    }

    @Test
    @Order(10)
    void everything_recording_wrote_under_the_data_directory_is_for_safecity_s_account_alone() throws IOException {
        var exposed = org.safecity.storage.OwnerOnlyFiles.exposedUnder(storage.dataDir());

        assertThat(exposed).as("files or folders others may read, write or enter").isEmpty();
    }

    /** The processes (pid and where) whose command line or environment contain the text; those this user cannot read are skipped. */
    private static List<String> processesRevealing(String text) throws IOException {
        var found = new java.util.ArrayList<String>();
        try (var processes = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                for (String part : List.of("cmdline", "environ")) {
                    try {
                        if (new String(Files.readAllBytes(process.resolve(part)), StandardCharsets.UTF_8).contains(text)) {
                            found.add(process.getFileName() + " " + part);
                        }
                    } catch (IOException ended) {
                        // gone, or not ours to read
                    }
                }
            }
        }
        return found;
    }

    private JsonNode offlineAlert(SafeCityApi operator) {
        return operator.get("/api/v1/alerts").json().get("items").valueStream()
            .filter(a -> a.get("type").asString().equals("CAMERA_OFFLINE") && a.get("cameraId").asLong() == cameraId)
            .findFirst().orElse(null);
    }

    private static String path(String rest) {
        return "/api/v1/cameras/" + cameraId + rest;
    }

    public static <T> T waitFor(Supplier<T> read, java.util.function.Predicate<T> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.get();
        while (!until.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout + ": " + value);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = read.get();
        }
        return value;
    }
}
