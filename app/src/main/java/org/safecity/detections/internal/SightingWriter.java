package org.safecity.detections.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.AnalyticsDetected;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.DetectionsAccepted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writer of sightings: requests queue their rows here and wait; the writer takes whatever is
 * queued (up to {@code maxBatchRows}, waiting at most {@code maxWait} for more), copies it into a
 * session-private staging table with PostgreSQL {@code COPY}, moves it into the partitioned table
 * skipping repeats, publishes {@link DetectionsAccepted} in the same transaction, commits, and only
 * then releases the waiting requests. Many requests share one commit, so the cost of a durable commit
 * is paid once per group rather than once per request.
 */
@Component
class SightingWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SightingWriter.class);
    private static final String COLUMNS = "device_id, event_id, camera_id, observed_at, received_at, kind, plate, plate_read, "
        + "plate_folded, confidence, city_code, zone_code, lat, lon, details";

    /** What a request gets back: for each of its rows (in order), the stored sighting's id, or null for a repeat. */
    record Written(List<Long> ids) {
    }

    private record Submission(List<SightingRow> rows, CompletableFuture<Written> done) {
    }

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final DailyPartitions partitions;
    private final DetectionSettings settings;
    private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedRows = new AtomicInteger();
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();

    SightingWriter(DataSource dataSource, TransactionTemplate transactions, ApplicationEventPublisher events,
                   DailyPartitions partitions, DetectionSettings settings) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.events = events;
        this.partitions = partitions;
        this.settings = settings;
    }

    /**
     * Queues rows for the next commit. Refuses at once when the queue is full or the writer is stopped,
     * so memory stays bounded and the device retries later.
     */
    CompletableFuture<Written> submit(List<SightingRow> rows) {
        if (!running) {
            throw new IntakeBusy("SafeCity is stopping and takes no more detections; retry shortly.");
        }
        int after = queuedRows.addAndGet(rows.size());
        if (after > settings.queueCapacity() && after != rows.size()) {
            queuedRows.addAndGet(-rows.size());
            throw new IntakeBusy("The detection queue is full; retry shortly.");
        }
        var submission = new Submission(List.copyOf(rows), new CompletableFuture<>());
        queue.add(submission);
        return submission.done();
    }

    int queued() {
        return queuedRows.get();
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            List<Submission> group;
            try {
                group = nextGroup();
            } catch (InterruptedException e) {
                if (!running) {
                    continue; // drain what is left, then stop
                }
                Thread.currentThread().interrupt();
                return;
            }
            if (group.isEmpty()) {
                continue;
            }
            int rows = group.stream().mapToInt(s -> s.rows().size()).sum();
            List<Written> written = null;
            RuntimeException failure = null;
            try {
                written = write(group);
            } catch (RuntimeException e) {
                log.warn("Could not store {} detections; their requests are answered 503: {}", rows, e.getMessage());
                failure = e;
            }
            queuedRows.addAndGet(-rows); // before answering, so a device told "stored" finds room at once
            for (int i = 0; i < group.size(); i++) {
                if (written != null) {
                    group.get(i).done().complete(written.get(i));
                } else {
                    group.get(i).done().completeExceptionally(new IntakeBusy("The detections could not be stored; retry shortly.", failure));
                }
            }
        }
    }

    private List<Submission> nextGroup() throws InterruptedException {
        var group = new ArrayList<Submission>();
        Submission first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return group;
        }
        group.add(first);
        int rows = first.rows().size();
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        while (rows < settings.maxBatchRows()) {
            Submission next = queue.peek() != null ? queue.poll() : queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            group.add(next);
            rows += next.rows().size();
        }
        return group;
    }

    private List<Written> write(List<Submission> group) {
        for (var submission : group) {
            for (var row : submission.rows()) {
                partitions.ensure(row.detection().kind(), DailyPartitions.dayOf(row.detection().observedAt()));
            }
        }
        return transactions.execute(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            Map<String, Long> stored;
            try {
                stored = settings.writeMethod() == DetectionSettings.WriteMethod.ARRAYS ? insertArrays(connection, group)
                    : copyAndInsert(connection, group);
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("storing sightings failed: " + e.getMessage(), e);
            }
            var results = new ArrayList<Written>(group.size());
            var accepted = new ArrayList<AcceptedDetection>(stored.size());
            for (var submission : group) {
                var ids = new ArrayList<Long>(submission.rows().size());
                for (var row : submission.rows()) {
                    Long id = stored.remove(row.key()); // a repeat within the group is stored once, for the first
                    ids.add(id);
                    if (id != null) {
                        accepted.add(accepted(id, row));
                    }
                }
                results.add(new Written(ids));
            }
            if (!accepted.isEmpty()) {
                events.publishEvent(new DetectionsAccepted(accepted));
                var analytics = accepted.stream().filter(d -> d.kind() == DetectionKind.ANALYTIC).toList();
                if (!analytics.isEmpty()) {
                    events.publishEvent(new AnalyticsDetected(analytics));
                }
            }
            return results;
        });
    }

    private static Map<String, Long> copyAndInsert(Connection connection, List<Submission> group) throws SQLException, IOException {
        try (var statement = connection.createStatement()) {
            statement.execute("create temporary table if not exists sighting_staging "
                + "(like detections.sighting including defaults) on commit delete rows");
        }
        var text = new StringBuilder(group.size() * 512);
        for (var submission : group) {
            for (var row : submission.rows()) {
                appendRow(text, row);
            }
        }
        connection.unwrap(PGConnection.class).getCopyAPI()
            .copyIn("copy sighting_staging (" + COLUMNS + ") from stdin", new StringReader(text.toString()));
        var stored = new HashMap<String, Long>();
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("insert into detections.sighting (" + COLUMNS + ") select " + COLUMNS
                 + " from sighting_staging on conflict do nothing returning id, device_id, event_id, kind, observed_at")) {
            while (result.next()) {
                var at = result.getObject(5, java.time.OffsetDateTime.class).toInstant();
                String key = result.getLong(2) + "\u0001" + result.getString(3) + "\u0001" + result.getString(4) + "\u0001"
                    + at.toEpochMilli() * 1000 + at.getNano() / 1000 % 1000;
                stored.put(key, result.getLong(1));
            }
        }
        return stored;
    }

    /** One INSERT of the whole group from column arrays: no staging table, each row written once. */
    private static Map<String, Long> insertArrays(Connection connection, List<Submission> group) throws SQLException {
        int n = group.stream().mapToInt(g -> g.rows().size()).sum();
        Object[] device = new Object[n], event = new Object[n], camera = new Object[n], observed = new Object[n], received = new Object[n],
            kind = new Object[n], plate = new Object[n], read = new Object[n], folded = new Object[n], confidence = new Object[n],
            city = new Object[n], zone = new Object[n], lat = new Object[n], lon = new Object[n], details = new Object[n];
        int i = 0;
        for (var submission : group) {
            for (var row : submission.rows()) {
                var d = row.detection();
                device[i] = row.deviceId();
                event[i] = d.eventId();
                camera[i] = d.cameraId();
                observed[i] = d.observedAt().toString();
                received[i] = row.receivedAt().toString();
                kind[i] = d.kind().jsonName();
                plate[i] = d.plate() == null ? null : d.plate().normalised();
                read[i] = d.plate() == null ? null : d.plate().asRead();
                folded[i] = d.plate() == null ? null : org.safecity.detections.OcrConfusion.fold(d.plate().normalised());
                confidence[i] = d.confidence();
                city[i] = row.cityCode();
                zone[i] = row.zoneCode();
                lat[i] = row.lat();
                lon[i] = row.lon();
                details[i] = d.details();
                i++;
            }
        }
        var stored = new HashMap<String, Long>();
        try (var insert = connection.prepareStatement("insert into detections.sighting (" + COLUMNS + ") "
            + "select a, b, c, d::timestamptz, e::timestamptz, f, g, h, i, j, k, l, m, n, o::jsonb from unnest(?::bigint[], ?::text[], "
            + "?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::real[], ?::text[], ?::text[], "
            + "?::float8[], ?::float8[], ?::text[]) as t(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o) "
            + "on conflict do nothing returning id, device_id, event_id, kind, observed_at")) {
            insert.setArray(1, connection.createArrayOf("bigint", device));
            insert.setArray(2, connection.createArrayOf("text", event));
            insert.setArray(3, connection.createArrayOf("bigint", camera));
            insert.setArray(4, connection.createArrayOf("text", observed));
            insert.setArray(5, connection.createArrayOf("text", received));
            insert.setArray(6, connection.createArrayOf("text", kind));
            insert.setArray(7, connection.createArrayOf("text", plate));
            insert.setArray(8, connection.createArrayOf("text", read));
            insert.setArray(9, connection.createArrayOf("text", folded));
            insert.setArray(10, connection.createArrayOf("float4", confidence));
            insert.setArray(11, connection.createArrayOf("text", city));
            insert.setArray(12, connection.createArrayOf("text", zone));
            insert.setArray(13, connection.createArrayOf("float8", lat));
            insert.setArray(14, connection.createArrayOf("float8", lon));
            insert.setArray(15, connection.createArrayOf("text", details));
            try (var result = insert.executeQuery()) {
                while (result.next()) {
                    var at = result.getObject(5, java.time.OffsetDateTime.class).toInstant();
                    stored.put(result.getLong(2) + "\u0001" + result.getString(3) + "\u0001" + result.getString(4) + "\u0001"
                        + at.toEpochMilli() * 1000 + at.getNano() / 1000 % 1000, result.getLong(1));
                }
            }
        }
        return stored;
    }

    private static AcceptedDetection accepted(long id, SightingRow row) {
        var d = row.detection();
        return new AcceptedDetection(id, row.deviceId(), d.eventId(), d.cameraId(), d.kind(), d.observedAt(), row.receivedAt(),
            d.plate() == null ? null : d.plate().normalised(), d.plate() == null ? null : d.plate().asRead(), d.confidence(),
            d.embedding(), d.faceModel(), d.analytic(), d.details());
    }

    /** One line of COPY's text format: tab-separated, \N for null, backslash escapes. */
    private static void appendRow(StringBuilder out, SightingRow row) {
        var d = row.detection();
        field(out, Long.toString(row.deviceId()));
        field(out, d.eventId());
        field(out, Long.toString(d.cameraId()));
        field(out, d.observedAt().toString());
        field(out, row.receivedAt().toString());
        field(out, d.kind().jsonName());
        field(out, d.plate() == null ? null : d.plate().normalised());
        field(out, d.plate() == null ? null : d.plate().asRead());
        field(out, d.plate() == null ? null : org.safecity.detections.OcrConfusion.fold(d.plate().normalised()));
        field(out, d.confidence() == null ? null : d.confidence().toString());
        field(out, row.cityCode());
        field(out, row.zoneCode());
        field(out, row.lat() == null ? null : row.lat().toString());
        field(out, row.lon() == null ? null : row.lon().toString());
        escape(out, d.details());
        out.append('\n');
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
        } else {
            escape(out, value);
        }
        out.append('\t');
    }

    private static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /**
     * With more than one writer, one group is prepared and sent while another waits on PostgreSQL;
     * groups commit independently and the unique index still decides which copy of a repeat is kept.
     */
    @Override
    public void start() {
        running = true;
        for (int i = 0; i < Math.max(1, settings.writers()); i++) {
            threads.add(Thread.ofPlatform().name("sighting-writer-" + i).start(this::run));
        }
    }

    /** Takes no more submissions, writes what is queued, then stops. */
    @Override
    public void stop() {
        running = false;
        for (var thread : threads) {
            thread.interrupt();
        }
        for (var thread : threads) {
            try {
                thread.join(settings.ackTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server has stopped taking requests, before the database pool closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
