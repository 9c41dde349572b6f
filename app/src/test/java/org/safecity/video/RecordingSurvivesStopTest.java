package org.safecity.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safecity.load.ServerProcess;
import org.safecity.storage.EmbeddedPostgres;

/**
 * Stops a recording SafeCity with SIGTERM, as a service manager does, and proves that every camera's
 * open segment was closed and indexed: the video up to the stop is in the index and nothing is left
 * behind unindexed.
 */
class RecordingSurvivesStopTest {

    @Test
    void a_clean_stop_closes_and_indexes_the_segment_each_camera_was_writing() throws Exception {
        Path dataDir = Path.of("target", "stop-test", UUID.randomUUID().toString().substring(0, 8));
        try (var server = ServerProcess.create(dataDir, "--safecity.video.recording=true", "--safecity.video.demo-cameras=2",
            "--safecity.video.segment-length=4s")) {
            server.start(Duration.ofSeconds(180));
            Map<Long, Instant> indexedBefore = waitForIndexedSegments(server, 2, Duration.ofSeconds(90));
            // into the middle of the next segment: the one that a stop must not lose
            Thread.sleep(2_500);
            Instant stoppedAt = Instant.now();

            assertThat(server.stop()).as("exit status after SIGTERM").isIn(0, 143);

            try (var files = Files.walk(dataDir.resolve("media").resolve("video"))) {
                assertThat(files.filter(f -> f.getParent().getFileName().toString().equals("incoming"))
                    .filter(f -> f.toString().endsWith(".ts")).toList())
                    .as("segments left unindexed in incoming/").isEmpty();
            }
            try (var database = EmbeddedPostgres.start(server.dataDir().resolve("pgsql"), server.databasePort());
                 var connection = server.database();
                 var query = connection.prepareStatement("select max(ended_at) from video.segment where camera_id = ?")) {
                for (long camera : indexedBefore.keySet()) {
                    query.setLong(1, camera);
                    try (var row = query.executeQuery()) {
                        row.next();
                        Instant lastEnd = row.getTimestamp(1).toInstant();
                        assertThat(lastEnd).as("camera %d: the last indexed second, stopped at %s", camera, stoppedAt)
                            .isAfter(indexedBefore.get(camera)).isAfter(stoppedAt.minusSeconds(2));
                    }
                }
            }
        }
    }

    /** The end of the newest indexed segment of each recorded camera, once {@code cameras} of them have one. */
    private static Map<Long, Instant> waitForIndexedSegments(ServerProcess server, int cameras, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        var newest = new HashMap<Long, Instant>();
        while (System.nanoTime() < deadline) {
            newest.clear();
            try (var connection = server.database();
                 var rows = connection.createStatement().executeQuery(
                     "select camera_id, max(ended_at) from video.segment group by camera_id")) {
                while (rows.next()) {
                    Timestamp end = rows.getTimestamp(2);
                    newest.put(rows.getLong(1), end.toInstant());
                }
            }
            if (newest.size() >= cameras) {
                return Map.copyOf(newest);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("only " + newest.size() + " cameras had an indexed segment after " + patience
            + "; see " + server.dataDir().resolve("server.log"));
    }
}
