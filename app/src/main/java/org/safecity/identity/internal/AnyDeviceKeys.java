package org.safecity.identity.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.safecity.shared.BearerSecret;
import org.safecity.identity.Actor;
import org.safecity.identity.DeviceKeyRevoked;
import org.safecity.identity.DeviceKeys;
import org.safecity.shared.InstanceNotices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Several modules issue device keys (cameras' devices, panic buttons); whoever asks for
 * {@link DeviceKeys} gets this one, which asks each of them in turn.
 * <p>
 * A device presents its key with every batch, hundreds of times a second across the network, so a
 * resolved key is remembered for {@code safecity.identity.device-key-memory} (by its SHA-256, never the
 * key itself). A revocation forgets everything at once, and again once it has committed, on this
 * instance and, told by an {@link InstanceNotices} notice, on every other one.
 */
@Component
@Primary
class AnyDeviceKeys implements DeviceKeys, InstanceNotices.Listener {

    private static final String TOPIC = "device-keys";

    /** Beyond this many remembered keys the memory starts again, so unknown keys cannot grow it without bound. */
    private static final int MOST_REMEMBERED = 100_000;

    private record Remembered(Actor.Machine device, long untilNanos) {
    }

    private final ObjectProvider<DeviceKeys> issuers;
    private final long memoryNanos;
    private final ConcurrentHashMap<ByteBuffer, Remembered> remembered = new ConcurrentHashMap<>();
    /** Counts revocations, so a lookup that raced one does not remember what it read before it. */
    private final AtomicLong revocations = new AtomicLong();

    private final InstanceNotices notices;

    AnyDeviceKeys(ObjectProvider<DeviceKeys> issuers, @Value("${safecity.identity.device-key-memory}") Duration memory,
                  InstanceNotices notices) {
        this.issuers = issuers;
        this.memoryNanos = memory.toNanos();
        this.notices = notices;
        notices.listen(TOPIC, this);
    }

    @Override
    public Optional<Actor.Machine> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        var fingerprint = fingerprint(presentedKey);
        long now = System.nanoTime();
        var known = remembered.get(fingerprint);
        if (known != null && now - known.untilNanos() < 0) {
            return Optional.of(known.device());
        }
        long revocationsBefore = revocations.get();
        Optional<Actor.Machine> device = issuers.orderedStream()
            .filter(issuer -> issuer != this)
            .map(issuer -> issuer.authenticate(presentedKey))
            .flatMap(Optional::stream)
            .findFirst();
        if (device.isPresent() && memoryNanos > 0) {
            if (remembered.size() >= MOST_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(fingerprint, new Remembered(device.get(), now + memoryNanos));
            if (revocations.get() != revocationsBefore) {
                remembered.remove(fingerprint); // a revocation came between the lookup and now: it may be this key's
            }
        } else if (known != null) {
            remembered.remove(fingerprint, known);
        }
        return device;
    }

    /** Forgets every remembered key now, and again once the revoking transaction has committed. */
    @EventListener
    void on(DeviceKeyRevoked revoked) {
        forget();
        notices.tell(TOPIC, "revoked " + revoked.issuer() + " " + revoked.id());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget();
                }
            });
        }
    }

    /** Another instance revoked a key. */
    @Override
    public void heard(String revocation) {
        forget();
    }

    @Override
    public void mayHaveMissed() {
        forget();
    }

    private void forget() {
        revocations.incrementAndGet();
        remembered.clear();
    }

    private static ByteBuffer fingerprint(String key) {
        return ByteBuffer.wrap(BearerSecret.hash(key));
    }
}
