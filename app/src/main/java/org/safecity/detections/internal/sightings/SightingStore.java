package org.safecity.detections.internal.sightings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.OcrConfusion;
import org.safecity.detections.internal.CameraPlacements;
import org.safecity.detections.internal.intake.ReadingDetections;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads of {@code detections.sighting}; every query names its time range so PostgreSQL reads only those days' partitions. */
@Repository
public class SightingStore {

    /** One stored sighting. */
    record Sighting(long id, long cameraId, DetectionKind kind, Instant observedAt, String plate, String plateRead, Double confidence,
                    String cityCode, String zoneCode, Double lat, Double lon, String details) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CameraPlacements placements;

    SightingStore(JdbcClient jdbc, JsonMapper json, CameraPlacements placements) {
        this.jdbc = jdbc;
        this.json = json;
        this.placements = placements;
    }

    /**
     * Stored detections with an id after {@code afterId} and at most {@code upTo}, in id order, as they
     * were handed over when stored (the id range is found through the BRIN index of each partition): the
     * placement the sighting recorded, with the camera's names as they are now, and the measurements read
     * from the stored details by the code that read them at intake.
     */
    public List<AcceptedDetection> storedAfter(long afterId, long upTo, int limit) {
        return jdbc.sql("""
                select id, device_id, event_id, camera_id, kind, observed_at, received_at, plate, plate_read, confidence,
                       city_code, zone_code, lat, lon, details::text as details
                from detections.sighting where id > ? and id <= ? order by id limit ?""")
            .params(afterId, upTo, limit).query(this::accepted).list();
    }

    private AcceptedDetection accepted(ResultSet rs, int row) throws SQLException {
        var kind = DetectionKind.fromJson(rs.getString("kind")).orElseThrow();
        String details = rs.getString("details");
        double confidence = rs.getDouble("confidence");
        Double conf = rs.wasNull() ? null : confidence;
        float[] embedding = null;
        String faceModel = null;
        String analytic = null;
        JsonNode root = json.readTree(details);
        JsonNode body = root.path(kind.jsonName());
        // The columns hold what every kind shares; a face's vector and an analytic's type are in the item's own JSON.
        if (kind == DetectionKind.FACE) {
            faceModel = body.path("model").asString("").strip();
            JsonNode values = body.path("embedding");
            embedding = new float[values.size()];
            for (int i = 0; i < embedding.length; i++) {
                embedding[i] = (float) values.get(i).doubleValue();
            }
        } else if (kind == DetectionKind.ANALYTIC) {
            analytic = body.path("type").asString("").strip();
        }
        double lat = rs.getDouble("lat");
        boolean placed = !rs.wasNull();
        double lon = rs.getDouble("lon");
        placed = placed && !rs.wasNull();
        long cameraId = rs.getLong("camera_id");
        var placement = placements.placement(cameraId, rs.getString("city_code"), rs.getString("zone_code"),
            placed ? new GeoPoint(lat, lon) : null);
        return new AcceptedDetection(rs.getLong("id"), rs.getLong("device_id"), rs.getString("event_id"), placement, kind,
            rs.getTimestamp("observed_at").toInstant(), rs.getTimestamp("received_at").toInstant(), rs.getString("plate"),
            rs.getString("plate_read"), conf, embedding, faceModel, analytic,
            ReadingDetections.measurements(kind, body, root.path("images")));
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
                // The folded-plate index finds the candidates (a plate has one folded form); the plate itself decides.
                sql.append(" and plate_folded = ? and plate = ?");
                params.add(OcrConfusion.fold(query.plate()));
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
