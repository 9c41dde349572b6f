package org.safecity.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The data directory, checked at start-up before anything (the embedded PostgreSQL first) writes
 * there. With too little free space ({@link FreeSpace}) SafeCity stops and says in plain words which
 * disk is full and what to do. Then it is made owner-only: it and the folders directly in it (media,
 * exports, keys, the unpacked FFmpeg and PostgreSQL) are 0700, so no other account on the machine can
 * reach anything below them, including what an older SafeCity wrote readable.
 */
@Component
public class DataDirectory {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    private final Path root;

    DataDirectory(StorageSettings settings, @Value("${safecity.min-free-space}") String minimumFree) {
        this.root = settings.dataDir().toAbsolutePath().normalize();
        FreeSpace room;
        try {
            room = FreeSpace.of(root, minimumFree);
        } catch (IOException e) {
            throw new UncheckedIOException("could not measure the free space of the disk holding " + root + ": " + e.getMessage(), e);
        }
        if (!room.enough()) {
            log.error(room.shortage(root));
            throw new NotEnoughSpace(room.shortage(root));
        }
        try {
            OwnerOnly.folders(root);
            OwnerOnly.restrict(root);
            try (var children = Files.newDirectoryStream(root, Files::isDirectory)) {
                for (Path child : children) {
                    OwnerOnly.restrict(child);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the data directory " + root + " owner-only: " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** SafeCity cannot start: the disk holding the data directory is full. */
    public static final class NotEnoughSpace extends IllegalStateException {
        NotEnoughSpace(String message) {
            super(message);
        }
    }
}
