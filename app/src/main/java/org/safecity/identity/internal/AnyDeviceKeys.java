package org.safecity.identity.internal;

import java.util.Optional;
import org.safecity.identity.Actor;
import org.safecity.identity.DeviceKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Several modules issue device keys (cameras' devices, panic buttons); whoever asks for
 * {@link DeviceKeys} gets this one, which asks each of them in turn.
 */
@Component
@Primary
class AnyDeviceKeys implements DeviceKeys {

    private final ObjectProvider<DeviceKeys> issuers;

    AnyDeviceKeys(ObjectProvider<DeviceKeys> issuers) {
        this.issuers = issuers;
    }

    @Override
    public Optional<Actor.Machine> authenticate(String presentedKey) {
        return issuers.orderedStream()
            .filter(issuer -> issuer != this)
            .map(issuer -> issuer.authenticate(presentedKey))
            .flatMap(Optional::stream)
            .findFirst();
    }
}
