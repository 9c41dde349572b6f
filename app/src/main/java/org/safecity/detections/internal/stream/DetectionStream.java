package org.safecity.detections.internal.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.safecity.cluster.InstanceRoles;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.internal.DetectionSettings;
import org.safecity.detections.internal.intake.IntakeBusy;
import org.safecity.detections.internal.storage.SightingRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The detection stream through Apache Kafka, when {@code SAFECITY_KAFKA_BOOTSTRAP} is set: two topics of
 * the same number of partitions, keyed by camera. {@code <prefix>.detections} holds each valid item as the
 * intake read it (a device hears 202 once every broker in sync has it: idempotent producer, {@code acks=all});
 * the writers ({@link StreamWriters}) store them and put each stored detection on {@code <prefix>.sightings},
 * in the same partition, from which every {@link org.safecity.detections.DetectionConsumer} reads in a
 * consumer group of its own ({@link StreamConsumers}). Records are JSON of the records themselves (Jackson),
 * so a field added to {@link AcceptedDetection} travels without a change here; unknown fields are ignored, so
 * instances of two versions can share the topics during an upgrade.
 */
@Component
public class DetectionStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DetectionStream.class);

    private final StreamSettings settings;
    private final DetectionSettings detections;
    private final InstanceRoles roles;
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private volatile KafkaProducer<Long, byte[]> producer;
    private volatile boolean topicsReady;
    private volatile long brokerCheckedAt;
    private volatile String brokerProblem = "not checked yet";
    private volatile boolean running;

    DetectionStream(StreamSettings settings, DetectionSettings detections, InstanceRoles roles) {
        this.settings = settings;
        this.detections = detections;
        this.roles = roles;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    StreamSettings settings() {
        return settings;
    }

    /**
     * Puts the rows on the detections topic and returns once the brokers have every one of them; throws
     * {@link IntakeBusy} when they could not confirm it in time (some may be on it: a resend is stored once).
     */
    public void publish(List<SightingRow> rows) {
        var sent = new ArrayList<Future<RecordMetadata>>(rows.size());
        try {
            for (var row : rows) {
                sent.add(producer().send(new ProducerRecord<>(settings.detectionsTopic(), row.detection().cameraId(),
                    write(row))));
            }
        } catch (RuntimeException e) {
            throw new IntakeBusy("The detection stream (Apache Kafka) cannot be reached: " + e.getMessage());
        }
        await(sent, "The detection stream (Apache Kafka) did not confirm the detections");
    }

    /** Puts stored detections on the sightings topic, each in the partition its item came from; returns once all are there. */
    void publishStored(List<Placed> stored) {
        var sent = new ArrayList<Future<RecordMetadata>>(stored.size());
        for (var placed : stored) {
            sent.add(producer().send(new ProducerRecord<>(settings.sightingsTopic(), placed.partition(),
                placed.detection().cameraId(), write(placed.detection()))));
        }
        await(sent, "The sightings topic did not confirm the stored detections");
    }

    /** A stored detection and the partition (of both topics) its camera's items go to. */
    record Placed(int partition, AcceptedDetection detection) {
    }

    private void await(List<Future<RecordMetadata>> sent, String failure) {
        long deadline = System.nanoTime() + detections.ackTimeout().toNanos();
        try {
            for (var future : sent) {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            throw new IntakeBusy(failure + " in time; retry with the same eventIds.");
        } catch (ExecutionException e) {
            throw new IntakeBusy(failure + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeBusy(failure + ": interrupted.");
        }
    }

    /** A record as it travels: its JSON, every component by its name (a component added later travels too). */
    byte[] write(Object value) {
        return json.writeValueAsBytes(value);
    }

    SightingRow readRow(byte[] value) {
        return json.readValue(value, SightingRow.class);
    }

    AcceptedDetection readStored(byte[] value) {
        return json.readValue(value, AcceptedDetection.class);
    }

    /** A consumer of one of the topics in the given group, committing its offsets itself, after the database. */
    Properties consumer(String group) {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.topicPrefix() + "-" + group);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, roles.instance() + "-" + group);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a group seen for the first time handles what the topic holds: nothing published is skipped
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(Math.min(5000, detections.maxBatchRows())));
        // the classic protocol: its generation grows with every rebalance, which fences a writer that lost its partitions
        properties.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(settings.sessionTimeout().toMillis()));
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Long.toString(Math.max(500, settings.sessionTimeout().toMillis() / 4)));
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        return properties;
    }

    /**
     * Creates both topics if absent (same partitions, replicas as the cluster allows, two copies in sync
     * required when there are three) and checks they have the same number of partitions.
     */
    synchronized void ensureTopics() {
        if (topicsReady) {
            return;
        }
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000", AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000"))) {
            int brokers = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
            short replicas = (short) Math.max(1, Math.min(settings.replicas(), brokers));
            var config = replicas >= 3 ? Map.of("min.insync.replicas", "2") : Map.<String, String>of();
            for (String topic : List.of(settings.detectionsTopic(), settings.sightingsTopic())) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, settings.partitions(), replicas).configs(config))).all()
                        .get(10, TimeUnit.SECONDS);
                    log.info("Created the topic {} ({} partitions, {} replicas)", topic, settings.partitions(), replicas);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            var described = described(admin);
            int detectionPartitions = described.get(settings.detectionsTopic()).partitions().size();
            int sightingPartitions = described.get(settings.sightingsTopic()).partitions().size();
            if (detectionPartitions != sightingPartitions) {
                throw new IllegalStateException("The topics " + settings.detectionsTopic() + " (" + detectionPartitions + " partitions) and "
                    + settings.sightingsTopic() + " (" + sightingPartitions + ") must have as many partitions: each stored detection "
                    + "goes to the partition its item came from, so that one writer at a time fills each. Give both the same number.");
            }
            topicsReady = true;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The Kafka brokers at " + settings.bootstrap() + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the topics", e);
        }
    }

    /** Both topics as the brokers describe them; a topic just created may take a moment to be known to all of them. */
    private Map<String, org.apache.kafka.clients.admin.TopicDescription> described(Admin admin)
        throws ExecutionException, TimeoutException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return admin.describeTopics(List.of(settings.detectionsTopic(), settings.sightingsTopic())).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (attempt >= 20 || !(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    /**
     * Why the brokers cannot take this instance's work, or null when they answered within the last few
     * seconds (asked at most every 5 s, so health checks do not load them).
     */
    String brokerProblem() {
        long now = System.nanoTime();
        if (now - brokerCheckedAt < TimeUnit.SECONDS.toNanos(5)) {
            return brokerProblem;
        }
        synchronized (this) {
            if (now - brokerCheckedAt < TimeUnit.SECONDS.toNanos(5)) {
                return brokerProblem;
            }
            String problem;
            try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000", AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000"))) {
                int brokers = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
                problem = brokers == 0 ? "no Kafka broker is up" : null;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                problem = "the Kafka brokers at " + settings.bootstrap() + " do not answer";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problem = "interrupted";
            }
            brokerProblem = problem;
            brokerCheckedAt = System.nanoTime();
            return problem;
        }
    }

    private KafkaProducer<Long, byte[]> producer() {
        var p = producer;
        if (p == null) {
            throw new IntakeBusy("SafeCity is stopping and takes no more detections; retry shortly.");
        }
        return p;
    }

    @Override
    public void start() {
        running = true;
        if (!settings.enabled()) {
            return;
        }
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, roles.instance());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, LongSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        // a broker that is away makes send() give up after 5 s: the device hears 503 and resends, rather than waiting
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        producer = new KafkaProducer<>(properties);
        try {
            ensureTopics();
        } catch (RuntimeException e) {
            log.warn("The detection topics are not ready yet ({}); trying again while running", e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        var p = producer;
        producer = null;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(5));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the writers and the intake, stops after them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 16384;
    }
}
