package org.safecity.detections.internal.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.safecity.cluster.InstanceRoles;
import org.safecity.cluster.Role;
import org.safecity.detections.internal.DetectionSettings;
import org.safecity.detections.internal.intake.IntakeBusy;
import org.safecity.detections.internal.intake.IntakeRefused;
import org.safecity.detections.internal.storage.SightingRow;
import org.safecity.detections.internal.storage.SightingWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The writers of the detection stream: every instance with the intake role is one of the consumer group
 * {@code <prefix>-sighting-writers} on the detections topic. Each poll's items go to this instance's
 * {@link SightingWriter} (group commit, once per (device, eventId) by {@code event_seen}); then each of
 * them, the new ones with their new sighting id and the repeats with the id stored the first time, is put
 * on the sightings topic in its partition, and only then are the offsets committed. A writer that dies
 * anywhere on the way leaves its items to the next owner of the partition, which stores nothing twice and
 * puts on the sightings topic whatever may be missing there; the consumers skip what they had.
 */
@Component
class StreamWriters implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamWriters.class);
    /** What {@link #await} answers for an item the database refused. */
    private static final long REFUSED = Long.MIN_VALUE;

    private final DetectionStream stream;
    private final SightingWriter writer;
    private final InstanceRoles roles;
    private final DetectionSettings settings;
    private final JdbcClient jdbc;
    private final StreamHealth health;
    private volatile boolean running;
    private volatile KafkaConsumer<Long, byte[]> consumer;
    private Thread thread;

    StreamWriters(DetectionStream stream, SightingWriter writer, InstanceRoles roles, DetectionSettings settings, JdbcClient jdbc,
                  StreamHealth health) {
        this.stream = stream;
        this.writer = writer;
        this.roles = roles;
        this.settings = settings;
        this.jdbc = jdbc;
        this.health = health;
    }

    private void run() {
        while (running) {
            try (var kafka = new KafkaConsumer<Long, byte[]>(stream.consumer("sighting-writers"))) {
                consumer = kafka;
                stream.ensureTopics();
                kafka.subscribe(List.of(stream.settings().detectionsTopic()));
                while (running) {
                    var records = kafka.poll(Duration.ofMillis(200));
                    health.polled("sighting-writers");
                    if (records.isEmpty()) {
                        continue;
                    }
                    try {
                        write(records, kafka.groupMetadata().generationId());
                    } catch (WakeupException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        if (!running) {
                            return;
                        }
                        // the items come again from the last commit: stored once, handed on again, skipped by who had them
                        log.warn("The sighting writer of the detection stream could not store or hand on {} items; reading them "
                            + "again in a second: {}", records.count(), e.getMessage());
                        health.failed("sighting-writers", e.getMessage());
                        sleep();
                        StreamConsumers.rewind(kafka);
                        continue;
                    }
                    StreamConsumers.commit(kafka, next(records));
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // the uncommitted items come again (here or to the partition's next owner) and are stored once
                log.warn("The sighting writer of the detection stream failed; joining again in a second: {}", e.toString());
                health.failed("sighting-writers", e.getMessage());
                sleep();
            } finally {
                consumer = null;
            }
        }
    }

    /** Stores one poll's items and puts every one of them on the sightings topic, partition by partition in order. */
    private void write(ConsumerRecords<Long, byte[]> records, int generation) {
        var pending = new ArrayList<Pending>(records.count());
        for (var partition : records.partitions()) {
            var fence = new SightingWriter.Fence(partition.partition(), generation);
            for (var record : records.records(partition)) {
                SightingRow row;
                try {
                    row = stream.readRow(record.value());
                } catch (RuntimeException e) {
                    log.error("Item at {} offset {} of the detection stream cannot be read and is skipped: {}", partition,
                        record.offset(), e.getMessage());
                    continue;
                }
                pending.add(new Pending(record, row, submit(row, fence)));
            }
        }
        var placed = new ArrayList<DetectionStream.Placed>(pending.size());
        var repeats = new ArrayList<Pending>();
        for (var item : pending) {
            item.id = await(item);
            if (item.id == null) {
                repeats.add(item);
            }
        }
        var first = firstStored(repeats);
        for (var item : pending) {
            if (item.id != null && item.id == REFUSED) {
                continue;
            }
            Long id = item.id != null ? item.id : first.get(new Key(item.row.deviceId(), item.row.detection().eventId()));
            if (id == null) {
                continue; // refused by the database (logged), or remembered no longer: nothing to hand on
            }
            placed.add(new DetectionStream.Placed(item.record.partition(), SightingWriter.accepted(id, item.row)));
        }
        stream.publishStored(placed);
    }

    private static final class Pending {
        final ConsumerRecord<Long, byte[]> record;
        final SightingRow row;
        final CompletableFuture<SightingWriter.Written> written;
        Long id;

        Pending(ConsumerRecord<Long, byte[]> record, SightingRow row, CompletableFuture<SightingWriter.Written> written) {
            this.record = record;
            this.row = row;
            this.written = written;
        }
    }

    private record Key(long deviceId, String eventId) {
    }

    /** Each item alone, so that a value the database refuses is refused alone (the writer still commits them together). */
    private CompletableFuture<SightingWriter.Written> submit(SightingRow row, SightingWriter.Fence fence) {
        while (true) {
            try {
                return writer.submit(List.of(row), fence);
            } catch (IntakeBusy e) {
                if (!writer.isRunning()) {
                    throw e;
                }
                sleep(); // the writer's queue is full: it is behind, and so is this partition
            }
        }
    }

    /** The stored sighting's id, null for a repeat; throws when the group failed, so the poll comes again. */
    private Long await(Pending item) {
        try {
            return item.written.get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS).ids().getFirst();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IntakeRefused) {
                log.error("The database refused item {} of camera {} (at {} offset {}); it is not stored", item.row.detection().eventId(),
                    item.row.detection().cameraId(), item.record.partition(), item.record.offset());
                return REFUSED;
            }
            throw new IllegalStateException("storing failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("storing took longer than " + settings.ackTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    /** The sighting id each repeated (device, eventId) was stored under, from {@code event_seen}. */
    private Map<Key, Long> firstStored(List<Pending> repeats) {
        var found = new HashMap<Key, Long>();
        if (repeats.isEmpty()) {
            return found;
        }
        var devices = repeats.stream().map(p -> p.row.deviceId()).toArray(Long[]::new);
        var events = repeats.stream().map(p -> p.row.detection().eventId()).toArray(String[]::new);
        jdbc.sql("select s.device_id, s.event_id, min(s.sighting_id) from detections.event_seen s "
                + "join unnest(?::bigint[], ?::text[]) as k(device_id, event_id) on k.device_id = s.device_id and k.event_id = s.event_id "
                + "group by s.device_id, s.event_id")
            .params(devices, events)
            .query((rs, n) -> found.put(new Key(rs.getLong(1), rs.getString(2)), rs.getLong(3))).list();
        return found;
    }

    private static Map<TopicPartition, OffsetAndMetadata> next(ConsumerRecords<Long, byte[]> records) {
        var offsets = new HashMap<TopicPartition, OffsetAndMetadata>();
        for (var partition : records.partitions()) {
            offsets.put(partition, new OffsetAndMetadata(records.records(partition).getLast().offset() + 1));
        }
        return offsets;
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        if (!stream.enabled() || !roles.has(Role.INTAKE)) {
            return;
        }
        health.expect("sighting-writers");
        thread = Thread.ofPlatform().name("stream-sighting-writer").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        var kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(settings.ackTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the sighting writer, stops before it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
