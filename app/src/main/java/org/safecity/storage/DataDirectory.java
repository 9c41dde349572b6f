package org.safecity.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * The data directory, made owner-only at start-up: it and the folders directly in it (media, exports,
 * keys, the unpacked FFmpeg and PostgreSQL) are 0700, so no other account on the machine can reach
 * anything below them, including what an older SafeCity wrote readable.
 */
@Component
public class DataDirectory {

    private final Path root;

    DataDirectory(StorageSettings settings) {
        this.root = settings.dataDir().toAbsolutePath().normalize();
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
}
