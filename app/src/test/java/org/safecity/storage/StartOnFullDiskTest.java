package org.safecity.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SafeCity started as it is in production (its own JVM, the embedded PostgreSQL) on a disk with less
 * free space than it keeps (here: all of it, {@code SAFECITY_MIN_FREE_SPACE=100%}).
 */
class StartOnFullDiskTest {

    @TempDir
    Path dataDir;

    @Test
    void safecity_on_a_full_disk_stops_at_once_saying_which_disk_is_full_and_what_to_do() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.endsWith("test-classes"))
            .collect(Collectors.joining(File.pathSeparator));
        Path log = dataDir.resolve("start.log");
        Path data = dataDir.resolve("data");
        var process = new ProcessBuilder(List.of(java, "-cp", classpath, "-Dserver.port=0", "-Dspring.main.banner-mode=off",
            "-Dsafecity.data-dir=" + data, "-Dsafecity.demo=false", "org.safecity.SafeCityApplication"))
            .redirectErrorStream(true).redirectOutput(log.toFile());
        process.environment().remove("SAFECITY_DB_URL");  // the embedded PostgreSQL, which a full disk would otherwise stop in its own words
        process.environment().put("SAFECITY_MIN_FREE_SPACE", "100%");

        var started = process.start();
        boolean ended = started.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            started.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(ended).as("it stops rather than running on: %s", output).isTrue();
        assertThat(started.exitValue()).isNotZero();
        assertThat(output).contains("APPLICATION FAILED TO START",
            "The disk holding SafeCity's data directory " + data + " is full", "Free space on that disk");
        assertThat(data.resolve("pgsql")).as("PostgreSQL was never started").doesNotExist();
    }
}
