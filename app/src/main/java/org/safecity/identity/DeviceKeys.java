package org.safecity.identity;

import java.util.Optional;

/**
 * Resolves a presented device key to its device. The modules that issue keys (registry for
 * cameras' devices, emergency for panic buttons) implement it; identity only asks, so the
 * dependency points one way. Injecting {@code DeviceKeys} gives the one that asks them all.
 */
public interface DeviceKeys {

    Optional<Actor.Machine> authenticate(String presentedKey);
}
