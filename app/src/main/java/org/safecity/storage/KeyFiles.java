package org.safecity.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets SafeCity makes itself on first start and keeps in the data directory (a signing key, the
 * key that encrypts camera passwords, a shared secret). A key file appears whole or not at all: it is
 * written to an owner-only file beside it and linked into place, so a crash never leaves half a key,
 * and when several instances start at once the first one's key is the one all of them keep.
 */
public final class KeyFiles {

    private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);

    private KeyFiles() {
    }

    /**
     * The text kept in {@code file}, stripped; on first use, {@code generate}'s text is written there.
     *
     * @param what what the key is and why it must be backed up, for the log line announcing a new key
     */
    public static String keptIn(Path file, Supplier<String> generate, String what) throws IOException {
        if (!Files.exists(file)) {
            OwnerOnly.folders(file.getParent());
            Path written = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new", OwnerOnly.fileAttributes());
            try {
                Files.writeString(written, generate.get() + "\n");
                placeUnlessThere(written, file);
                log.warn("Generated {} in {}: back it up", what, file);
            } catch (FileAlreadyExistsException otherInstance) {
                // another instance wrote it first: its key is the one every instance uses
            } finally {
                Files.deleteIfExists(written);
            }
        }
        return Files.readString(file).strip();
    }

    /** A hard link appears whole and fails if the name is taken; a rename would silently replace a key another instance wrote. */
    private static void placeUnlessThere(Path written, Path file) throws IOException {
        try {
            Files.createLink(file, written);
        } catch (UnsupportedOperationException noHardLinks) {
            Files.copy(written, file); // fails if the name is taken; not atomic, on such file systems only
        }
    }
}
