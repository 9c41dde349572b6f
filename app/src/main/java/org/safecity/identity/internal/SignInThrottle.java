package org.safecity.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.safecity.cluster.OncePerCluster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after a few failures for one username, or many from one address,
 * further attempts are refused for a time that doubles with each failure (up to 15 minutes).
 * A success clears the username's count. The counts are kept in {@code identity.sign_in_failure},
 * so every instance of SafeCity counts the same guesses and a restart forgives none.
 */
@Component
class SignInThrottle {

    static final int FREE_FAILURES_PER_USER = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    private final OncePerCluster oncePerCluster;

    SignInThrottle(JdbcClient jdbc, Clock clock, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again; zero when it may try now. */
    Duration waitBefore(String username, String address) {
        Instant now = clock.instant();
        return jdbc.sql("select max(locked_until) from identity.sign_in_failure where subject in (?, ?)")
            .params(userKey(username), addressKey(address))
            .query(Timestamp.class).optional()
            .map(Timestamp::toInstant)
            .filter(until -> until.isAfter(now))
            .map(until -> Duration.between(now, until))
            .orElse(Duration.ZERO);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        count(userKey(username), FREE_FAILURES_PER_USER, now);
        count(addressKey(address), FREE_FAILURES_PER_ADDRESS, now);
    }

    void succeeded(String username) {
        jdbc.sql("delete from identity.sign_in_failure where subject = ?").param(userKey(username)).update();
    }

    @Scheduled(fixedDelay = 600_000)
    void forgetOldFailures() {
        if (!oncePerCluster.mine("identity old-sign-in-failures")) {
            return; // another instance of the cluster runs it
        }
        Instant cutoff = clock.instant().minus(LONGEST_LOCK.multipliedBy(2));
        jdbc.sql("delete from identity.sign_in_failure where last_failed_at < ?").param(Timestamp.from(cutoff)).update();
    }

    /** One more failure for the subject, counted in one statement however many instances count at once. */
    private void count(String subject, int free, Instant now) {
        int failures = jdbc.sql("""
                insert into identity.sign_in_failure as f (subject, failures, last_failed_at) values (?, 1, ?)
                on conflict (subject) do update set failures = f.failures + 1, last_failed_at = excluded.last_failed_at
                returning failures""")
            .params(subject, Timestamp.from(now)).query(Integer.class).single();
        if (failures >= free) {
            long factor = 1L << Math.min(failures - free, 10);
            Duration lock = FIRST_LOCK.multipliedBy(factor);
            Instant lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
            jdbc.sql("update identity.sign_in_failure set locked_until = greatest(locked_until, ?) where subject = ?")
                .params(Timestamp.from(lockedUntil), subject).update();
        }
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
