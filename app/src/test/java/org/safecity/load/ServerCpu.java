package org.safecity.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * CPU time used so far by the SafeCity child JVM and its embedded PostgreSQL (the postmaster, its
 * backends and the backends it has already reaped), read from Linux's {@code /proc}. Both are found
 * by the data directory on their command line (not the generator, whose arguments name it too);
 * backends by their parent.
 */
final class ServerCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private ServerCpu() {
    }

    /** SafeCity's and PostgreSQL's together. */
    static double seconds(Path dataDir) {
        double[] both = split(dataDir);
        return both[0] + both[1];
    }

    /** {SafeCity's JVM, PostgreSQL} CPU seconds so far. */
    static double[] split(Path dataDir) {
        String marker = dataDir.toAbsolutePath().toString();
        Map<Long, long[]> stats = new HashMap<>(); // pid -> {ppid, utime+stime, cutime+cstime}
        Set<Long> roots = new HashSet<>();
        Set<Long> jvms = new HashSet<>();
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) processes::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
                    stats.put(Long.parseLong(name), new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                        Long.parseLong(f[13]) + Long.parseLong(f[14])});
                    String command = new String(Files.readAllBytes(dir.resolve("cmdline")));
                    if (command.contains("safecity.data-dir=" + marker)) {
                        jvms.add(Long.parseLong(name));
                    } else if (command.contains(marker + "/pgsql")) {
                        roots.add(Long.parseLong(name));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
        long jvm = 0;
        long postgres = 0;
        for (var entry : stats.entrySet()) {
            long pid = entry.getKey();
            if (jvms.contains(pid)) {
                jvm += entry.getValue()[1];
            } else if (roots.contains(pid)) {
                postgres += entry.getValue()[1] + entry.getValue()[2];
            } else if (roots.contains(entry.getValue()[0])) {
                postgres += entry.getValue()[1]; // a live backend; reaped ones are in the postmaster's cutime
            }
        }
        return new double[] {jvm / TICKS_PER_SECOND, postgres / TICKS_PER_SECOND};
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
