package org.safecity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Against the real table; each test's usernames and addresses are its own, as the table is shared. */
class SignInThrottleTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.safecity.cluster.OncePerCluster oncePerCluster;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private SignInThrottle throttle;
    private String run;

    @BeforeEach
    void throttleOnTheSharedTable() {
        throttle = new SignInThrottle(jdbc, clock, oncePerCluster);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    private String user(String name) {
        return name + "." + run;
    }

    private String address(String address) {
        return address + "/" + run;
    }

    @Test
    void a_few_mistakes_are_free() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_USER - 1; i++) {
            throttle.failed(user("operator.one"), address("10.0.0.1"));
        }
        assertThat(throttle.waitBefore(user("operator.one"), address("10.0.0.1"))).isZero();
    }

    @Test
    void repeated_failures_for_one_username_lock_it_for_a_time_that_doubles() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_USER; i++) {
            throttle.failed(user("operator.one"), address("10.0.0." + i));
        }
        assertThat(throttle.waitBefore(user("operator.one"), address("10.0.0.99"))).isEqualTo(SignInThrottle.FIRST_LOCK);

        clock.advance(SignInThrottle.FIRST_LOCK);
        throttle.failed(user("operator.one"), address("10.0.0.99"));
        assertThat(throttle.waitBefore(user("operator.one"), address("10.0.0.99"))).isEqualTo(SignInThrottle.FIRST_LOCK.multipliedBy(2));
    }

    @Test
    void the_lock_never_exceeds_fifteen_minutes() {
        for (int i = 0; i < 40; i++) {
            throttle.failed(user("operator.one"), address("10.0.0." + i));
        }
        assertThat(throttle.waitBefore(user("operator.one"), address("10.0.0.200"))).isEqualTo(SignInThrottle.LONGEST_LOCK);
    }

    @Test
    void one_address_guessing_many_usernames_is_locked_too() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            throttle.failed(user("user" + i), address("203.0.113.7"));
        }
        assertThat(throttle.waitBefore(user("someone.new"), address("203.0.113.7"))).isPositive();
        assertThat(throttle.waitBefore(user("someone.new"), address("203.0.113.8"))).isZero();
    }

    @Test
    void a_successful_sign_in_clears_the_username_s_count() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_USER - 1; i++) {
            throttle.failed(user("operator.one"), address("10.0.0.1"));
        }
        throttle.succeeded(user("operator.one"));
        throttle.failed(user("operator.one"), address("10.0.0.1"));
        assertThat(throttle.waitBefore(user("operator.one"), address("10.0.0.2"))).isZero();
    }

    @Test
    void failures_counted_by_two_instances_add_up() {
        var otherInstance = new SignInThrottle(jdbc, clock, oncePerCluster);
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_USER; i++) {
            (i % 2 == 0 ? throttle : otherInstance).failed(user("operator.one"), address("10.0.0." + i));
        }
        assertThat(throttle.waitBefore(user("operator.one"), address("10.0.0.99"))).isEqualTo(SignInThrottle.FIRST_LOCK);
        assertThat(otherInstance.waitBefore(user("operator.one"), address("10.0.0.99"))).isEqualTo(SignInThrottle.FIRST_LOCK);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
