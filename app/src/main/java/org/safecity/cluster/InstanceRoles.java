package org.safecity.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The roles this instance plays and the name it goes by. Without a broker between intake and
 * processing, the detections reach their consumers in the memory of the instance that wrote them, so
 * the two roles go together: an instance given one without the other is refused at start-up. With
 * Apache Kafka ({@code SAFECITY_KAFKA_BOOTSTRAP}) they may be apart.
 */
@Component
public class InstanceRoles {

    private final Set<Role> roles;
    private final String instance;
    private final String cluster;
    private final Duration aliveFor;

    /** Whether detections travel through Apache Kafka ({@code SAFECITY_KAFKA_BOOTSTRAP} set). */
    private final boolean streamed;

    public InstanceRoles(ClusterSettings settings) {
        this(settings, false);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public InstanceRoles(ClusterSettings settings, org.springframework.core.env.Environment environment) {
        this(settings, !environment.getProperty("safecity.kafka.bootstrap", "").isBlank());
    }

    public InstanceRoles(ClusterSettings settings, boolean streamed) {
        this.streamed = streamed;
        this.roles = Collections.unmodifiableSet(EnumSet.copyOf(Role.parse(settings.roles())));
        this.instance = settings.instance() == null || settings.instance().isBlank() ? hostName() : settings.instance().strip();
        this.cluster = settings.name();
        this.aliveFor = settings.aliveFor();
        if (!streamed && roles.contains(Role.INTAKE) != roles.contains(Role.PROCESSING)) {
            throw new IllegalStateException("SAFECITY_ROLES=" + words() + ": the intake and processing roles go together. "
                + "The instance that writes the sightings hands them to watchlist matching and the traffic rules in its own "
                + "memory, so an instance with one of them and not the other would leave detections stored but never matched, "
                + "or matching with nothing to match. Give both roles to the same instance.");
        }
    }

    /**
     * Whether detections travel through Apache Kafka: then any number of instances take and write them,
     * and intake and processing may run on different instances.
     */
    public boolean streamed() {
        return streamed;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Set<Role> roles() {
        return roles;
    }

    /** This instance's name among those on its database. */
    public String instance() {
        return instance;
    }

    /** The cluster this instance belongs to: every instance on the database, in production. */
    public String cluster() {
        return cluster;
    }

    /** An instance not heard from for this long is taken for dead. */
    public Duration aliveFor() {
        return aliveFor;
    }

    /** The roles as SAFECITY_ROLES spells them, e.g. {@code web,intake,processing}. */
    public String words() {
        return roles.stream().map(Role::word).collect(Collectors.joining(","));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "safecity";
        }
    }
}
