package org.safecity.detections.internal.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.safecity.cluster.InstanceRoles;
import org.safecity.cluster.Role;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code stream} (part of readiness): with detections travelling through
 * Apache Kafka, on an instance with the intake or processing role, DOWN while the brokers do not answer or
 * one of this instance's consumers of the stream (its sighting writer, each detection consumer) has not
 * polled for a minute or failed since it last did.
 */
@Component("stream")
class StreamHealth implements HealthIndicator {

    private static final long STALE = TimeUnit.MINUTES.toNanos(1);

    private final DetectionStream stream;
    private final InstanceRoles roles;
    /** Each of this instance's consumers of the stream: when it last polled, or null before its first poll. */
    private final Map<String, Long> polled = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> since = new ConcurrentHashMap<>();

    StreamHealth(DetectionStream stream, InstanceRoles roles) {
        this.stream = stream;
        this.roles = roles;
    }

    void expect(String consumer) {
        since.put(consumer, System.nanoTime());
    }

    void polled(String consumer) {
        polled.put(consumer, System.nanoTime());
        failures.remove(consumer);
    }

    void failed(String consumer, String problem) {
        failures.put(consumer, problem == null ? "failed" : problem);
    }

    @Override
    public Health health() {
        if (!stream.enabled()) {
            return Health.up().withDetail("stream", "none: the embedded lane").build();
        }
        if (!roles.has(Role.INTAKE) && !roles.has(Role.PROCESSING)) {
            return Health.up().withDetail("stream", "not this instance's role").build();
        }
        String broker = stream.brokerProblem();
        if (broker != null) {
            return Health.down().withDetail("problem", broker).build();
        }
        long now = System.nanoTime();
        for (var entry : since.entrySet()) {
            String name = entry.getKey();
            String failure = failures.get(name);
            if (failure != null) {
                return Health.down().withDetail("problem", name + ": " + failure).build();
            }
            Long last = polled.get(name);
            if (now - (last == null ? entry.getValue() : last) > STALE) {
                return Health.down().withDetail("problem", name + " has not read the stream for a minute").build();
            }
        }
        return Health.up().withDetail("consumers", since.size()).build();
    }
}
