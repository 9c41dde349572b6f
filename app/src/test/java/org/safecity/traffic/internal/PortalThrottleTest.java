package org.safecity.traffic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PortalThrottleTest {

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
        var throttle = new PortalThrottle(allowing(3), clock);

        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allow("203.0.113.7")).isTrue();
        }
        boolean fourth = throttle.allow("203.0.113.7");
        boolean otherAddress = throttle.allow("198.51.100.2");
        long wait = throttle.secondsToNextMinute();
        clock.now = clock.now.plusSeconds(wait);

        assertThat(fourth).isFalse();
        assertThat(otherAddress).isTrue();
        assertThat(wait).isEqualTo(55);
        assertThat(throttle.allow("203.0.113.7")).isTrue();
    }
}
