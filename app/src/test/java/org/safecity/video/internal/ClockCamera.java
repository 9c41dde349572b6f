package org.safecity.video.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A camera whose picture carries the wall-clock time it was taken, for measuring live video's delay
 * from camera to screen. Each frame (640x360, 25 frames/s, grey) is drawn as it is sent: the time's
 * low 32 bits of milliseconds and an 8-bit check as 40 black or white squares of 40 pixels (8 across,
 * 5 down, most significant first) in its top-left corner, and a bar sweeping below them so the picture
 * moves. The shipped FFmpeg encodes it as a camera would (H.264, a key frame every second, no
 * B-frames, no look-ahead) and sends it as RTP to GStreamer's RTSP server, which serves it at
 * {@link #url()}. A page reads the time back with {@link #READ_FRAME_SCRIPT}.
 */
final class ClockCamera implements AutoCloseable {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final int SQUARE = 40;
    static final int FPS = 25;

    /**
     * JavaScript: given a video element (arguments[0]) and a number of seconds (arguments[1]), calls back
     * (the last argument, as Selenium's executeAsyncScript gives it) with the delay in milliseconds of
     * each frame shown meanwhile: the moment the browser composited it, less the time in its picture.
     */
    static final String READ_FRAME_SCRIPT = """
        const [video, seconds, done] = arguments;
        const canvas = document.createElement('canvas');
        canvas.width = %d; canvas.height = %d;
        const context = canvas.getContext('2d', { willReadFrequently: true });
        const delays = [];
        const until = performance.now() + seconds * 1000;
        let finished = false;
        const finish = () => { if (!finished) { finished = true; done(delays); } };
        setTimeout(finish, seconds * 1000 + 1000); // also when the picture stops and no frame comes
        const read = (now, frame) => {
          context.drawImage(video, 0, 0, canvas.width, canvas.height);
          const pixels = context.getImageData(0, 0, 8 * %d, 5 * %d).data;
          const bit = (i) => {
            const x = (i %% 8) * %d + %d / 2, y = Math.floor(i / 8) * %d + %d / 2;
            return pixels[(y * 8 * %d + x) * 4] > 127 ? 1 : 0;
          };
          let time = 0, check = 0;
          for (let i = 0; i < 32; i += 1) time = time * 2 + bit(i);
          for (let i = 32; i < 40; i += 1) check = check * 2 + bit(i);
          const bytes = [time >>> 24, (time >>> 16) & 255, (time >>> 8) & 255, time & 255];
          if (((bytes[0] ^ bytes[1] ^ bytes[2] ^ bytes[3]) ^ 0x5a) === check) {
            const shown = performance.timeOrigin + (frame.expectedDisplayTime ?? now);
            delays.push((((Math.round(shown) - time) %% 4294967296) + 4294967296) %% 4294967296);
          }
          if (now < until) video.requestVideoFrameCallback(read);
          else finish();
        };
        video.requestVideoFrameCallback(read);
        """.formatted(WIDTH, HEIGHT, SQUARE, SQUARE, SQUARE, SQUARE, SQUARE, SQUARE, SQUARE);

    private final Ffmpeg ffmpeg;
    private final RtspTestServer server;
    private final int rtpPort = RtspTestServer.freePort();
    private Process encoder;
    private Thread painter;
    private volatile boolean running;

    ClockCamera(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
        this.server = RtspTestServer.relaying(rtpPort, List.of("/clock"));
    }

    String url() {
        return server.url("/clock");
    }

    void start() throws IOException {
        RtspTestServer.assumeAvailable();
        encoder = ffmpeg.ffmpeg(List.of("-hide_banner", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "gray",
                "-s", WIDTH + "x" + HEIGHT, "-r", Integer.toString(FPS), "-i", "-", "-c:v", "libx264", "-preset", "ultrafast",
                "-tune", "zerolatency", "-profile:v", "baseline", "-pix_fmt", "yuv420p", "-g", Integer.toString(FPS), "-b:v", "1M",
                "-x264-params", "repeat-headers=1", "-f", "rtp", "rtp://127.0.0.1:" + rtpPort + "?pkt_size=1200"))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        running = true;
        painter = Thread.ofPlatform().name("clock-camera").daemon().start(this::paint);
        server.start();
    }

    /** Draws and sends a frame every 1/25 s, stamped with the moment it is sent. */
    private void paint() {
        byte[] frame = new byte[WIDTH * HEIGHT];
        long period = 1_000_000_000L / FPS;
        long next = System.nanoTime();
        try (OutputStream out = encoder.getOutputStream()) {
            for (long n = 0; running; n++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                next += period;
                draw(frame, System.currentTimeMillis(), n);
                out.write(frame);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the encoder ended or the camera was closed
        }
    }

    static void draw(byte[] frame, long millis, long n) {
        java.util.Arrays.fill(frame, (byte) 96);
        int time = (int) millis;
        int check = ((time >>> 24) ^ (time >>> 16) ^ (time >>> 8) ^ time ^ 0x5a) & 0xff;
        long bits = ((time & 0xffffffffL) << 8) | check;
        for (int i = 0; i < 40; i++) {
            byte shade = ((bits >>> (39 - i)) & 1) == 1 ? (byte) 255 : 0;
            int x0 = (i % 8) * SQUARE;
            int y0 = (i / 8) * SQUARE;
            for (int y = y0; y < y0 + SQUARE; y++) {
                java.util.Arrays.fill(frame, y * WIDTH + x0, y * WIDTH + x0 + SQUARE, shade);
            }
        }
        int bar = (int) (n * 8 % WIDTH);
        for (int y = 5 * SQUARE + 20; y < HEIGHT; y++) {
            java.util.Arrays.fill(frame, y * WIDTH + bar, y * WIDTH + Math.min(WIDTH, bar + 24), (byte) 230);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (painter != null) {
            painter.join(2_000);
        }
        if (encoder != null) {
            encoder.destroy();
            encoder.waitFor(5, TimeUnit.SECONDS);
        }
        server.close();
    }
}
