package org.safecity.detections.internal.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.safecity.cluster.InstanceRoles;
import org.safecity.cluster.Role;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionConsumer;
import org.safecity.detections.DetectionsAccepted;
import org.safecity.detections.internal.DeliveringDetections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * With the detection stream, every {@link DetectionConsumer} on every instance with the processing role
 * reads the sightings topic in a consumer group of its own ({@code <prefix>-<consumer class>}), so the
 * partitions of each consumer are shared among the instances alive. Each poll is handed over in one
 * transaction that also moves the consumer's cursor of each partition ({@code detections.stream_cursor}:
 * the last sighting id handled there, which grows within a partition); the offsets are committed after it.
 * What comes again (a rebalance, a crash, a writer handing a stored detection on twice) and is at or
 * before the cursor is not handed over again, and two instances that read one partition at once (one
 * that lost it, one that got it) are kept in turn by the cursor's row lock: whatever a consumer writes to
 * the database, an alert for instance, is written once.
 */
@Component
class StreamConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamConsumers.class);

    private final DetectionStream stream;
    private final ObjectProvider<DetectionConsumer> consumers;
    private final InstanceRoles roles;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StreamHealth health;
    private final MeterRegistry metrics;
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    StreamConsumers(DetectionStream stream, ObjectProvider<DetectionConsumer> consumers, InstanceRoles roles, JdbcClient jdbc,
                    TransactionTemplate transactions, StreamHealth health, MeterRegistry metrics) {
        this.stream = stream;
        this.consumers = consumers;
        this.roles = roles;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.health = health;
        this.metrics = metrics;
    }

    @Override
    public void start() {
        running = true;
        if (!stream.enabled() || !roles.has(Role.PROCESSING)) {
            return;
        }
        consumers.orderedStream().forEach(consumer -> {
            var lane = new Lane(consumer);
            lanes.add(lane);
            health.expect(lane.name);
            Gauge.builder("safecity.consumer.lag", lane.lag, AtomicLong::get)
                .description("detections on the stream not yet handled by the consumer (in this instance's partitions)")
                .tag("consumer", ClassUtils.getUserClass(consumer).getSimpleName()).strongReference(false).register(metrics);
            lane.thread = Thread.ofPlatform().name("stream-to-" + ClassUtils.getUserClass(consumer).getSimpleName()).start(lane::run);
        });
    }

    @Override
    public void stop() {
        running = false;
        for (var lane : lanes) {
            var kafka = lane.kafka;
            if (kafka != null) {
                kafka.wakeup();
            }
        }
        for (var lane : lanes) {
            try {
                lane.thread.join(Duration.ofSeconds(30));
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

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    /** Back to the last committed offset of each partition held: what was read since comes again. */
    static void rewind(KafkaConsumer<Long, byte[]> kafka) {
        var held = kafka.assignment();
        var committed = kafka.committed(held);
        for (var partition : held) {
            var offset = committed.get(partition);
            if (offset != null) {
                kafka.seek(partition, offset);
            } else {
                kafka.seekToBeginning(List.of(partition));
            }
        }
    }

    /** Commits the offsets; when a rebalance came first, the new owner reads the items again and skips them. */
    static void commit(KafkaConsumer<Long, byte[]> kafka, Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            kafka.commitSync(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            log.info("Offsets not committed ({}); the partitions' next owner reads those items again and skips what was handled",
                e.getMessage());
        }
    }

    /** One consumer's group membership, thread, and lag. */
    private final class Lane {
        final DetectionConsumer consumer;
        final String name;
        final AtomicLong lag = new AtomicLong();
        volatile KafkaConsumer<Long, byte[]> kafka;
        Thread thread;

        Lane(DetectionConsumer consumer) {
            this.consumer = consumer;
            this.name = DeliveringDetections.name(consumer);
        }

        void run() {
            while (running) {
                try (var kafka = new KafkaConsumer<Long, byte[]>(stream.consumer(name))) {
                    this.kafka = kafka;
                    stream.ensureTopics();
                    kafka.subscribe(List.of(stream.settings().sightingsTopic()));
                    while (running) {
                        var records = kafka.poll(Duration.ofMillis(200));
                        health.polled(name);
                        measureLag(kafka);
                        if (records.isEmpty()) {
                            continue;
                        }
                        try {
                            deliver(records);
                        } catch (WakeupException e) {
                            throw e;
                        } catch (RuntimeException e) {
                            if (!running) {
                                return;
                            }
                            log.warn("{} failed on {} detections of the stream; reading them again in a second: {}", name,
                                records.count(), e.getMessage());
                            health.failed(name, e.getMessage());
                            pause();
                            rewind(kafka);
                            continue;
                        }
                        var offsets = new HashMap<TopicPartition, OffsetAndMetadata>();
                        for (var partition : records.partitions()) {
                            offsets.put(partition, new OffsetAndMetadata(records.records(partition).getLast().offset() + 1));
                        }
                        commit(kafka, offsets);
                    }
                } catch (WakeupException e) {
                    // stopping
                } catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    log.warn("{} lost the detection stream; joining again in a second: {}", name, e.toString());
                    health.failed(name, e.getMessage());
                    pause();
                } finally {
                    this.kafka = null;
                }
            }
        }

        private void measureLag(KafkaConsumer<Long, byte[]> kafka) {
            long behind = 0;
            for (var partition : kafka.assignment()) {
                behind += kafka.currentLag(partition).orElse(0);
            }
            lag.set(behind);
        }

        /** Hands over what is after each partition's cursor, and moves the cursors, in one transaction. */
        private void deliver(ConsumerRecords<Long, byte[]> records) {
            var byPartition = new LinkedHashMap<Integer, List<AcceptedDetection>>();
            for (var partition : records.partitions()) {
                var detections = new ArrayList<AcceptedDetection>();
                for (var record : records.records(partition)) {
                    try {
                        detections.add(stream.readStored(record.value()));
                    } catch (RuntimeException e) {
                        log.error("{}: item at {} offset {} of the sightings topic cannot be read and is skipped: {}", name, partition,
                            record.offset(), e.getMessage());
                    }
                }
                if (!detections.isEmpty()) {
                    byPartition.put(partition.partition(), detections);
                }
            }
            if (byPartition.isEmpty()) {
                return;
            }
            var partitions = byPartition.keySet().stream().sorted().toArray(Integer[]::new);
            transactions.executeWithoutResult(status -> {
                var now = Timestamp.from(Instant.now());
                jdbc.sql("insert into detections.stream_cursor (consumer, partition, last_id, updated_at) "
                        + "select ?, p, -1, ? from unnest(?::integer[]) as p on conflict do nothing")
                    .params(name, now, partitions).update();
                var cursors = new HashMap<Integer, Long>();
                jdbc.sql("select partition, last_id from detections.stream_cursor where consumer = ? and partition = any(?::integer[]) "
                        + "order by partition for update")
                    .params(name, partitions).query((rs, n) -> cursors.put(rs.getInt(1), rs.getLong(2))).list();
                var ahead = new ArrayList<AcceptedDetection>();
                var moved = new ArrayList<Integer>();
                var to = new ArrayList<Long>();
                byPartition.forEach((partition, detections) -> {
                    long cursor = cursors.getOrDefault(partition, -1L);
                    long last = cursor;
                    for (var detection : detections) {
                        if (detection.sightingId() > last) {
                            ahead.add(detection);
                            last = detection.sightingId();
                        }
                    }
                    if (last > cursor) {
                        moved.add(partition);
                        to.add(last);
                    }
                });
                if (ahead.isEmpty()) {
                    return;
                }
                consumer.on(new DetectionsAccepted(List.copyOf(ahead)));
                jdbc.sql("update detections.stream_cursor c set last_id = greatest(c.last_id, m.last_id), updated_at = ? "
                        + "from unnest(?::integer[], ?::bigint[]) as m(partition, last_id) where c.consumer = ? and c.partition = m.partition")
                    .params(now, moved.toArray(Integer[]::new), to.toArray(Long[]::new), name).update();
            });
        }

        private void pause() {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
