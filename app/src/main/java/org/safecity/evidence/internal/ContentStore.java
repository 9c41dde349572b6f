package org.safecity.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.safecity.storage.OwnerOnly;
import org.safecity.storage.StorageSettings;
import org.springframework.stereotype.Component;

/**
 * The write-once, content-addressed evidence store: {@code <data-dir>/media/evidence/sha256/ab/cd/<hash>}.
 * Content is streamed to a temporary file in the same tree while it is hashed, forced to disk,
 * moved into place atomically and made read-only. Identical content is kept once; a stored file
 * is never opened for writing again.
 */
@Component
public class ContentStore {

    static final int HEAD_BYTES = 8192;
    private static final int BUFFER = 1 << 16;

    private final Path root;
    private final Path incoming;

    ContentStore(StorageSettings storage) throws IOException {
        this.root = storage.dataDir().resolve("media").resolve("evidence").toAbsolutePath();
        this.incoming = root.resolve("incoming");
        OwnerOnly.folders(incoming);
        OwnerOnly.folders(root.resolve("sha256"));
    }

    /** What was stored: the content's hash, size, first bytes (to sniff its type) and whether it was new. */
    public record Stored(String sha256, long size, byte[] head, boolean newlyWritten) {
    }

    /** Reads {@code content} to its end (without closing it) into the store. */
    public Stored store(InputStream content) throws IOException {
        Path temporary = incoming.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = sha256();
        byte[] head = new byte[HEAD_BYTES];
        int headLength = 0;
        long size = 0;
        try {
            try (FileChannel out = FileChannel.open(temporary, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), OwnerOnly.fileAttributes())) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = content.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                    if (headLength < HEAD_BYTES) {
                        int take = Math.min(n, HEAD_BYTES - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    var bytes = ByteBuffer.wrap(buffer, 0, n);
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                    size += n;
                }
                out.force(true);
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            Path target = path(sha256);
            boolean newlyWritten = false;
            if (!Files.exists(target)) {
                OwnerOnly.folders(target.getParent());
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                    newlyWritten = true;
                    makeReadOnly(target);
                    forceDirectory(target.getParent());
                } catch (FileAlreadyExistsException raced) {
                    // stored by a concurrent intake of the same content a moment ago
                }
            }
            return new Stored(sha256, size, java.util.Arrays.copyOf(head, headLength), newlyWritten);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    boolean contains(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    /** The SHA-256 and size of what is on disk now, or empty when the file is gone. */
    public Optional<Stored> rehash(String sha256) throws IOException {
        Path file = path(sha256);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        return Optional.of(new Stored(HexFormat.of().formatHex(digest.digest()), size, new byte[0], false));
    }

    /** Removes stored content; used only by disposal, once no retained item refers to it. */
    public boolean remove(String sha256) throws IOException {
        Path file = path(sha256);
        boolean removed = Files.deleteIfExists(file);
        if (removed) {
            forceDirectory(file.getParent());
        }
        return removed;
    }

    private static void makeReadOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setReadOnly();
        }
    }

    /** So that the rename or removal itself survives a power cut, not only the file's bytes. */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // some file systems cannot sync a directory; the file itself was already forced
        }
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
