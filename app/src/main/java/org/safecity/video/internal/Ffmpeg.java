package org.safecity.video.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.safecity.storage.OwnerOnly;
import org.safecity.storage.StorageSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The FFmpeg and ffprobe executables: the configured ones, or those shipped for this platform in the
 * {@code org.bytedeco:ffmpeg} Maven artifact, unpacked once with their libraries under
 * {@code <data-dir>/ffmpeg/}. Nothing is downloaded at run time.
 */
@Component
public class Ffmpeg {

    private static final Logger log = LoggerFactory.getLogger(Ffmpeg.class);
    private static final Path SHELL = Path.of("/bin/sh");
    /** The artifact's version: a new one unpacks beside the old. */
    private static final String SHIPPED = "6.1.1-1.5.10";
    private static final List<String> FILES = List.of("ffmpeg", "ffprobe", "libavdevice.so.60", "libavfilter.so.9",
        "libavformat.so.60", "libavcodec.so.60", "libpostproc.so.57", "libswresample.so.4", "libswscale.so.7",
        "libavutil.so.58", "libdrm.so.2");

    private final VideoSettings settings;
    private final Path dataDir;
    private volatile Path unpacked;

    public Ffmpeg(VideoSettings settings, StorageSettings storage) {
        this.settings = settings;
        this.dataDir = storage.dataDir().toAbsolutePath().normalize();
    }

    /** A process running FFmpeg with these arguments (not started). */
    public ProcessBuilder ffmpeg(List<String> arguments) {
        return command(settings.ffmpegPath(), "ffmpeg", arguments);
    }

    ProcessBuilder ffprobe(List<String> arguments) {
        return command(settings.ffprobePath(), "ffprobe", arguments);
    }

    /** Runs FFmpeg to its end and answers what it wrote to standard output; fails with its error output. */
    public byte[] run(List<String> arguments, long timeoutSeconds) throws IOException {
        return runToEnd(ffmpeg(arguments), timeoutSeconds);
    }

    public byte[] probe(List<String> arguments, long timeoutSeconds) throws IOException {
        return runToEnd(ffprobe(arguments), timeoutSeconds);
    }

    private static byte[] runToEnd(ProcessBuilder builder, long timeoutSeconds) throws IOException {
        Path errors = Files.createTempFile("safecity-ffmpeg", ".log");  // 0600
        builder.redirectError(errors.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        try (InputStream out = process.getInputStream()) {
            var bytes = new ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    out.transferTo(bytes);
                } catch (IOException ignored) {
                    // the process ended or was destroyed
                }
            });
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(builder.command().getFirst() + " did not finish within " + timeoutSeconds + " s");
            }
            reader.join();
            if (process.exitValue() != 0) {
                String message = Files.readString(errors, StandardCharsets.UTF_8).strip();
                throw new IOException("FFmpeg failed (exit " + process.exitValue() + "): "
                    + (message.length() > 500 ? message.substring(message.length() - 500) : message));
            }
            return bytes.toByteArray();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /**
     * Started through the shell with umask 077, so the segments, playlists and clips FFmpeg writes are
     * owner-only like everything else under the data directory ({@code exec}: the process is FFmpeg's own,
     * same pid). Where there is no POSIX shell FFmpeg is started directly.
     */
    private ProcessBuilder command(String configured, String name, List<String> arguments) {
        var command = new ArrayList<String>();
        var builder = new ProcessBuilder(command);
        if (Files.isExecutable(SHELL)) {
            command.addAll(List.of(SHELL.toString(), "-c", "umask 077 && exec \"$0\" \"$@\""));
        }
        if (configured != null && !configured.isBlank()) {
            command.add(configured);
        } else {
            Path folder = unpacked();
            command.add(folder.resolve(name).toString());
            builder.environment().put("LD_LIBRARY_PATH", folder.toString());
        }
        command.addAll(arguments);
        return builder;
    }

    /** The folder with the shipped executables and libraries, unpacked on first use. */
    Path unpacked() {
        Path folder = unpacked;
        if (folder == null) {
            synchronized (this) {
                if (unpacked == null) {
                    unpacked = unpack();
                }
                folder = unpacked;
            }
        }
        return folder;
    }

    private Path unpack() {
        String platform = platform();
        Path target = dataDir.resolve("ffmpeg").resolve(SHIPPED + "-" + platform);
        if (Files.isExecutable(target.resolve("ffmpeg")) && Files.exists(target.resolve(".complete"))) {
            return target;
        }
        String prefix = "org/bytedeco/ffmpeg/" + platform + "/";
        ClassLoader loader = Ffmpeg.class.getClassLoader();
        if (loader.getResource(prefix + "ffmpeg") == null) {
            throw new IllegalStateException("no FFmpeg for " + platform + " in the build: set safecity.video.ffmpeg-path "
                + "and ffprobe-path (SAFECITY_VIDEO_FFMPEG_PATH, SAFECITY_VIDEO_FFPROBE_PATH) to installed executables");
        }
        try {
            OwnerOnly.folders(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), "unpacking-");  // 0700
            for (String file : FILES) {
                try (InputStream in = loader.getResourceAsStream(prefix + file)) {
                    if (in == null) {
                        continue; // not every platform's build has every library
                    }
                    try (var out = Files.newOutputStream(OwnerOnly.file(staging.resolve(file)))) {
                        in.transferTo(out);
                    }
                }
            }
            staging.resolve("ffmpeg").toFile().setExecutable(true, true);
            staging.resolve("ffprobe").toFile().setExecutable(true, true);
            OwnerOnly.write(staging.resolve(".complete"), SHIPPED);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException
                     | java.nio.file.DirectoryNotEmptyException e) {
                // another process unpacked it first (or a half-unpacked folder is in the way): keep the complete one
                if (!Files.exists(target.resolve(".complete"))) {
                    throw e;
                }
                org.springframework.util.FileSystemUtils.deleteRecursively(staging);
            }
            log.info("FFmpeg {} unpacked into {}", SHIPPED, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack FFmpeg into " + target, e);
        }
    }

    private static String platform() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return os.replace(' ', '-') + "-" + arch;
        }
        return switch (arch) {
            case "amd64", "x86_64" -> "linux-x86_64-gpl";
            case "aarch64", "arm64" -> "linux-arm64-gpl";
            default -> "linux-" + arch;
        };
    }
}
