package org.safecity.storage;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** For tests: what under a folder another account on the machine could read, write or enter. */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnlyFiles() {
    }

    /**
     * Each file or folder under {@code root} (and root itself) with any permission for group or others,
     * as "path rwxr-xr-x". The embedded PostgreSQL's folder is PostgreSQL's to keep (it refuses a cluster others can read).
     */
    public static List<String> exposedUnder(Path root) throws IOException {
        var exposed = new ArrayList<String>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (dir.equals(root.resolve("pgsql"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                check(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                check(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException gone) {
                return FileVisitResult.CONTINUE;  // a live segment deleted while walking
            }

            private void check(Path path) throws IOException {
                try {
                    var permissions = Files.getPosixFilePermissions(path);
                    if (permissions.stream().anyMatch(OTHERS::contains)) {
                        exposed.add(root.relativize(path) + " " + PosixFilePermissions.toString(permissions));
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // deleted while walking
                }
            }
        });
        return exposed;
    }
}
