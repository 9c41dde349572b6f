package org.safecity.detections.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.OcrConfusion;
import org.safecity.identity.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of {@code detections.sighting}; every query names its time range so PostgreSQL reads only those days' partitions. */
@Repository
class SightingStore {

    /** One stored sighting. */
    record Sighting(long id, long cameraId, DetectionKind kind, Instant observedAt, String plate, String plateRead, Double confidence,
                    String cityCode, String zoneCode, Double lat, Double lon, String details) {
    }

    private final JdbcClient jdbc;

    SightingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Sighting> search(SightingQuery query, Jurisdiction jurisdiction) {
        var sql = new StringBuilder("""
            select id, camera_id, kind, observed_at, plate, plate_read, confidence, city_code, zone_code, lat, lon, details::text as details
            from detections.sighting where observed_at >= ? and observed_at < ?""");
        var params = new ArrayList<Object>(List.of(Timestamp.from(query.from()), Timestamp.from(query.to())));
        if (query.plate() != null) {
            if (query.fuzzy()) {
                // Every folded plate within one missing or extra character of the query, looked up by index.
                sql.append(" and plate_folded = any(string_to_array(?, ','))");
                params.add(String.join(",", OcrConfusion.withinOneCharacter(OcrConfusion.fold(query.plate()))));
            } else {
                sql.append(" and plate = ?");
                params.add(query.plate());
            }
        }
        if (query.kind() != null) {
            sql.append(" and kind = ?");
            params.add(query.kind().jsonName());
        }
        if (query.city() != null) {
            sql.append(" and city_code = ?");
            params.add(query.city());
        }
        if (!jurisdiction.isProvince()) {
            sql.append(" and city_code = ?");
            params.add(jurisdiction.cityCode());
            if (jurisdiction.zoneCode() != null) {
                sql.append(" and zone_code = ?");
                params.add(jurisdiction.zoneCode());
            }
        }
        if (query.cameraId() != null) {
            sql.append(" and camera_id = ?");
            params.add(query.cameraId());
        }
        if (query.box() != null) {
            sql.append(" and lat between ? and ? and lon between ? and ?");
            params.addAll(List.of(query.box().minLat(), query.box().maxLat(), query.box().minLon(), query.box().maxLon()));
        }
        sql.append(" order by observed_at, id limit ?");
        params.add(query.limit());
        return jdbc.sql(sql.toString()).params(params).query(SightingStore::sighting).list();
    }

    private static Sighting sighting(ResultSet rs, int row) throws SQLException {
        double confidence = rs.getDouble("confidence");
        Double conf = rs.wasNull() ? null : confidence;
        double lat = rs.getDouble("lat");
        Double latitude = rs.wasNull() ? null : lat;
        double lon = rs.getDouble("lon");
        Double longitude = rs.wasNull() ? null : lon;
        return new Sighting(rs.getLong("id"), rs.getLong("camera_id"), DetectionKind.fromJson(rs.getString("kind")).orElseThrow(),
            rs.getTimestamp("observed_at").toInstant(), rs.getString("plate"), rs.getString("plate_read"), conf,
            rs.getString("city_code"), rs.getString("zone_code"), latitude, longitude, rs.getString("details"));
    }
}
