package org.safecity.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import org.safecity.TestDatabase;

/**
 * Three SafeCity instances (child JVMs) on one PostgreSQL database and a real Kafka broker (KRaft, a child
 * JVM too), devices sending to any of them. Under a steady load one instance is killed with SIGKILL: no
 * detection it acknowledged is lost, no watchlist hit is alerted twice (nor counted as seen again), its
 * partitions are taken over by the two others within the session timeout and a little more, and, started
 * again under its name, it takes partitions back and stores what it is sent.
 */
class KafkaFailoverTest {

    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);
    private static final int PARTITIONS = 6;

    @Test
    void killing_one_of_three_instances_under_load_loses_nothing_acknowledged_and_alerts_each_hit_once() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dir = Path.of("target", "kafka-failover", run);
        String prefix = "failover-" + run;
        var database = TestDatabase.properties();
        try (var broker = KafkaBroker.start(dir.resolve("kafka"))) {
            var common = List.of("--safecity.db.url=" + database.get("safecity.db.url"),
                "--safecity.db.user=" + database.get("safecity.db.user"), "--safecity.db.password=" + database.get("safecity.db.password"),
                "--safecity.cluster.name=" + prefix, "--safecity.kafka.bootstrap=" + broker.bootstrap(),
                "--safecity.kafka.topic-prefix=" + prefix, "--safecity.kafka.partitions=" + PARTITIONS,
                "--safecity.kafka.session-timeout=" + SESSION_TIMEOUT.toSeconds() + "s", "--safecity.demo-units=false",
                "--safecity.anchors.interval=PT6H",
                // the killed instance's unfinished hits are handed over by a survivor within the test's patience
                "--safecity.cluster.unfinished-events-after=20s");
            var instances = new ArrayList<ServerProcess>();
            for (String name : List.of("a", "b", "c")) {
                var arguments = new ArrayList<>(common);
                arguments.add("--safecity.cluster.instance=" + name);
                instances.add(ServerProcess.create(dir.resolve(name), arguments.toArray(String[]::new)));
            }
            var a = instances.get(0);
            var b = instances.get(1);
            var c = instances.get(2);
            try (a; b; c; var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
                // one after the other: the first stores the demo network, the others find it
                a.start(Duration.ofMinutes(6));
                b.start(Duration.ofMinutes(6));
                c.start(Duration.ofMinutes(6));

                var field = new Field(a.base());
                var cameras = field.cameras(24);
                String key = field.device("Kafka failover NVR " + run, cameras).get("key").asString();
                var hitPlates = new ArrayList<String>();
                for (int i = 0; i < 3000; i++) {
                    hitPlates.add("KF" + (100000 + i));
                }
                // LOW: its thousand alerts are not escalated (after 2 min for HIGH) into incidents while the rest of the suite runs
                field.watchlist("Kafka failover " + run, hitPlates, "LOW");
                Thread.sleep(1500); // the list reaches b and c by their notices

                var load = new Load(key, cameras, hitPlates, instances, run);
                load.start();
                Thread.sleep(8000);
                b.kill();
                long killed = System.nanoTime();
                load.down.add(1);
                String writers = prefix + "-sighting-writers";
                Duration takeover = waitForOwners(admin, writers, Set.of("a-", "c-"), Duration.ofSeconds(40));
                long tookMs = (System.nanoTime() - killed) / 1_000_000;
                assertThat(takeover).as("partitions of the killed instance taken over").isNotNull();
                assertThat(tookMs).isLessThan(SESSION_TIMEOUT.toMillis() + 15_000);
                Thread.sleep(3000);

                b.start(Duration.ofMinutes(6)); // rejoins under its name while the others carry the load
                load.down.remove(1);
                assertThat(waitForOwners(admin, writers, Set.of("a-", "b-", "c-"), Duration.ofSeconds(40)))
                    .as("the restarted instance writes again").isNotNull();
                for (String consumer : List.of("org.safecity.watchlists.internal.MatchingDetections",
                    "org.safecity.traffic.internal.rules.ReactingToDetections")) {
                    assertThat(waitForOwners(admin, prefix + "-" + consumer, Set.of("a-", "b-", "c-"), Duration.ofSeconds(40)))
                        .as(consumer + " runs on every instance again").isNotNull();
                }
                Thread.sleep(4000);
                load.stop();

                assertThat(load.acknowledged).hasSizeGreaterThan(1000);
                assertThat(load.acknowledgedBy.get(1).get()).as("batches acknowledged by b after it came back").isPositive();
                try (Connection db = TestDatabase.administrator()) {
                    Set<String> stored = waitForStored(db, load.deviceId(db), load.acknowledged, Duration.ofSeconds(60));
                    var lost = new HashSet<>(load.acknowledged);
                    lost.removeAll(stored);
                    assertThat(lost).as("acknowledged detections not stored").isEmpty();

                    var alerted = waitForAlerts(db, load.hitsAcknowledged, Duration.ofSeconds(60));
                    assertThat(alerted.keySet()).as("acknowledged hits alerted").containsAll(load.hitsAcknowledged);
                    assertThat(alerted.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                        .as("hits alerted twice").isEmpty();
                    try (var statement = db.prepareStatement("select count(*) from alerts.alert_event e join alerts.alert a on a.id = e.alert_id "
                        + "where e.kind = 'REPEATED' and a.plate = any(?)")) {
                        statement.setArray(1, db.createArrayOf("text", load.hitsAcknowledged.toArray()));
                        try (var rows = statement.executeQuery()) {
                            rows.next();
                            assertThat(rows.getLong(1)).as("hits handed to the watchlists twice (alert seen again)").isZero();
                        }
                    }
                    try (var statement = db.prepareStatement("select sighting_id from alerts.alert where plate = any(?) "
                        + "group by sighting_id having count(*) > 1")) {
                        statement.setArray(1, db.createArrayOf("text", load.hitsAcknowledged.toArray()));
                        try (var rows = statement.executeQuery()) {
                            assertThat(rows.next()).as("a sighting alerted twice").isFalse();
                        }
                    }
                }
            }
        }
    }

    /**
     * Waits until the group's partitions are all assigned, to members whose client ids start with each of
     * the given instance prefixes and none other; answers how long it took, or null if it did not happen.
     */
    private static Duration waitForOwners(Admin admin, String group, Set<String> instances, Duration patience) throws Exception {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        while (System.nanoTime() < deadline) {
            var description = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
            int assigned = 0;
            var owners = new HashSet<String>();
            for (MemberDescription member : description.members()) {
                int held = member.assignment().topicPartitions().size();
                assigned += held;
                if (held > 0) {
                    owners.add(member.clientId().substring(0, 2));
                }
            }
            if (assigned == PARTITIONS && owners.equals(instances) && description.members().size() == instances.size()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(250);
        }
        return null;
    }

    private static Set<String> waitForStored(Connection db, long deviceId, Set<String> expected, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            var stored = new HashSet<String>();
            try (var statement = db.prepareStatement("select event_id from detections.sighting where device_id = ?")) {
                statement.setLong(1, deviceId);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                    }
                }
            }
            if (stored.containsAll(expected) || System.nanoTime() > deadline) {
                return stored;
            }
            Thread.sleep(500);
        }
    }

    private static Map<String, Integer> waitForAlerts(Connection db, Set<String> plates, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            var alerted = new java.util.HashMap<String, Integer>();
            try (var statement = db.prepareStatement("select plate, count(*) from alerts.alert where type = 'WATCHLIST_HIT' "
                + "and plate = any(?) group by plate")) {
                statement.setArray(1, db.createArrayOf("text", plates.toArray()));
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        alerted.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
            if (alerted.keySet().containsAll(plates) || System.nanoTime() > deadline) {
                return alerted;
            }
            Thread.sleep(500);
        }
    }

    /**
     * Devices sending batches of plate reads, one in twenty a listed plate, each sender to its own instance
     * and, when that one does not answer 202, the same batch again to the next live one, as a device with
     * several addresses would.
     */
    private static final class Load {
        final String key;
        final List<Long> cameras;
        final List<String> hitPlates;
        final List<ServerProcess> instances;
        final String run;
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final Set<String> hitsAcknowledged = ConcurrentHashMap.newKeySet();
        final List<AtomicInteger> acknowledgedBy = List.of(new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        final Set<Integer> down = ConcurrentHashMap.newKeySet();
        final AtomicBoolean going = new AtomicBoolean(true);
        final AtomicInteger nextHit = new AtomicInteger();
        final AtomicInteger sequence = new AtomicInteger();
        final List<Thread> threads = new ArrayList<>();
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

        Load(String key, List<Long> cameras, List<String> hitPlates, List<ServerProcess> instances, String run) {
            this.key = key;
            this.cameras = cameras;
            this.hitPlates = hitPlates;
            this.instances = instances;
            this.run = run;
        }

        void start() {
            for (int s = 0; s < 3; s++) {
                int sender = s;
                threads.add(Thread.ofPlatform().start(() -> send(sender)));
            }
        }

        void stop() throws InterruptedException {
            going.set(false);
            for (var thread : threads) {
                thread.join();
            }
        }

        private void send(int sender) {
            int target = sender;
            while (going.get()) {
                var events = new ArrayList<String>();
                var hits = new ArrayList<String>();
                var body = new StringBuilder("{\"detections\":[");
                Instant now = Instant.now();
                for (int i = 0; i < 20; i++) {
                    String event = run + "-" + sequence.incrementAndGet();
                    String plate = i == 0 ? hitPlates.get(nextHit.getAndIncrement() % hitPlates.size()) : "MS" + (event.hashCode() & 0xfffff);
                    if (i == 0) {
                        hits.add(plate);
                    }
                    events.add(event);
                    body.append(i == 0 ? "" : ",");
                    Field.plateRead(body, event, cameras.get((sender * 7 + i) % cameras.size()), now, plate);
                }
                body.append("]}");
                boolean stored = false;
                while (!stored && going.get()) {
                    if (down.contains(target)) {
                        target = (target + 1) % instances.size();
                        continue;
                    }
                    try {
                        var answer = http.send(HttpRequest.newBuilder(URI.create(instances.get(target).base() + "/api/v1/detections"))
                                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                        stored = answer.statusCode() == 202;
                    } catch (Exception e) {
                        stored = false;
                    }
                    if (stored) {
                        acknowledged.addAll(events);
                        hitsAcknowledged.addAll(hits);
                        acknowledgedBy.get(target).incrementAndGet();
                    } else {
                        target = (target + 1) % instances.size();
                        pause(200);
                    }
                }
                target = sender; // back to its own instance once it is up
                pause(100);
            }
        }

        long deviceId(Connection db) throws Exception {
            try (var statement = db.prepareStatement("select device_id from detections.sighting where event_id = ? limit 1")) {
                statement.setString(1, acknowledged.iterator().next());
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
