package org.safecity.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders under the data directory that only SafeCity's own account may read: evidence,
 * uploads in progress, export bundles and video are personal data, and the machine may have other
 * users. Folders are created 0700 and files 0600 from the start (never created readable and
 * tightened later). On a file system without POSIX permissions these are plain creations.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** For {@code Files.createFile} or {@code FileChannel.open(..., CREATE_NEW)}: none where there are no permissions. */
    public static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Creates the folder and any missing parents, each owner-only; answers the folder. */
    public static Path folders(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return folder;
        }
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            folders(parent);
        }
        try {
            if (POSIX) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
                // the process's umask may have taken bits away, never added: set exactly
                Files.setPosixFilePermissions(absolute, FOLDER);
            } else {
                Files.createDirectory(absolute);
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another thread made it first
        }
        return folder;
    }

    /** Creates an empty owner-only file; fails if it exists. */
    public static Path file(Path file) throws IOException {
        return Files.createFile(file, fileAttributes());
    }

    /** Writes the text (UTF-8) into the file, created owner-only or made so, replacing what it held. */
    public static void write(Path file, String text) throws IOException {
        try (var channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING), fileAttributes())) {
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }
        restrict(file);
    }

    /** Makes an existing file or folder owner-only (a folder keeps its execute bit for the owner). */
    public static void restrict(Path path) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
        }
    }
}
