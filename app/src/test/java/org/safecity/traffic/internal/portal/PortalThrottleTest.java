package org.safecity.traffic.internal.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.traffic.internal.TrafficSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Against the real table; the addresses are this run's own, as the table is shared. */
class PortalThrottleTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.safecity.cluster.OncePerCluster oncePerCluster;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:05Z");

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

    private static TrafficSettings allowing(int perMinute) {
        return new TrafficSettings(30, 20, 0.8, Duration.ofMinutes(10), 3, Duration.ofHours(1), null, Duration.ofDays(3), perMinute,
            Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofHours(2));
    }

    @Test
    void an_address_is_refused_beyond_its_requests_of_the_minute_and_allowed_again_in_the_next() {
        var clock = new Hand();
        var throttle = new PortalThrottle(jdbc, allowing(3), clock, oncePerCluster);

        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allow("203.0.113.7/" + run)).isTrue();
        }
        boolean fourth = throttle.allow("203.0.113.7/" + run);
        boolean otherAddress = throttle.allow("198.51.100.2/" + run);
        long wait = throttle.secondsToNextMinute();
        clock.now = clock.now.plusSeconds(wait);

        assertThat(fourth).isFalse();
        assertThat(otherAddress).isTrue();
        assertThat(wait).isEqualTo(55);
        assertThat(throttle.allow("203.0.113.7/" + run)).isTrue();
    }

    @Test
    void requests_to_two_instances_count_against_one_limit() {
        var clock = new Hand();
        var one = new PortalThrottle(jdbc, allowing(3), clock, oncePerCluster);
        var other = new PortalThrottle(jdbc, allowing(3), clock, oncePerCluster);
        String address = "192.0.2.9/" + run;

        assertThat(one.allow(address)).isTrue();
        assertThat(other.allow(address)).isTrue();
        assertThat(one.allow(address)).isTrue();
        assertThat(other.allow(address)).isFalse();
    }
}
