package org.safecity.emergency.internal.figures;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safecity.emergency.internal.incidents.IncidentStore;
import org.safecity.emergency.internal.incidents.Priority;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.TimeConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supervisor measures the response: the figures of the incidents opened on a range of days, in
 * their jurisdiction, optionally one city or zone. Incidents merged into another count once, as
 * the one they were merged into.
 */
@Service
class MeasuringResponses {

    private final JdbcClient jdbc;
    private final Clock clock;

    MeasuringResponses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Figures(LocalDate from, LocalDate to, List<ResponseFigures.Group> groups, ResponseFigures.Group total) {
    }

    /** {@code from} and {@code to} are days in Pakistan time, inclusive; null means the last 7 days up to today. */
    @Transactional(readOnly = true)
    Figures figures(LocalDate from, LocalDate to, String city, String zone, Jurisdiction scope) {
        LocalDate today = clock.instant().atZone(TimeConfiguration.DISPLAY_ZONE).toLocalDate();
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusDays(6) : from;
        if (first.isAfter(last)) {
            throw new InvalidInput("from", "must not be after to");
        }
        if (first.plusDays(366).isBefore(last)) {
            throw new InvalidInput("from", "the range can be at most a year");
        }
        if (city != null && !scope.coversCity(city)) {
            throw new InvalidInput("city", "is outside your jurisdiction (" + scope + ")");
        }
        Instant start = first.atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant();
        var rows = jdbc.sql("""
                select i.id, i.type, i.priority, i.city_code, i.zone_code, i.opened_at, i.dispatched_at, i.arrived_at,
                       (select count(*) from emergency.target_breach b where b.incident_id = i.id and b.measure = 'CALL_TO_DISPATCH'),
                       (select count(*) from emergency.target_breach b where b.incident_id = i.id and b.measure = 'DISPATCH_TO_ARRIVAL')
                from emergency.incident i
                where i.opened_at >= :start and i.opened_at < :end and i.merged_into is null and
                """ + IncidentStore.IN_JURISDICTION + """
                  and (cast(:onlyCity as text) is null or i.city_code = :onlyCity)
                  and (cast(:onlyZone as text) is null or i.zone_code = :onlyZone)""")
            .param("start", java.sql.Timestamp.from(start)).param("end", java.sql.Timestamp.from(end))
            .param("city", scope.cityCode()).param("zone", scope.zoneCode())
            .param("onlyCity", city).param("onlyZone", zone)
            .query((rs, n) -> new ResponseFigures.Row(rs.getLong(1), rs.getString(2), Priority.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), IncidentStore.instant(rs, 6), IncidentStore.instant(rs, 7),
                IncidentStore.instant(rs, 8), rs.getInt(9), rs.getInt(10)))
            .list();
        return new Figures(first, last, ResponseFigures.byCityZoneDay(rows, TimeConfiguration.DISPLAY_ZONE),
            ResponseFigures.summarise(city != null ? city : scope.cityCode(), zone, null, rows));
    }
}
