package org.safecity.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after a few failures for one username, or many from one address,
 * further attempts are refused for a time that doubles with each failure (up to 15 minutes).
 * A success clears the username's count. Kept in memory: a restart forgives, which is acceptable
 * for one instance; several instances would share this through the database.
 */
@Component
class SignInThrottle {

    static final int FREE_FAILURES_PER_USER = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before trying again; zero when it may try now. */
    Duration waitBefore(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(userKey(username), now);
        Duration addr = remaining(addressKey(address), now);
        return user.compareTo(addr) >= 0 ? user : addr;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        failures.compute(userKey(username), (k, f) -> next(f, FREE_FAILURES_PER_USER, now));
        failures.compute(addressKey(address), (k, f) -> next(f, FREE_FAILURES_PER_ADDRESS, now));
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    @Scheduled(fixedDelay = 600_000)
    void forgetOldFailures() {
        Instant cutoff = clock.instant().minus(LONGEST_LOCK.multipliedBy(2));
        failures.values().removeIf(f -> f.last().isBefore(cutoff));
    }

    private Duration remaining(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.lockedUntil() == null || !f.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil());
    }

    private static Failures next(Failures previous, int free, Instant now) {
        int count = previous == null ? 1 : previous.count() + 1;
        Instant lockedUntil = null;
        if (count >= free) {
            long factor = 1L << Math.min(count - free, 10);
            Duration lock = FIRST_LOCK.multipliedBy(factor);
            lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
        }
        return new Failures(count, now, lockedUntil);
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }
}
