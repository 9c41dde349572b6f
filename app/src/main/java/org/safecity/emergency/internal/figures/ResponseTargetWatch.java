package org.safecity.emergency.internal.figures;

import java.time.Clock;
import java.time.Instant;
import org.safecity.cluster.OncePerCluster;
import org.safecity.emergency.ResponseTargetBreached;
import org.safecity.emergency.internal.incidents.IncidentChanged;
import org.safecity.emergency.internal.incidents.IncidentStore;
import org.safecity.emergency.internal.incidents.Priority;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watches the response timers: an incident with no dispatch once its priority's call-to-dispatch
 * time has passed, or no arrival once dispatch-to-arrival has, breaches its target. Each breach is
 * recorded once, written on the incident's timeline and published for supervisors. Late dispatches
 * and arrivals that happened between two rounds are caught too, from their recorded times.
 */
@Component
class ResponseTargetWatch {

    private final JdbcClient jdbc;
    private final BreachStore breaches;
    private final IncidentStore incidents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final OncePerCluster oncePerCluster;

    ResponseTargetWatch(JdbcClient jdbc, BreachStore breaches, IncidentStore incidents, ApplicationEventPublisher events,
                        Clock clock, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.jdbc = jdbc;
        this.breaches = breaches;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    record Overdue(long incidentId, String measure, Priority priority, int targetSeconds, String cityCode, String zoneCode) {
    }

    @Scheduled(fixedDelayString = "${safecity.emergency.target-check-interval}", initialDelayString = "10s")
    void checkNow() {
        if (!oncePerCluster.mine("emergency response-targets")) {
            return; // another instance of the cluster runs it
        }
        check(clock.instant());
    }

    /** One round as of {@code now}; returns how many new breaches it found. */
    @Transactional
    int check(Instant now) {
        var overdue = jdbc.sql("""
                select i.id, 'CALL_TO_DISPATCH' as measure, i.priority, t.call_to_dispatch_seconds as target, i.city_code, i.zone_code
                from emergency.incident i join emergency.response_target t on t.priority = i.priority
                where i.merged_into is null
                  and (i.dispatched_at is not null or i.status in ('NEW', 'DISPATCHED', 'EN_ROUTE', 'ON_SCENE'))
                  and coalesce(i.dispatched_at, :now) > i.opened_at + make_interval(secs => t.call_to_dispatch_seconds)
                  and not exists (select 1 from emergency.target_breach b where b.incident_id = i.id and b.measure = 'CALL_TO_DISPATCH')
                union all
                select i.id, 'DISPATCH_TO_ARRIVAL', i.priority, t.dispatch_to_arrival_seconds, i.city_code, i.zone_code
                from emergency.incident i join emergency.response_target t on t.priority = i.priority
                where i.merged_into is null and i.dispatched_at is not null
                  and (i.arrived_at is not null or i.status in ('DISPATCHED', 'EN_ROUTE'))
                  and coalesce(i.arrived_at, :now) > i.dispatched_at + make_interval(secs => t.dispatch_to_arrival_seconds)
                  and not exists (select 1 from emergency.target_breach b where b.incident_id = i.id and b.measure = 'DISPATCH_TO_ARRIVAL')
                """)
            .param("now", java.sql.Timestamp.from(now))
            .query((rs, n) -> new Overdue(rs.getLong(1), rs.getString(2), Priority.valueOf(rs.getString(3)), rs.getInt(4),
                rs.getString(5), rs.getString(6)))
            .list();
        int found = 0;
        for (var o : overdue) {
            if (breaches.record(o.incidentId(), o.measure(), o.priority(), o.targetSeconds(), now)) {
                found++;
                String what = o.measure().equals("CALL_TO_DISPATCH") ? "no unit dispatched" : "no unit arrived";
                incidents.addTimeline(o.incidentId(), now, "system", "BREACH", "Response target missed: " + what + " within "
                    + minutes(o.targetSeconds()) + " (" + o.priority() + ")", null);
                events.publishEvent(new ResponseTargetBreached(o.incidentId(), o.measure(), o.priority().name(),
                    java.time.Duration.ofSeconds(o.targetSeconds()), o.cityCode(), o.zoneCode(), now));
                events.publishEvent(new IncidentChanged(o.incidentId(), o.cityCode(), o.zoneCode(), "breach"));
            }
        }
        return found;
    }

    private static String minutes(int seconds) {
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
