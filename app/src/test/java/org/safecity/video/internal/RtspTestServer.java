package org.safecity.video.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real RTSP server (GStreamer's gst-rtsp-server, Debian packages {@code python3-gi
 * gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base/-good/-bad}) serving an H.264 clip made by FFmpeg.
 * Without those packages the tests that need it are skipped, except in CI ({@code CI} set), where they fail.
 */
public final class RtspTestServer implements AutoCloseable {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private final int port;
    private final Path clip;
    private final List<String> paths;
    private final String username;
    private final String password;
    private Process process;

    public RtspTestServer(Path clip, List<String> paths) {
        this(clip, paths, null, null);
    }

    /** A server relaying, on each path, the live H.264 RTP stream sent to {@code rtpPort} on this machine (see {@link ClockCamera}). */
    static RtspTestServer relaying(int rtpPort, List<String> paths) {
        return new RtspTestServer(Path.of("rtp:" + rtpPort), paths);
    }

    /** A server whose streams require this username and password (RTSP Basic authentication). */
    public RtspTestServer(Path clip, List<String> paths, String username, String password) {
        this.port = freePort();
        this.clip = clip;
        this.paths = paths;
        this.username = username;
        this.password = password;
    }

    /** Skips the calling test (fails it in CI) unless GStreamer's RTSP server can run here. */
    public static void assumeAvailable() {
        boolean available = Files.isExecutable(PYTHON) && probe();
        if (System.getenv("CI") != null) {
            if (!available) {
                throw new IllegalStateException("the RTSP test server needs /usr/bin/python3 with python3-gi, "
                    + "gir1.2-gst-rtsp-server-1.0 and gstreamer1.0-plugins-base/-good/-bad (see .ci/run)");
            }
        } else {
            Assumptions.assumeTrue(available, "GStreamer's RTSP server (python3-gi, gir1.2-gst-rtsp-server-1.0) is not installed");
        }
    }

    private static boolean probe() {
        try {
            var p = new ProcessBuilder(PYTHON.toString(), "-c", "import gi; gi.require_version('GstRtspServer', '1.0'); "
                + "from gi.repository import Gst, GstRtspServer; Gst.init(None); "
                + "import sys; sys.exit(0 if all(Gst.ElementFactory.find(e) for e in "
                + "['tsdemux', 'h264parse', 'rtph264pay', 'filesrc']) else 1)").redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** {@link #clip(Ffmpeg, String, String, int, String)} with the shipped FFmpeg, for tests outside video. */
    public static Path clip(String name, String size, int seconds, String bitrate) throws IOException {
        var settings = new VideoSettings(true, null, null, List.of(), ".*", java.time.Duration.ofSeconds(2),
            java.time.Duration.ofSeconds(1), 6, java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(500),
            java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(1), 30, java.time.Duration.ofMinutes(10), 300,
            java.time.Duration.ofMinutes(30), java.time.Duration.ofHours(2), java.time.Duration.ofHours(1), 0);
        var storage = new org.safecity.storage.StorageSettings(Path.of("target", "video-test").toAbsolutePath(),
            new org.safecity.storage.StorageSettings.Database(null, null, null, 0, 1));
        return clip(new Ffmpeg(settings, storage), name, size, seconds, bitrate);
    }

    /** An H.264 test-pattern clip (MPEG-TS, key frame every 2 s), made once per build under {@code target/}. */
    public static Path clip(Ffmpeg ffmpeg, String name, String size, int seconds, String bitrate) throws IOException {
        Path clip = Path.of("target", "video-test", name + ".ts").toAbsolutePath();
        if (!Files.exists(clip)) {
            Files.createDirectories(clip.getParent());
            Path partial = clip.resolveSibling(name + ".partial.ts");
            ffmpeg.run(List.of("-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=25",
                "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-profile:v", "main", "-pix_fmt", "yuv420p",
                "-g", "50", "-b:v", bitrate, "-maxrate", bitrate, "-bufsize", bitrate, "-f", "mpegts", partial.toString()), 600);
            Files.move(partial, clip);
        }
        return clip;
    }

    public String url(String path) {
        return "rtsp://127.0.0.1:" + port + path;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        var command = new ArrayList<>(List.of(PYTHON.toString(), script().toString(), Integer.toString(port), clip.toString()));
        command.addAll(paths);
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (username != null) {
                builder.environment().put("RTSP_AUTH", "stdin");
            }
            process = builder.start();
            try (var credentials = process.getOutputStream()) {
                if (username != null) {
                    credentials.write((username + "\n" + password + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (!"ready".equals(line)) {
                process.destroyForcibly();
                throw new IllegalStateException("the RTSP test server did not start: " + line);
            }
            Thread.ofVirtual().start(() -> {
                try {
                    reader.transferTo(java.io.Writer.nullWriter());
                } catch (IOException ignored) {
                    // the server ended
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts every stream at once, as a camera losing power would. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static Path script() {
        try {
            Path script = Files.createTempFile("rtsp-server", ".py");
            try (var in = RtspTestServer.class.getResourceAsStream("/video/rtsp-server.py")) {
                Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            script.toFile().deleteOnExit();
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
