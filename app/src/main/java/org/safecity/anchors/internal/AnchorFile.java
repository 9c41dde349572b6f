package org.safecity.anchors.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.safecity.anchors.Anchor;
import org.safecity.storage.StorageSettings;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The anchors outside the database: {@code <data-dir>/anchors/<log>.anchors}, one JSON line per
 * anchor, only ever appended to (and forced to disk), readable by SafeCity's account only. Copy it
 * off the machine as often as the anchors are written: a copy elsewhere is what shows a cut-back file.
 */
@Component
class AnchorFile {

    private static final long TAIL = 64 * 1024;
    private final Path directory;
    private final JsonMapper json = JsonMapper.builder().build();

    AnchorFile(StorageSettings storage) {
        this.directory = storage.dataDir().resolve("anchors");
    }

    Path of(String log) {
        return directory.resolve(log + ".anchors");
    }

    synchronized void append(Anchor anchor) {
        Path file = of(anchor.log());
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                restrict(directory, "rwx------");
            }
            if (!Files.exists(file)) {
                Files.createFile(file);
                restrict(file, "rw-------");
            }
            byte[] line = (json.writeValueAsString(anchor) + "\n").getBytes(StandardCharsets.UTF_8);
            try (var channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                var buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The newest anchors of a log, oldest first: at most {@code count}, none when the file does not exist. */
    List<Anchor> newest(String log, int count) {
        Path file = of(log);
        if (!Files.exists(file)) {
            return List.of();
        }
        // read from the end: the file gains a line a minute for years, and only its last lines are wanted
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            for (long window = TAIL; ; window *= 2) {
                long from = Math.max(0, size - window);
                var buffer = ByteBuffer.allocate((int) (size - from));
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, from + buffer.position()) < 0) {
                        break;
                    }
                }
                var lines = new ArrayList<>(List.of(new String(buffer.array(), StandardCharsets.UTF_8).split("\n")));
                if (from > 0) {
                    lines.removeFirst(); // cut somewhere inside a line
                }
                lines.removeIf(String::isBlank);
                if (lines.size() >= count || from == 0) {
                    return lines.subList(Math.max(0, lines.size() - count), lines.size()).stream()
                        .map(line -> json.readValue(line, Anchor.class)).toList();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the data directory's own protection applies
        }
    }
}
