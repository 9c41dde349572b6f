package org.safecity.traffic.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits the public portal per client address and minute, so plate and CNIC pairs cannot be tried in bulk.
 * The address is the connection's own (a forwarded-for header is the client's to forge).
 */
@Component
class PortalThrottle {

    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final TrafficSettings settings;
    private final Clock clock;
    private volatile long minute;

    PortalThrottle(TrafficSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.minute = currentMinute();
    }

    /** Counts one request; false once the address has used up its minute. */
    boolean allow(String address) {
        long now = currentMinute();
        if (now != minute) {
            minute = now;
            counts.clear();
        }
        return counts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() <= settings.portalRequestsPerMinute();
    }

    long secondsToNextMinute() {
        return 60 - clock.instant().getEpochSecond() % 60;
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetOldMinutes() {
        if (currentMinute() != minute) {
            counts.clear();
        }
    }

    private long currentMinute() {
        return clock.instant().getEpochSecond() / 60;
    }
}
