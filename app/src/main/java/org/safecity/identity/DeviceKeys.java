package org.safecity.identity;

import java.util.Optional;

/**
 * Resolves a presented device key to its device. The {@code registry} module, which owns devices,
 * provides the implementation; identity only asks, so the dependency points one way.
 */
public interface DeviceKeys {

    Optional<Actor.Machine> authenticate(String presentedKey);
}
