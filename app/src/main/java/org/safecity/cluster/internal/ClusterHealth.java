package org.safecity.cluster.internal;

import org.safecity.cluster.InstanceRoles;
import org.safecity.cluster.LiveInstances;
import org.safecity.cluster.Role;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code cluster} (part of readiness): DOWN while this instance is not
 * among the live ones its cluster sees (its heartbeat or the lease of its name is lost), when the other
 * instances would already be doing its share (recording its cameras) without it.
 */
@Component("cluster")
class ClusterHealth implements HealthIndicator {

    private final InstanceRoles roles;
    private final LiveInstances live;

    ClusterHealth(InstanceRoles roles, LiveInstances live) {
        this.roles = roles;
        this.live = live;
    }

    @Override
    public Health health() {
        var role = roles.roles().iterator().next();
        boolean seen;
        try {
            seen = live.alive(role).contains(roles.instance());
        } catch (RuntimeException e) {
            return Health.down().withDetail("instance", roles.instance()).withDetail("problem", "cannot read the live instances").build();
        }
        var health = seen ? Health.up() : Health.down().withDetail("problem", "the cluster does not see this instance alive");
        return health.withDetail("instance", roles.instance()).withDetail("roles", roles.words())
            .withDetail("recordingNodes", roles.has(Role.RECORDING) ? live.alive(Role.RECORDING).size() : 0).build();
    }
}
