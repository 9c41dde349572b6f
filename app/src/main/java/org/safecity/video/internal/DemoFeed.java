package org.safecity.video.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.safecity.registry.CameraSummary;
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
 * Nothing is encoded continuously, so the cores stay free.
 */
@Component
class DemoFeed {

    private static final Logger log = LoggerFactory.getLogger(DemoFeed.class);

    private final Ffmpeg ffmpeg;
    private final Path folder;

    DemoFeed(Ffmpeg ffmpeg, StorageSettings storage) {
        this.ffmpeg = ffmpeg;
        this.folder = VideoFolders.root(storage).resolve("demo");
    }

    Path clipFor(long cameraId) {
        return folder.resolve("camera-" + cameraId + ".ts");
    }

    /** Encodes the camera's clip unless it exists (20 s, 480x270, 25 frames/s, a key frame every 2 s). */
    void prepare(CameraSummary camera) {
        Path clip = clipFor(camera.id());
        if (Files.exists(clip)) {
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
}
