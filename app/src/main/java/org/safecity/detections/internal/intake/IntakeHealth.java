package org.safecity.detections.internal.intake;

import org.safecity.cluster.ClusterLease;
import org.safecity.cluster.InstanceRoles;
import org.safecity.cluster.Role;
import org.safecity.detections.internal.DeliveringDetections;
import org.safecity.detections.internal.storage.SightingWriter;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code intake} (part of readiness): on an instance with the intake
 * role, DOWN while its sighting writer does not run (stopping) or does not hold the writer's lease (lost while
 * the database was away, and taken by another instance meanwhile).
 */
@Component("intake")
class IntakeHealth implements HealthIndicator {

    private final InstanceRoles roles;
    private final SightingWriter writer;
    private final ClusterLease lease;

    IntakeHealth(InstanceRoles roles, SightingWriter writer, ClusterLease lease) {
        this.roles = roles;
        this.writer = writer;
        this.lease = lease;
    }

    @Override
    public Health health() {
        if (!roles.has(Role.INTAKE)) {
            return Health.up().withDetail("intake", "not this instance's role").build();
        }
        var health = !writer.isRunning() ? Health.down().withDetail("problem", "the sighting writer is not running")
            : !roles.streamed() && !lease.holds(DeliveringDetections.WRITER) ? Health.down().withDetail("problem", "the sighting writer's lease is not held")
            : Health.up();
        return health.withDetail("queued", writer.queued()).build();
    }
}
