package org.safecity.traffic.internal.portal;

import java.time.Clock;
import org.safecity.cluster.OncePerCluster;
import org.safecity.traffic.internal.TrafficSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits the public portal per client address and minute, so plate and CNIC pairs cannot be tried in bulk.
 * The address is the client's: the connection's own, or the one a trusted reverse proxy forwards (a
 * forwarded-for header from anyone else is the client's to forge and is ignored). Counted in
 * {@code traffic.portal_request}, so the limit holds across every instance of SafeCity and a restart.
 */
@Component
class PortalThrottle {

    private final JdbcClient jdbc;
    private final TrafficSettings settings;
    private final Clock clock;

    private final OncePerCluster oncePerCluster;

    PortalThrottle(JdbcClient jdbc, TrafficSettings settings, Clock clock, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts one request; false once the address has used up its minute. */
    boolean allow(String address) {
        int requests = jdbc.sql("""
                insert into traffic.portal_request as r (address, minute, requests) values (?, ?, 1)
                on conflict (minute, address) do update set requests = r.requests + 1
                returning requests""")
            .params(address, currentMinute()).query(Integer.class).single();
        return requests <= settings.portalRequestsPerMinute();
    }

    long secondsToNextMinute() {
        return 60 - clock.instant().getEpochSecond() % 60;
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetOldMinutes() {
        if (!oncePerCluster.mine("traffic portal-minutes")) {
            return; // another instance of the cluster runs it
        }
        jdbc.sql("delete from traffic.portal_request where minute < ?").param(currentMinute()).update();
    }

    private long currentMinute() {
        return clock.instant().getEpochSecond() / 60;
    }
}
