package org.safecity.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Simulates cameras sending plate reads to a SafeCity it starts in a child JVM (with its embedded
 * PostgreSQL), at a chosen rate and watchlist hit ratio, and reports accepted detections per second,
 * ingest latency, detection-to-alert latency (from the request being sent to the alert arriving on
 * the live feed), loss (acknowledged against stored), and the raw COPY rate of the same rows into a
 * table with the same columns and indexes, measured in the same run against the same database.
 *
 * <pre>
 * mvn -q -B -pl app test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.safecity.load.LoadGenerator -Dexec.args="--rate 5000 --seconds 30"
 * </pre>
 */
public final class LoadGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Settings(int cameras, int rate, int seconds, double hitRatio, int batch, int senders, int extraListed, Path dataDir,
                    int warmup, String repeatWindow, boolean kafka) {
        static Settings parse(String[] args) {
            var values = new HashMap<String, String>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            return new Settings(Integer.parseInt(values.getOrDefault("cameras", "200")),
                Integer.parseInt(values.getOrDefault("rate", "5000")), Integer.parseInt(values.getOrDefault("seconds", "30")),
                Double.parseDouble(values.getOrDefault("hit-ratio", "0.01")), Integer.parseInt(values.getOrDefault("batch", "100")),
                Integer.parseInt(values.getOrDefault("senders", "64")), Integer.parseInt(values.getOrDefault("listed", "10000")),
                Path.of(values.getOrDefault("data-dir", "target/loadgen/" + UUID.randomUUID().toString().substring(0, 8))),
                Integer.parseInt(values.getOrDefault("warmup", "5")), values.getOrDefault("repeat-window", "3d"),
                Boolean.parseBoolean(values.getOrDefault("kafka", "false")));
        }
    }

    public static void main(String[] args) throws Exception {
        var settings = Settings.parse(args);
        var arguments = new ArrayList<>(List.of("--safecity.detections.repeat-window=" + settings.repeatWindow()));
        // --kafka true: the same single node, its detections through a real Kafka broker (KRaft) in a child JVM of its own
        KafkaBroker broker = settings.kafka() ? KafkaBroker.start(settings.dataDir().resolve("kafka")) : null;
        if (broker != null) {
            arguments.addAll(List.of("--safecity.kafka.bootstrap=" + broker.bootstrap(), "--safecity.kafka.replicas=1"));
        }
        try (broker; var server = ServerProcess.create(settings.dataDir(), arguments.toArray(String[]::new))) {
            System.out.println("Starting SafeCity in a child JVM (data in " + settings.dataDir() + ") ...");
            server.start(Duration.ofMinutes(6));
            String report = new LoadGenerator(broker).run(server, settings);
            System.out.println(report);
            Files.writeString(settings.dataDir().resolve("report.md"), report);
        }
        System.exit(0);
    }

    /** The Kafka broker of a run with {@code --kafka true}, else null. */
    private final KafkaBroker broker;

    LoadGenerator(KafkaBroker broker) {
        this.broker = broker;
    }

    String run(ServerProcess server, Settings s) throws Exception {
        var field = new Field(server.base());
        var cameras = field.cameras(s.cameras());
        int senders = Math.min(s.senders(), cameras.size());
        long expectedHits = (long) Math.ceil((double) s.rate() * s.seconds() * s.hitRatio() * 1.5) + 100;
        var hitPlates = new ArrayList<String>();
        for (long i = 0; i < expectedHits; i++) {
            hitPlates.add("HT" + (100000 + i));
        }
        var listed = new ArrayList<>(hitPlates);
        for (int i = 0; i < s.extraListed(); i++) {
            listed.add("WL" + (100000 + i));
        }
        System.out.printf("Listing %,d plates ...%n", listed.size());
        field.watchlist("Load test " + UUID.randomUUID(), listed);

        var devices = new ArrayList<Long>();
        var keys = new ArrayList<String>();
        var cameraGroups = new ArrayList<List<Long>>();
        for (int w = 0; w < senders; w++) {
            var group = new ArrayList<Long>();
            for (int c = w; c < cameras.size(); c += senders) {
                group.add(cameras.get(c));
            }
            var device = field.device("Load NVR " + w + " " + UUID.randomUUID(), group);
            devices.add(device.get("id").asLong());
            keys.add(device.get("key").asString());
            cameraGroups.add(group);
        }

        var hitSentAt = new ConcurrentHashMap<String, Long>();
        var alertLatencies = new LongList();
        var feedOpen = new AtomicBoolean(true);
        var feed = Thread.ofPlatform().daemon().start(() -> listen(server, field.token(), hitSentAt, alertLatencies, feedOpen));

        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        var ingestLatencies = new LongList();
        var accepted = new AtomicLong();
        var acknowledgedAll = new AtomicLong();
        String run = UUID.randomUUID().toString().substring(0, 8);
        var busy = new AtomicLong();
        var failed = new AtomicLong();
        var nextHit = new AtomicInteger();
        double intervalNanos = 1e9 * s.batch() * senders / s.rate();
        System.out.printf("Sending %,d plate reads/s for %d s from %d cameras (%d senders, %d per request, %.1f%% hits) ...%n",
            s.rate(), s.seconds(), cameras.size(), senders, s.batch(), s.hitRatio() * 100);
        // The first seconds warm the server's JIT and caches up; they are sent at the same rate but not measured.
        long warmStart = System.nanoTime();
        long started = warmStart + Duration.ofSeconds(s.warmup()).toNanos();
        long end = started + Duration.ofSeconds(s.seconds()).toNanos();
        var sequence = new AtomicLong();
        var threads = new ArrayList<Thread>();
        for (int w = 0; w < senders; w++) {
            int worker = w;
            threads.add(Thread.ofPlatform().start(() -> {
                var random = ThreadLocalRandom.current();
                var group = cameraGroups.get(worker);
                long slot = warmStart + (long) (intervalNanos * worker / senders);
                while (slot < end) {
                    long wait = slot - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    var body = new StringBuilder(s.batch() * 220).append("{\"detections\":[");
                    var hits = new ArrayList<String>();
                    Instant now = Instant.now();
                    for (int i = 0; i < s.batch(); i++) {
                        String plate;
                        boolean measured = slot >= started;
                        if (measured && random.nextDouble() < s.hitRatio() && nextHit.get() < hitPlates.size()) {
                            int n = nextHit.getAndIncrement();
                            plate = n < hitPlates.size() ? hitPlates.get(n) : "MS" + random.nextInt(1_000_000);
                            hits.add(plate);
                        } else {
                            plate = "MS" + random.nextInt(1_000_000) + (char) ('A' + random.nextInt(26));
                        }
                        body.append(i == 0 ? "" : ",");
                        // a cheap unique id: the generator must not spend its share of the two cores on SecureRandom
                        Field.plateRead(body, run + "-" + sequence.incrementAndGet(), group.get(random.nextInt(group.size())), now, plate);
                    }
                    body.append("]}");
                    long sent = System.nanoTime();
                    hits.forEach(p -> hitSentAt.put(p, sent));
                    try {
                        var answer = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/detections"))
                                .header("Authorization", "Bearer " + keys.get(worker)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - sent;
                        if (answer.statusCode() == 202) {
                            long stored = JSON.readTree(answer.body()).get("accepted").asLong();
                            acknowledgedAll.addAndGet(stored);
                            if (slot >= started) {
                                accepted.addAndGet(stored);
                                ingestLatencies.add(took);
                            }
                        } else if (answer.statusCode() == 503) {
                            busy.incrementAndGet();
                            hits.forEach(hitSentAt::remove);
                        } else {
                            failed.incrementAndGet();
                            hits.forEach(hitSentAt::remove);
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        hits.forEach(hitSentAt::remove);
                    }
                    slot += (long) intervalNanos;
                }
            }));
        }
        // CPU of SafeCity and its PostgreSQL over the measured part: a cost per detection that holds when other work shares the machine.
        java.util.concurrent.locks.LockSupport.parkNanos(Math.max(0, started - System.nanoTime()));
        double[] cpuAtStart = ServerCpu.split(s.dataDir());
        double brokerCpuAtStart = broker == null ? 0 : broker.cpuSeconds();
        long generatorCpuAtStart = generatorCpuNanos();
        for (var thread : threads) {
            thread.join();
        }
        double[] cpuAtEnd = ServerCpu.split(s.dataDir());
        double brokerCpu = broker == null ? 0 : broker.cpuSeconds() - brokerCpuAtStart;
        double generatorCpu = (generatorCpuNanos() - generatorCpuAtStart) / 1e9;
        double jvmCpu = cpuAtEnd[0] - cpuAtStart[0];
        double postgresCpu = cpuAtEnd[1] - cpuAtStart[1];
        double cpuMeasured = jvmCpu + postgresCpu + brokerCpu;
        double elapsed = (System.nanoTime() - started) / 1e9; // the measured part only
        long hitsSent = hitSentAt.size() + alertLatencies.size();
        long waitUntil = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (alertLatencies.size() < hitsSent && System.nanoTime() < waitUntil) {
            Thread.sleep(100);
        }
        feedOpen.set(false);

        long stored;
        double bytesPerDetection;
        Double[] intakeToAlert;
        double copyRate;
        double copyCpu;
        try (var db = server.database()) {
            try (var count = db.prepareStatement("select count(*) from detections.sighting where device_id = any(?)")) {
                count.setArray(1, db.createArrayOf("bigint", devices.toArray()));
                try (var rows = count.executeQuery()) {
                    rows.next();
                    stored = rows.getLong(1);
                }
            }
            // inside SafeCity: from the request read to the alert written (group commit, hand-over, matching, raising)
            try (var raised = db.prepareStatement("select percentile_cont(array[0.5, 0.99]) within group "
                    + "(order by extract(epoch from created_at - received_at) * 1000) from alerts.alert where type = 'WATCHLIST_HIT'");
                 var rows = raised.executeQuery()) {
                rows.next();
                var quantiles = rows.getArray(1) == null ? new Double[] {0.0, 0.0} : (Double[]) rows.getArray(1).getArray();
                intakeToAlert = quantiles;
            }
            // the disk a stored detection takes (the leaves of its kind-then-day partitions, with their indexes, and its row in
            // event_seen, after the run), for sizing
            try (var size = db.prepareStatement("select coalesce(sum(pg_total_relation_size(relid)), 0) from ("
                    + "select relid from pg_partition_tree('detections.sighting') where isleaf "
                    + "union all select relid from pg_partition_tree('detections.event_seen') where isleaf) leaves");
                 var rows = size.executeQuery()) {
                rows.next();
                bytesPerDetection = rows.getLong(1) / (double) Math.max(1, stored);
            }
            double before = ServerCpu.seconds(s.dataDir());
            copyRate = copyBaseline(db, Math.max(1, acknowledgedAll.get()), cameras);
            copyCpu = (ServerCpu.seconds(s.dataDir()) - before) / Math.max(1, acknowledgedAll.get());
        }

        var ingest = ingestLatencies.sorted();
        var alerts = alertLatencies.sorted();
        double acceptedPerSecond = accepted.get() / elapsed;
        var report = new StringBuilder();
        report.append(String.format("| setting | value |%n| --- | --- |%n"));
        report.append(String.format("| machine | %d cores, %s, Java %s |%n", Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.arch"), System.getProperty("java.version")));
        report.append(String.format("| repeat window (event_seen) | %s |%n", s.repeatWindow()));
        report.append(String.format("| path | %s |%n", broker == null ? "embedded (in memory from the writer to the consumers)"
            : "Apache Kafka (one broker, KRaft, same machine): intake -> detections topic -> writer group -> sightings topic -> consumer groups"));
        report.append(String.format("| offered | %,d plate reads/s for %d s after %d s warm-up, %d cameras, %d senders, %d per request, %.1f%% hits, %,d plates listed |%n",
            s.rate(), s.seconds(), s.warmup(), cameras.size(), senders, s.batch(), s.hitRatio() * 100, listed.size()));
        report.append(String.format("| accepted | %,d detections, %,.0f/s |%n", accepted.get(), acceptedPerSecond));
        report.append(String.format("| refused busy (503) / failed requests | %,d / %,d |%n", busy.get(), failed.get()));
        report.append(String.format("| ingest latency p50 / p99 / max | %.1f / %.1f / %.1f ms |%n", ms(ingest, 0.50), ms(ingest, 0.99), ms(ingest, 1.0)));
        report.append(String.format("| detection-to-alert p50 / p99 / max | %.1f / %.1f / %.1f ms (%,d of %,d hits alerted) |%n",
            ms(alerts, 0.50), ms(alerts, 0.99), ms(alerts, 1.0), alerts.length, hitsSent));
        report.append(String.format("| of which inside SafeCity, request read to alert written, p50 / p99 | %.1f / %.1f ms |%n",
            intakeToAlert[0], intakeToAlert[1]));
        report.append(String.format("| loss (acknowledged - stored, warm-up included) | %,d (acknowledged %,d, stored %,d) |%n",
            acknowledgedAll.get() - stored, acknowledgedAll.get(), stored));
        report.append(String.format("| raw COPY of the same rows | %,.0f rows/s (SafeCity reached %.0f%% of it, factor %.2f) |%n", copyRate,
            100 * acceptedPerSecond / copyRate, copyRate / acceptedPerSecond));
        double perDetection = cpuMeasured / Math.max(1, accepted.get());
        report.append(String.format("| CPU per 1,000 detections (SafeCity + its PostgreSQL + Kafka broker, measured part) | %.1f ms; raw COPY %.1f ms per 1,000 rows "
            + "(PostgreSQL), factor %.2f |%n", perDetection * 1e6, copyCpu * 1e6, perDetection / copyCpu));
        report.append(String.format("| of which SafeCity's JVM / PostgreSQL / Kafka broker | %.1f / %.1f / %.1f ms |%n",
            jvmCpu / Math.max(1, accepted.get()) * 1e6, postgresCpu / Math.max(1, accepted.get()) * 1e6,
            brokerCpu / Math.max(1, accepted.get()) * 1e6));
        report.append(String.format("| the generator's own CPU (it shares the machine) | %.1f ms per 1,000 detections, %.0f%% of a core |%n",
            generatorCpu / Math.max(1, accepted.get()) * 1e6, 100 * generatorCpu / elapsed));
        report.append(String.format("| disk per stored detection (sighting and event_seen rows with their indexes) | %.0f bytes |%n", bytesPerDetection));
        report.append(String.format("| load average (1 min) at the end | %s |%n", ServerCpu.loadAverage()));
        feed.interrupt();
        return report.toString();
    }

    /** CPU time of this JVM: the generator's share of the two cores, which SafeCity does not get. */
    private static long generatorCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Rows like the intake's, copied in commits of 5,000 into a plain table with the same columns and indexes. */
    private static double copyBaseline(java.sql.Connection db, long rows, List<Long> cameras) throws Exception {
        try (var ddl = db.createStatement()) {
            ddl.execute("drop table if exists public.copy_baseline");
            // the sightings table's columns and every one of its indexes, without its partitions
            ddl.execute("create table public.copy_baseline (like detections.sighting including defaults including indexes)");
        }
        var copy = db.unwrap(PGConnection.class).getCopyAPI();
        db.setAutoCommit(false);
        var random = ThreadLocalRandom.current();
        long started = System.nanoTime();
        for (long done = 0; done < rows; ) {
            int chunk = (int) Math.min(5_000, rows - done);
            var text = new StringBuilder(chunk * 400);
            String now = Instant.now().toString();
            for (int i = 0; i < chunk; i++) {
                String plate = "MS" + random.nextInt(1_000_000) + (char) ('A' + random.nextInt(26));
                text.append("1\t").append(UUID.randomUUID()).append('\t').append(cameras.get(random.nextInt(cameras.size())))
                    .append('\t').append(now).append('\t').append(now).append("\tplate\t").append(plate).append('\t').append(plate)
                    .append('\t').append(plate.replace('S', '5')).append("\t0.91\tPSH\t\\N\t34.01\t71.58\t")
                    .append("{\"plate\": {\"text\": \"").append(plate)
                    .append("\", \"confidence\": 0.91, \"region\": \"PK-KP\", \"vehicleType\": \"car\", \"colour\": \"white\", \"direction\": \"N\"}}\n");
            }
            copy.copyIn("copy public.copy_baseline (device_id, event_id, camera_id, observed_at, received_at, kind, plate, plate_read, "
                + "plate_folded, confidence, city_code, zone_code, lat, lon, details) from stdin", new StringReader(text.toString()));
            db.commit();
            done += chunk;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        db.setAutoCommit(true);
        try (var ddl = db.createStatement()) {
            ddl.execute("drop table public.copy_baseline");
        }
        return rows / seconds;
    }

    /** Follows the live feed and notes, for each alert of a hit plate, how long after its request it arrived. */
    private static void listen(ServerProcess server, String token, Map<String, Long> hitSentAt, LongList latencies, AtomicBoolean open) {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/alerts/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while (open.get() && (line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        long now = System.nanoTime();
                        JsonNode event = JSON.readTree(line.substring(5));
                        if ("RAISED".equals(event.get("kind").asString())) {
                            Long sent = hitSentAt.remove(event.get("alert").path("plate").asString(""));
                            if (sent != null) {
                                latencies.add(now - sent);
                            }
                        }
                    }
                }
            }
        } catch (Exception e) {
            if (open.get()) {
                System.err.println("The live feed failed: " + e);
            }
        }
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** A growable array of longs shared by threads. */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        synchronized int size() {
            return size;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
