package org.safecity.video.internal.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.safecity.registry.CameraSummary;
import org.safecity.video.DemoScene;
import org.safecity.video.internal.Ffmpeg;
import org.safecity.video.internal.VideoFolders;
import org.springframework.beans.factory.ObjectProvider;
import org.safecity.storage.StorageSettings;
import org.safecity.storage.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moving pictures for the Peshawar demo's cameras, whose addresses lead nowhere: a short H.264
 * test-pattern clip per camera (each in its own hue; the shipped FFmpeg has no text filter to burn the
 * name in, the console shows it), encoded once on first start
 * and then fed in a loop, in real time, through the same recording and live pipeline as a real camera.
 * A demo camera for which another module draws a {@link DemoScene} gets that scene instead, encoded
 * once from the frames it draws. Nothing is encoded continuously, so the cores stay free.
 */
@Component
class DemoFeed {

    private static final Logger log = LoggerFactory.getLogger(DemoFeed.class);

    private final Ffmpeg ffmpeg;
    private final Path folder;
    private final List<DemoScene> scenes;

    DemoFeed(Ffmpeg ffmpeg, StorageSettings storage, ObjectProvider<DemoScene> scenes) {
        this.ffmpeg = ffmpeg;
        this.folder = VideoFolders.root(storage).resolve("demo");
        this.scenes = scenes.orderedStream().toList();
    }

    /** The clip the demo camera plays; {@code position} is its place among the demo cameras (0 first). */
    Path clipFor(long cameraId, int position) {
        return scene(position).map(s -> folder.resolve("scene-" + cameraId + "-" + s.version() + ".ts"))
            .orElse(folder.resolve("camera-" + cameraId + ".ts"));
    }

    private Optional<DemoScene> scene(int position) {
        return scenes.stream().filter(s -> s.shownBy(position)).findFirst();
    }

    /**
     * Encodes the camera's clip unless it exists: its scene, or a test pattern (20 s, 480x270, 25 frames/s,
     * a key frame every 2 s).
     */
    void prepare(CameraSummary camera, int position) {
        Path clip = clipFor(camera.id(), position);
        if (Files.exists(clip)) {
            return;
        }
        var scene = scene(position);
        if (scene.isPresent()) {
            encode(camera, scene.get(), clip);
            return;
        }
        try {
            OwnerOnly.folders(folder);
            Path partial = folder.resolve("camera-" + camera.id() + ".partial.ts");
            ffmpeg.run(List.of("-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=480x270:rate=25",
                "-t", "20", "-vf", "hue=h=" + (camera.id() * 47 % 360), "-c:v", "libx264", "-preset", "ultrafast", "-profile:v", "baseline",
                "-pix_fmt", "yuv420p", "-g", "50", "-b:v", "600k", "-f", "mpegts", partial.toString()), 120);
            Files.move(partial, clip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("demo camera {}: test-pattern clip made", camera.id());
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the demo clip of camera " + camera.id() + ": " + e.getMessage(), e);
        }
    }

    /** Pipes the scene's frames, raw, into FFmpeg for H.264 (a key frame every second, as cameras send). */
    private void encode(CameraSummary camera, DemoScene scene, Path clip) {
        Path partial = clip.resolveSibling(clip.getFileName() + ".partial");
        try {
            Files.createDirectories(folder);
            Process p = ffmpeg.ffmpeg(List.of("-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr24",
                    "-s", scene.width() + "x" + scene.height(), "-r", Integer.toString(scene.framesPerSecond()), "-i", "-",
                    "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main", "-pix_fmt", "yuv420p",
                    "-g", Integer.toString(scene.framesPerSecond()), "-b:v", "2500k", "-f", "mpegts", partial.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            var frame = new BufferedImage(scene.width(), scene.height(), BufferedImage.TYPE_3BYTE_BGR);
            byte[] bytes = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
            try (OutputStream in = p.getOutputStream()) {
                for (int i = 0; i < scene.frames(); i++) {
                    var g = frame.createGraphics();
                    scene.draw(i, g);
                    g.dispose();
                    in.write(bytes);
                }
            }
            if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("FFmpeg could not encode the scene");
            }
            Files.move(partial, clip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("demo camera {}: scene {} made ({} frames)", camera.id(), scene.version(), scene.frames());
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the demo scene of camera " + camera.id() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted making the demo scene of camera " + camera.id(), e);
        }
    }
}
