package org.safecity.video.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safecity.registry.StreamCredentials;
import org.safecity.storage.StorageSettings;
import org.safecity.video.StreamProbe;
import org.safecity.video.internal.Ffmpeg;
import org.safecity.video.internal.RtspTestServer;
import org.safecity.video.internal.VideoSettings;

/**
 * The stream probe against real RTSP streams (GStreamer's RTSP server): what a playable stream carries,
 * and why an address that yields no video was refused.
 */
class StreamProbeRealStreamTest {

    private static RtspTestServer open;
    private static RtspTestServer guarded;
    private static ProbingStreams probe;

    @BeforeAll
    static void streaming() throws IOException {
        RtspTestServer.assumeAvailable();
        var settings = new VideoSettings(true, null, null, List.of(), ".*", Duration.ofSeconds(2), Duration.ofSeconds(1), 6,
            Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(1), 30, Duration.ofMinutes(10),
            300, Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(1), 0);
        var storage = new StorageSettings(Path.of("target", "video-test").toAbsolutePath(), new StorageSettings.Database(null, null, null, 0, 1));
        var ffmpeg = new Ffmpeg(settings, storage);
        Path clip = RtspTestServer.clip(ffmpeg, "clip-640x360", "640x360", 180, "1M");
        open = new RtspTestServer(clip, List.of("/main"));
        open.start();
        guarded = new RtspTestServer(clip, List.of("/main"), "viewer", "s3cret:/@");
        guarded.start();
        probe = new ProbingStreams(ffmpeg, storage);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (open != null) {
            open.close();
        }
        if (guarded != null) {
            guarded.close();
        }
    }

    @Test
    void a_playable_stream_answers_its_codec_resolution_frame_rate_and_bitrate() {
        var result = probe.probe(open.url("/main"), null);

        assertThat(result).isInstanceOf(StreamProbe.Playable.class);
        var playable = (StreamProbe.Playable) result;
        assertThat(playable.codec()).isEqualTo("h264");
        assertThat(playable.resolution()).isEqualTo("640x360");
        assertThat(playable.frameRate()).isBetween(24.0, 26.0);
        // encoded at 1 Mbit/s: a few seconds measured land near it
        assertThat(playable.bitrate()).isBetween(300_000L, 3_000_000L);
    }

    @Test
    void a_stream_behind_credentials_plays_with_them_and_is_refused_as_wrong_credentials_without() {
        assertThat(probe.probe(guarded.url("/main"), new StreamCredentials("viewer", "s3cret:/@")))
            .isInstanceOf(StreamProbe.Playable.class);

        var refused = probe.probe(guarded.url("/main"), new StreamCredentials("viewer", "wrong"));

        assertThat(refused).isInstanceOf(StreamProbe.Unplayable.class);
        assertThat(((StreamProbe.Unplayable) refused).failure()).isEqualTo(StreamProbe.Failure.WRONG_CREDENTIALS);
        assertThat(((StreamProbe.Unplayable) refused).detail()).doesNotContain("wrong");
    }

    @Test
    void a_path_the_server_does_not_serve_is_not_found() {
        var refused = probe.probe(open.url("/nothing-here"), null);

        assertThat(refused).isInstanceOf(StreamProbe.Unplayable.class);
        assertThat(((StreamProbe.Unplayable) refused).failure()).isEqualTo(StreamProbe.Failure.NOT_FOUND);
    }

    @Test
    void a_port_or_path_with_401_or_404_in_it_is_not_taken_for_the_servers_answer() {
        assertThat(ProbingStreams.failure("rtsp://127.0.0.1:34017/cam401: Server returned 404 Not Found").failure())
            .isEqualTo(StreamProbe.Failure.NOT_FOUND);
        assertThat(ProbingStreams.failure("rtsp://127.0.0.1:40404/main: Server returned 401 Unauthorized (authorization failed)")
            .failure()).isEqualTo(StreamProbe.Failure.WRONG_CREDENTIALS);
        assertThat(ProbingStreams.failure("rtsp://10.4.0.1:4010/main: Connection refused").failure())
            .isEqualTo(StreamProbe.Failure.UNREACHABLE);
    }

    @Test
    void an_address_where_nothing_listens_is_unreachable() throws IOException {
        // port 1 (TCP port multiplexer) is served by nothing on these machines; a port found free a moment ago may be
        // taken by another test's RTSP server by the time the probe connects
        var refused = probe.probe("rtsp://127.0.0.1:1/main", null);

        assertThat(refused).isInstanceOf(StreamProbe.Unplayable.class);
        assertThat(((StreamProbe.Unplayable) refused).failure()).isEqualTo(StreamProbe.Failure.UNREACHABLE);
    }
}
