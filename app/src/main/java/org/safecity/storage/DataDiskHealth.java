package org.safecity.storage;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code dataDisk}: DOWN when the disk holding the data directory
 * has less free space than {@link FreeSpace} requires, so a load balancer or monitor sees that writes
 * are about to fail (or failing) before people do.
 */
@Component("dataDisk")
class DataDiskHealth implements HealthIndicator {

    private final Path dataDir;
    private final String minimum;

    DataDiskHealth(StorageSettings settings, @Value("${safecity.min-free-space}") String minimum) {
        this.dataDir = settings.dataDir().toAbsolutePath().normalize();
        this.minimum = minimum;
    }

    @Override
    public Health health() {
        try {
            var room = FreeSpace.of(dataDir, minimum);
            var health = room.enough() ? Health.up() : Health.down().withDetail("problem", room.shortage(dataDir));
            return health.withDetail("path", dataDir.toString()).withDetail("free", room.usable()).withDetail("total", room.total())
                .withDetail("minimum", room.minimum()).build();
        } catch (IOException e) {
            return Health.down().withDetail("path", dataDir.toString()).withDetail("problem", "cannot measure: " + e.getMessage()).build();
        }
    }
}
