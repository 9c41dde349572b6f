package org.safecity.detections.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.safecity.cluster.ClusterLease;
import org.safecity.cluster.InstanceRoles;
import org.safecity.cluster.Role;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionConsumer;
import org.safecity.detections.DetectionsAccepted;
import org.safecity.detections.internal.sightings.SightingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Hands each group of newly stored detections to every {@link DetectionConsumer}, in memory, after the
 * intake's commit. Each consumer has a lane: a bounded queue and a thread that calls it in a transaction
 * which also moves the consumer's cursor ({@code detections.consumer_cursor}: the last sighting id it
 * handled). On start-up, after a failure, or when its queue is full, a lane reads the sightings after
 * its cursor from the table instead, so a crash or a slow consumer loses nothing.
 */
@Component
public class DeliveringDetections implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveringDetections.class);
    /** Detections handed to a consumer in one call (and one transaction) at most, when it has several groups waiting. */
    private static final int MOST_AT_ONCE = 20_000;

    private final ObjectProvider<DetectionConsumer> consumers;
    private final SightingStore sightings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DetectionSettings settings;
    /** The highest sighting id that may be stored; a lane catching up reads up to it. */
    private final AtomicLong highestStored = new AtomicLong();
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();
    private final InstanceRoles roles;
    private final ClusterLease lease;
    private final MeterRegistry metrics;
    private volatile boolean running;

    public DeliveringDetections(ObjectProvider<DetectionConsumer> consumers, SightingStore sightings, JdbcClient jdbc,
                         TransactionTemplate transactions, DetectionSettings settings, InstanceRoles roles, ClusterLease lease,
                         MeterRegistry metrics) {
        this.metrics = metrics;
        this.roles = roles;
        this.lease = lease;
        this.consumers = consumers;
        this.sightings = sightings;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
    }

    /** Called by the writer after each commit, in commit order (so in id order). */
    public void handOver(List<AcceptedDetection> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        highestStored.accumulateAndGet(accepted.getLast().sightingId(), Math::max);
        for (var lane : lanes) {
            lane.offer(accepted);
        }
    }

    /** A commit failed in a way that may have stored ids up to this one: every lane looks in the table. */
    public void mayHaveStored(long highestId) {
        highestStored.accumulateAndGet(highestId, Math::max);
        for (var lane : lanes) {
            lane.behind.set(true);
        }
    }

    /** The consumer's cursor: the last sighting id it finished. */
    long cursor(DetectionConsumer consumer) {
        return jdbc.sql("select last_id from detections.consumer_cursor where consumer = ?").param(name(consumer))
            .query(Long.class).optional().orElse(-1L);
    }

    /** A consumer's name: its cursor's key and, with Kafka, its consumer group's. */
    public static String name(DetectionConsumer consumer) {
        return ClassUtils.getUserClass(consumer).getName();
    }

    @Override
    public void start() {
        if (roles.streamed() || !roles.has(Role.PROCESSING) && !roles.has(Role.INTAKE)) {
            running = true;
            return; // the lanes run on the instance that writes the sightings; with Kafka, StreamConsumers do their work
        }
        refuseSecondWriter(lease, roles);
        // Every id handed out so far may be stored: the upper bound of the first catch-up.
        highestStored.set(jdbc.sql("select case when is_called then last_value else last_value - 1 end from detections.sighting_id")
            .query(Long.class).single());
        running = true;
        consumers.orderedStream().forEach(consumer -> {
            // A consumer seen for the first time starts with what is stored from now on.
            jdbc.sql("insert into detections.consumer_cursor (consumer, last_id, updated_at) values (?, ?, ?) on conflict do nothing")
                .params(name(consumer), highestStored.get(), java.sql.Timestamp.from(Instant.now())).update();
            var lane = new Lane(consumer, cursor(consumer));
            lanes.add(lane);
            Gauge.builder("safecity.consumer.lag", lane, l -> Math.max(0, highestStored.get() - l.cursor))
                .description("sighting ids stored and not yet handled by the consumer")
                .tag("consumer", ClassUtils.getUserClass(consumer).getSimpleName()).strongReference(false).register(metrics);
            lane.thread = Thread.ofPlatform().daemon().name("detections-to-" + ClassUtils.getUserClass(consumer).getSimpleName())
                .start(lane::run);
        });
    }

    /** The lease of the one instance that writes sightings and runs the detection consumers. */
    public static final String WRITER = "detections sighting-writer";

    /**
     * Without a broker, one instance writes the sightings and hands them to the consumers: refused at
     * start-up when another instance of the cluster does already.
     */
    static void refuseSecondWriter(ClusterLease lease, InstanceRoles roles) {
        if (lease.keep(WRITER)) {
            return;
        }
        String holder = lease.holder(WRITER).orElse("another instance");
        throw new IllegalStateException("SafeCity instance " + roles.instance() + " cannot take detections: " + holder
            + " already writes the sightings of this database. One instance writes them and hands them to watchlist "
            + "matching and the traffic rules, which follow the sightings by id in the order they were committed; a second "
            + "writer would commit ids out of that order and a second set of consumers would follow up detections twice "
            + "(face hits raised twice, cursors moved backwards). Start this instance with SAFECITY_ROLES without intake and "
            + "processing (for example web,recording,scheduled), or stop " + holder + " first.");
    }

    @Override
    public void stop() {
        running = false;
        for (var lane : lanes) {
            try {
                lane.thread.join(settings.ackTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lanes.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the writer and stops after it, so no commit finds no lane. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }

    /** One consumer's queue, thread and cursor. */
    private final class Lane {
        final DetectionConsumer consumer;
        final String name;
        final LinkedBlockingQueue<List<AcceptedDetection>> queue = new LinkedBlockingQueue<>();
        final AtomicInteger queued = new AtomicInteger();
        /** Set when the lane must read the table up to {@link #highestStored}: at start, after a failure, after dropping. */
        final AtomicBoolean behind = new AtomicBoolean(true);
        volatile long cursor;
        Thread thread;

        Lane(DetectionConsumer consumer, long cursor) {
            this.consumer = consumer;
            this.name = DeliveringDetections.name(consumer);
            this.cursor = cursor;
        }

        void offer(List<AcceptedDetection> group) {
            if (queued.addAndGet(group.size()) > settings.handOverCapacity()) {
                queued.addAndGet(-group.size());
                behind.set(true); // the group is in the table; the lane reads it from there
                return;
            }
            queue.add(group);
        }

        void run() {
            while (running || !queue.isEmpty()) {
                try {
                    if (behind.getAndSet(false)) {
                        catchUp(highestStored.get());
                        continue;
                    }
                    var first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    var batch = new ArrayList<AcceptedDetection>(first.size());
                    addUnhandled(batch, first);
                    // Groups waiting behind the first go in the same call: one transaction for many commits when busy.
                    while (batch.size() < MOST_AT_ONCE && queue.peek() != null) {
                        addUnhandled(batch, queue.poll());
                    }
                    if (!batch.isEmpty()) {
                        deliver(batch);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    if (!running) {
                        return; // stopping: what is left is read from the table at the next start
                    }
                    log.warn("{} failed on detections after sighting {}; retrying from the table in a second: {}", name, cursor,
                        e.getMessage());
                    behind.set(true);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }

        private void addUnhandled(List<AcceptedDetection> batch, List<AcceptedDetection> group) {
            queued.addAndGet(-group.size());
            for (var detection : group) {
                if (detection.sightingId() > cursor) { // handled already when the lane read the table
                    batch.add(detection);
                }
            }
        }

        private void catchUp(long upTo) {
            while (running) {
                var stored = sightings.storedAfter(cursor, upTo, MOST_AT_ONCE);
                if (stored.isEmpty()) {
                    return;
                }
                deliver(stored);
            }
        }

        /**
         * The consumer's work and its cursor commit together. That commit need not wait for the disk: if a
         * crash loses it, it loses the consumer's writes with it, and the lane does both again from the table.
         * The cursor only moves forward: its row is locked first, and what it has passed already (another
         * lane got there, as when two instances wrongly ran the consumers) is not handed over again.
         */
        private void deliver(List<AcceptedDetection> detections) {
            long last = detections.getLast().sightingId();
            long stored = transactions.execute(status -> {
                long passed = jdbc.sql("select set_config('synchronous_commit', 'off', true), c.last_id "
                        + "from (select last_id from detections.consumer_cursor where consumer = ? for update) c")
                    .param(name).query((rs, n) -> rs.getLong(2)).single();
                var ahead = passed < detections.getFirst().sightingId() ? detections
                    : detections.stream().filter(d -> d.sightingId() > passed).toList();
                if (ahead.isEmpty()) {
                    return passed;
                }
                consumer.on(new DetectionsAccepted(List.copyOf(ahead)));
                jdbc.sql("update detections.consumer_cursor set last_id = greatest(last_id, ?), updated_at = now() where consumer = ?")
                    .params(last, name).update();
                return Math.max(passed, last);
            });
            if (stored > last) {
                log.warn("{}: its cursor stood at sighting {} already, past {}; what it passed is not handed over again", name, stored,
                    last);
            }
            cursor = Math.max(cursor, stored);
        }
    }
}
