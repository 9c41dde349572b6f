package org.safecity.detections.internal.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Apache Kafka between intake and processing ({@code safecity.kafka.*}); see docs/cluster.md.
 *
 * @param bootstrap the brokers, {@code host:port,...} ({@code SAFECITY_KAFKA_BOOTSTRAP}); empty = the embedded lane
 * @param partitions partitions of each topic when SafeCity creates them (the most instances that write, or run one
 *                   consumer, at once); both topics must keep the same number
 * @param replicas copies of each partition when SafeCity creates the topics (fewer if the cluster has fewer brokers)
 * @param topicPrefix the topics are {@code <prefix>.detections} (as devices sent them, by camera) and
 *                    {@code <prefix>.sightings} (as stored, same partition)
 * @param sessionTimeout an instance not heard from by the broker for this long loses its partitions to the others
 */
@ConfigurationProperties("safecity.kafka")
public record StreamSettings(@DefaultValue("") String bootstrap,
                             @DefaultValue("12") int partitions,
                             @DefaultValue("3") int replicas,
                             @DefaultValue("safecity") String topicPrefix,
                             @DefaultValue("10s") Duration sessionTimeout) {

    boolean enabled() {
        return bootstrap != null && !bootstrap.isBlank();
    }

    String detectionsTopic() {
        return topicPrefix + ".detections";
    }

    String sightingsTopic() {
        return topicPrefix + ".sightings";
    }
}
