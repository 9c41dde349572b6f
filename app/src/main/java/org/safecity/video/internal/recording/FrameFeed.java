package org.safecity.video.internal.recording;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.safecity.video.CameraFrame;
import org.safecity.video.FrameRequest;
import org.safecity.video.FrameTap;
import org.safecity.video.internal.NamedPipe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decoded frames of one FFmpeg run, for the {@link FrameTap}. FFmpeg writes them as PPM pictures
 * (each names its own size) into a named pipe; a reader thread that does nothing else drains it, so a
 * slow receiver can never fill the pipe and stall FFmpeg, and with it the recording. The reader leaves
 * only the newest frame for the delivery thread; one that was still waiting is dropped and counted.
 */
final class FrameFeed {

    private static final Logger log = LoggerFactory.getLogger(FrameFeed.class);
    private static final Duration LOG_DROPS_EVERY = Duration.ofMinutes(1);
    static final String PIPE = "frames.pipe";

    private final long cameraId;
    private final Path pipe;
    private final FrameTap tap;
    private final Clock clock;
    private final Object lock = new Object();
    private Waiting waiting;
    private long droppedSinceDelivered;
    private long droppedSinceLogged;
    private long lastCapturedMillis;
    private boolean ended;
    private Thread reader;
    private Thread delivery;

    private record Waiting(int width, int height, byte[] rgb, Instant at) {
    }

    private FrameFeed(long cameraId, Path pipe, FrameTap tap, Clock clock) {
        this.cameraId = cameraId;
        this.pipe = pipe;
        this.tap = tap;
        this.clock = clock;
    }

    /** Makes the run's named pipe in the camera's folder (a fresh one each run). */
    static FrameFeed prepare(long cameraId, Path folder, FrameTap tap, Clock clock) throws IOException {
        Path pipe = NamedPipe.make(folder.resolve(PIPE));
        return new FrameFeed(cameraId, pipe, tap, clock);
    }

    /** FFmpeg's arguments for the frame output: the recorded input, decoded, thinned, scaled, as PPM into the pipe. */
    List<String> output(FrameRequest request) {
        return List.of("-map", "0:v:0", "-an", "-vf", "fps=" + request.framesPerSecond() + ",scale='min(" + request.maxWidth() + ",iw)':-2",
            "-pix_fmt", "rgb24", "-c:v", "ppm", "-f", "image2pipe", pipe.toString());
    }

    void start() {
        // a platform thread: it blocks reading a pipe, which would hold a virtual thread's carrier
        reader = Thread.ofPlatform().name("frames-" + cameraId).daemon().stackSize(256 * 1024).start(this::read);
        delivery = Thread.ofVirtual().name("frames-" + cameraId + "-delivery").start(this::deliver);
    }

    /** After FFmpeg has ended: frees a reader still waiting for FFmpeg to open the pipe, and waits for both threads. */
    void end() {
        NamedPipe.release(pipe);
        synchronized (lock) {
            ended = true;
            lock.notifyAll();
        }
        try {
            if (reader != null) {
                reader.join(Duration.ofSeconds(2));
            }
            if (delivery != null) {
                delivery.interrupt();
                delivery.join(Duration.ofSeconds(2));
            }
            Files.deleteIfExists(pipe);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the next run makes it anew
        }
    }

    private void read() {
        try (InputStream in = new BufferedInputStream(new FileInputStream(pipe.toFile()), 1 << 16)) {
            while (true) {
                int width;
                int height;
                try {
                    if (!"P6".equals(token(in))) {
                        throw new IOException("not a PPM picture");
                    }
                    width = Integer.parseInt(token(in));
                    height = Integer.parseInt(token(in));
                    if (!"255".equals(token(in)) || width <= 0 || height <= 0 || (long) width * height > 64_000_000) {
                        throw new IOException("unexpected PPM header");
                    }
                } catch (EOFException e) {
                    return; // FFmpeg ended
                }
                byte[] rgb = in.readNBytes(width * height * 3);
                if (rgb.length < width * height * 3) {
                    return;
                }
                offer(new Waiting(width, height, rgb, capturedAt()));
            }
        } catch (IOException | RuntimeException e) {
            // FFmpeg wrote something unexpected: stop reading; FFmpeg then fails on the broken pipe and is restarted
            log.warn("camera {}: frames unreadable: {}", cameraId, e.toString());
        }
    }

    /** The wall clock to the millisecond, moved on by one when two frames would share it. */
    private Instant capturedAt() {
        long now = clock.millis();
        lastCapturedMillis = Math.max(now, lastCapturedMillis + 1);
        return Instant.ofEpochMilli(lastCapturedMillis);
    }

    private void offer(Waiting frame) {
        synchronized (lock) {
            if (waiting != null) {
                droppedSinceDelivered++;
                droppedSinceLogged++;
            }
            waiting = frame;
            lock.notifyAll();
        }
    }

    private void deliver() {
        Instant lastLogged = Instant.EPOCH;
        while (true) {
            Waiting frame;
            long dropped;
            synchronized (lock) {
                while (waiting == null && !ended) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        if (ended) {
                            return;
                        }
                    }
                }
                if (waiting == null) {
                    return;
                }
                frame = waiting;
                waiting = null;
                dropped = droppedSinceDelivered;
                droppedSinceDelivered = 0;
            }
            Instant now = clock.instant();
            if (Duration.between(lastLogged, now).compareTo(LOG_DROPS_EVERY) >= 0) {
                long toLog;
                synchronized (lock) {
                    toLog = droppedSinceLogged;
                    droppedSinceLogged = 0;
                }
                if (toLog > 0) {
                    log.info("camera {}: analysis fell behind, {} frames dropped since {}", cameraId, toLog,
                        lastLogged.equals(Instant.EPOCH) ? "the stream started" : lastLogged);
                }
                lastLogged = now;
            }
            try {
                tap.frame(new CameraFrame(cameraId, frame.at(), picture(frame), dropped));
            } catch (RuntimeException e) {
                log.warn("camera {}: a frame could not be analysed: {}", cameraId, e.toString());
            }
        }
    }

    /** The PPM's RGB bytes as a BGR picture, the layout the analysers read. */
    private static BufferedImage picture(Waiting frame) {
        var image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = frame.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        return image;
    }

    /** The next whitespace-separated header token; a PPM header ends with exactly one whitespace byte after the last. */
    private static String token(InputStream in) throws IOException {
        var text = new StringBuilder();
        int c = in.read();
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            c = in.read();
        }
        while (c != -1 && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            if (text.length() > 16) {
                throw new IOException("PPM header token too long");
            }
            text.append((char) c);
            c = in.read();
        }
        if (c == -1 && text.isEmpty()) {
            throw new EOFException();
        }
        return text.toString();
    }
}
