package org.safecity.detections.internal.sightings;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.safecity.detections.LatestSightings;
import org.safecity.detections.OcrConfusion;
import org.safecity.identity.CurrentActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link LatestSightings} by the folded-plate index, as sightings search finds a plate. */
@Component
class ReadingLatestSightings implements LatestSightings {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReadingLatestSightings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<SightingSummary> of(String normalisedPlate, int days, int limit) {
        var scope = CurrentActor.jurisdiction();
        var since = Timestamp.from(clock.instant().minus(Duration.ofDays(Math.max(1, Math.min(31, days)))));
        return jdbc.sql("""
                select id, camera_id, observed_at, plate_read, city_code, lat, lon from detections.sighting
                where plate_folded = ? and plate = ? and observed_at >= ?
                  and (cast(? as text) is null or city_code = ?) and (cast(? as text) is null or zone_code = ?)
                order by observed_at desc limit ?""")
            .params(OcrConfusion.fold(normalisedPlate), normalisedPlate, since, scope.cityCode(), scope.cityCode(), scope.zoneCode(),
                scope.zoneCode(), limit)
            .query((rs, n) -> new SightingSummary(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5),
                (Double) rs.getObject(6), (Double) rs.getObject(7)))
            .list();
    }
}
