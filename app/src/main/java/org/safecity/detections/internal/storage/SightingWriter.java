package org.safecity.detections.internal.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.safecity.cluster.InstanceRoles;
import org.safecity.cluster.Role;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.AnalyticsDetected;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.internal.DeliveringDetections;
import org.safecity.detections.internal.DetectionSettings;
import org.safecity.detections.internal.intake.IntakeBusy;
import org.safecity.detections.internal.intake.IntakeRefused;
import org.safecity.detections.internal.intake.ReadingDetections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writer of sightings: requests queue their rows here and wait; the writer takes whatever is
 * queued (up to {@code maxBatchRows}, waiting at most {@code maxWait} for more), records the group's
 * (device, eventId) pairs in {@code event_seen}, which tells the new from the repeats, copies only the
 * new rows into the partitioned table with PostgreSQL {@code COPY}, commits, and only then releases
 * the waiting requests and hands the new detections to {@link DeliveringDetections}. Many requests share
 * one commit, so the cost of a durable commit is paid once per group rather than once per request.
 */
@Component
public class SightingWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SightingWriter.class);
    private static final String COLUMNS = "device_id, event_id, camera_id, observed_at, received_at, kind, plate, plate_read, "
        + "plate_folded, confidence, city_code, zone_code, lat, lon, details";

    /** What a request gets back: for each of its rows (in order), the stored sighting's id, or null for a repeat. */
    public record Written(List<Long> ids) {
    }

    /** A request's rows, each with its line of COPY text (all columns but the id) made on the request's thread. */
    private record Submission(List<SightingRow> rows, List<String> lines, Fence fence, CompletableFuture<Written> done) {
    }

    /**
     * Rows read from a partition of the detection stream by a writer of the given consumer-group generation:
     * stored only while no writer of a later generation has stored that partition's rows (see {@link PartitionFences}).
     */
    public record Fence(int partition, int generation) {
    }

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final DailyPartitions partitions;
    private final DeliveringDetections delivering;
    private final DetectionSettings settings;
    private final Clock clock;
    private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedRows = new AtomicInteger();
    private final SeenEvents seen = new SeenEvents();
    /** The highest sighting id drawn so far: after a failed commit, every id up to it may or may not be stored. */
    private long highestDrawn;
    private final InstanceRoles roles;
    private final Timer commitTime;
    private final DistributionSummary groupRows;
    private final Counter accepted;
    private volatile boolean running;
    private Thread thread;

    SightingWriter(DataSource dataSource, TransactionTemplate transactions, ApplicationEventPublisher events,
                   DailyPartitions partitions, DeliveringDetections delivering, DetectionSettings settings, Clock clock,
                   InstanceRoles roles, MeterRegistry metrics) {
        this.roles = roles;
        this.commitTime = Timer.builder("safecity.writer.commit").description("one group's write and commit")
            .publishPercentiles(0.5, 0.99).register(metrics);
        this.groupRows = DistributionSummary.builder("safecity.writer.group.rows").description("detections written per commit")
            .register(metrics);
        this.accepted = Counter.builder("safecity.intake.accepted").description("detections stored (repeats not counted)")
            .register(metrics);
        Gauge.builder("safecity.intake.queue.depth", queuedRows, AtomicInteger::get).description("detections waiting for the writer")
            .register(metrics);
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.events = events;
        this.partitions = partitions;
        this.delivering = delivering;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Queues rows for the next commit. Refuses at once when the queue is full or the writer is stopped,
     * so memory stays bounded and the device retries later.
     */
    public CompletableFuture<Written> submit(List<SightingRow> rows) {
        return submit(rows, null);
    }

    /** As {@link #submit(List)}, for rows of a partition of the detection stream (fence null otherwise). */
    public CompletableFuture<Written> submit(List<SightingRow> rows, Fence fence) {
        if (!running) {
            throw new IntakeBusy(roles.has(Role.INTAKE) ? "SafeCity is stopping and takes no more detections; retry shortly."
                : "This SafeCity instance (" + roles.instance() + ") does not take detections (its roles: " + roles.words()
                    + "); send them to an instance with the intake role.");
        }
        int after = queuedRows.addAndGet(rows.size());
        if (after > settings.queueCapacity() && after != rows.size()) {
            queuedRows.addAndGet(-rows.size());
            throw new IntakeBusy("The detection queue is full; retry shortly.");
        }
        // The COPY text is made here, by the many request threads, so the one writer thread only joins it up.
        var lines = new ArrayList<String>(rows.size());
        var line = new StringBuilder(512);
        Instant received = null;
        String receivedText = null;
        for (var row : rows) {
            if (!row.receivedAt().equals(received)) { // one request's rows share it: formatted once
                received = row.receivedAt();
                receivedText = received.toString();
            }
            line.setLength(0);
            CopyLine.append(line, row, receivedText);
            lines.add(line.toString());
        }
        var submission = new Submission(List.copyOf(rows), lines, fence, new CompletableFuture<>());
        queue.add(submission);
        return submission.done();
    }

    public int queued() {
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
            commit(group);
        }
    }

    /**
     * Writes a group and answers its requests. When the database refuses the group's data (a value it
     * cannot store, which reading should have caught), each request is written alone, so the one that
     * holds the bad value is refused and the others of its group are stored as if it had not been there.
     */
    private void commit(List<Submission> group) {
        int rows = group.stream().mapToInt(s -> s.rows().size()).sum();
        Stored stored;
        try {
            long started = System.nanoTime();
            stored = write(group);
            commitTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            groupRows.record(rows);
            accepted.increment(stored.accepted().size());
        } catch (RuntimeException e) {
            // A commit that failed on the way back may still have stored the rows: consumers read them from the table.
            delivering.mayHaveStored(highestDrawn);
            boolean dataRefused = refusedData(e);
            if (dataRefused && group.size() > 1) {
                log.warn("The database refused a value in a group of {} requests ({}); writing each request alone", group.size(),
                    e.getMessage());
                group.forEach(submission -> commit(List.of(submission)));
                return;
            }
            log.warn("Could not store {} detections; their requests are answered {}: {}", rows, dataRefused ? "400" : "503",
                e.getMessage());
            queuedRows.addAndGet(-rows);
            for (var submission : group) {
                submission.done().completeExceptionally(dataRefused ? new IntakeRefused()
                    : new IntakeBusy("The detections could not be stored; retry shortly.", e));
            }
            return;
        }
        delivering.handOver(stored.accepted()); // before answering: the alert's path starts first
        queuedRows.addAndGet(-rows); // before answering, so a device told "stored" finds room at once
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done().complete(stored.answers().get(i));
        }
    }

    /** Whether PostgreSQL refused the data itself (SQLSTATE class 22, "data exception"), which no retry can mend. */
    private static boolean refusedData(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
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

    /** What one group commit stored: each request's answer, and the detections to hand to the consumers. */
    private record Stored(List<Written> answers, List<AcceptedDetection> accepted) {
    }

    private Stored write(List<Submission> group) {
        int n = 0;
        for (var submission : group) {
            for (var row : submission.rows()) {
                partitions.ensure(row.detection().kind(), DailyPartitions.dayOf(row.detection().observedAt()));
                n++;
            }
        }
        int rows = n;
        long period = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toEpochDay() / Math.max(1, settings.repeatWindow().toDays());
        var stored = transactions.execute(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                PartitionFences.hold(connection, group.stream().map(Submission::fence).filter(f -> f != null).toList());
                int generation = seen.generation(connection, period);
                long[] ids = drawIds(connection, rows);
                highestDrawn = ids[rows - 1];
                Set<Long> kept = SeenEvents.recordFresh(connection,
                    group.stream().flatMap(g -> g.rows().stream()).toList(), ids, generation);
                copyFresh(connection, group, ids, kept);
                var answers = new ArrayList<Written>(group.size());
                var accepted = new ArrayList<AcceptedDetection>(kept.size());
                int i = 0;
                for (var submission : group) {
                    var answer = new ArrayList<Long>(submission.rows().size());
                    for (var row : submission.rows()) {
                        long id = ids[i++];
                        if (kept.contains(id)) { // a repeat within the group is stored once, for the first
                            answer.add(id);
                            accepted.add(accepted(id, row));
                        } else {
                            answer.add(null);
                        }
                    }
                    answers.add(new Written(answer));
                }
                var analytics = accepted.stream()
                    .filter(d -> d.kind() == DetectionKind.ANALYTIC && ReadingDetections.SAFETY_ANALYTICS.contains(d.analytic()))
                    .toList();
                if (!analytics.isEmpty()) {
                    events.publishEvent(new AnalyticsDetected(analytics));
                }
                return new Stored(answers, accepted);
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("storing sightings failed: " + e.getMessage(), e);
            }
        });
        seen.committed(period);
        return stored;
    }

    /**
     * Ids drawn before the copy, in one round trip, so the writer knows each row's id and needs nothing
     * back but which rows were new. Drawn one by one, they stay unique even if something else draws too.
     */
    private static long[] drawIds(Connection connection, int n) throws SQLException {
        long[] ids = new long[n];
        try (var draw = connection.prepareStatement("select nextval('detections.sighting_id') from generate_series(1, ?)")) {
            draw.setInt(1, n);
            try (var result = draw.executeQuery()) {
                for (int i = 0; i < n && result.next(); i++) {
                    ids[i] = result.getLong(1);
                }
            }
        }
        return ids;
    }

    /** Copies the fresh rows straight into the partitioned table, which routes each to its kind's day. */
    private static void copyFresh(Connection connection, List<Submission> group, long[] ids, Set<Long> fresh)
        throws SQLException, IOException {
        if (fresh.isEmpty()) {
            return;
        }
        var text = new StringBuilder(group.stream().mapToInt(g -> g.lines().stream().mapToInt(String::length).sum()).sum()
            + ids.length * 12);
        int i = 0;
        for (var submission : group) {
            for (var line : submission.lines()) {
                long id = ids[i++];
                if (fresh.contains(id)) {
                    text.append(id).append('\t').append(line);
                }
            }
        }
        connection.unwrap(PGConnection.class).getCopyAPI()
            .copyIn("copy detections.sighting (id, " + COLUMNS + ") from stdin", new StringReader(text.toString()));
    }

    public static AcceptedDetection accepted(long id, SightingRow row) {
        var d = row.detection();
        return new AcceptedDetection(id, row.deviceId(), d.eventId(), row.placement(), d.kind(), d.observedAt(), row.receivedAt(),
            d.plate() == null ? null : d.plate().normalised(), d.plate() == null ? null : d.plate().asRead(), d.confidence(),
            d.embedding(), d.faceModel(), d.analytic(), d.measurements());
    }

    /**
     * One writer: groups commit one after another, so sighting ids grow in commit order, which is what
     * lets each consumer's cursor be a single id (two writers were measured slower on two cores anyway).
     */
    @Override
    public void start() {
        if (!roles.has(Role.INTAKE)) {
            return;
        }
        // DeliveringDetections, started first, holds the writer's lease or has refused to start
        running = true;
        thread = Thread.ofPlatform().name("sighting-writer").start(this::run);
    }

    /** Takes no more submissions, writes what is queued, then stops. */
    @Override
    public void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(settings.ackTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
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
