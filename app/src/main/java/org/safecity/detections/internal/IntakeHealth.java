package org.safecity.detections.internal;

import org.safecity.cluster.InstanceRoles;
import org.safecity.cluster.Role;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code intake} (part of readiness): on an instance with the intake
 * role, DOWN while its sighting writer does not run (stopping), so the load balancer sends devices elsewhere.
 */
@Component("intake")
class IntakeHealth implements HealthIndicator {

    private final InstanceRoles roles;
    private final SightingWriter writer;

    IntakeHealth(InstanceRoles roles, SightingWriter writer) {
        this.roles = roles;
        this.writer = writer;
    }

    @Override
    public Health health() {
        if (!roles.has(Role.INTAKE)) {
            return Health.up().withDetail("intake", "not this instance's role").build();
        }
        var health = writer.isRunning() ? Health.up() : Health.down().withDetail("problem", "the sighting writer is not running");
        return health.withDetail("queued", writer.queued()).build();
    }
}
