package org.safecity.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Kills SafeCity with SIGKILL while devices are sending and proves that every detection it had
 * answered 202 for is in the database after the restart, and that resending it is recognised.
 */
class IngestSurvivesKillTest {

    private static final int SENDERS = 8;
    private static final int BATCH = 50;

    @Test
    void no_acknowledged_detection_is_lost_when_the_server_is_killed_under_load() throws Exception {
        Path dataDir = Path.of("target", "kill-test", UUID.randomUUID().toString().substring(0, 8));
        try (var server = ServerProcess.create(dataDir)) {
            server.start(Duration.ofSeconds(120));
            var field = new Field(server.base());
            var cameras = field.cameras(SENDERS);
            var device = field.device("Crash-test NVR", cameras);
            long deviceId = device.get("id").asLong();
            String key = device.get("key").asString();

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            var firstAcknowledged = new java.util.concurrent.atomic.AtomicReference<String>();
            var stop = new AtomicBoolean();
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            var senders = new ArrayList<Thread>();
            for (int s = 0; s < SENDERS; s++) {
                long camera = cameras.get(s);
                senders.add(Thread.ofVirtual().start(() -> {
                    while (!stop.get()) {
                        var ids = new ArrayList<String>(BATCH);
                        var body = new StringBuilder("{\"detections\":[");
                        for (int i = 0; i < BATCH; i++) {
                            String id = UUID.randomUUID().toString();
                            ids.add(id);
                            body.append(i == 0 ? "" : ",");
                            Field.plateRead(body, id, camera, Instant.now(), "KIL" + (1000 + i));
                        }
                        body.append("]}");
                        try {
                            var answer = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/detections"))
                                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                                HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() == 202 && answer.body().contains("\"accepted\":" + BATCH)) {
                                acknowledged.addAll(ids);
                                firstAcknowledged.compareAndSet(null, body.toString());
                            }
                        } catch (Exception e) {
                            // the server is gone: a device keeps its batch and resends later
                        }
                    }
                }));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (acknowledged.size() < 20_000 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            server.kill();
            stop.set(true);
            for (var sender : senders) {
                sender.join();
            }
            assertThat(acknowledged).as("detections acknowledged before the kill").hasSizeGreaterThan(1_000);

            server.start(Duration.ofSeconds(120));
            Set<String> stored = new HashSet<>();
            try (var db = server.database(); var query = db.prepareStatement("select event_id from detections.sighting where device_id = ?")) {
                query.setLong(1, deviceId);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                    }
                }
            }
            var lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertThat(lost).as("acknowledged but not stored, of %d acknowledged", acknowledged.size()).isEmpty();

            var again = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/detections"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(firstAcknowledged.get())).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(again.body()).contains("\"accepted\":0", "\"duplicates\":" + BATCH);
        }
    }
}
