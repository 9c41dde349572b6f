package org.safecity.vision.internal.analytics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Each camera's analytics settings ({@code vision.camera_analytics}), kept as the JSON the API shows. */
@Repository
class AnalyticsSettingsStore {

    record Stored(AnalyticsSettings settings, String changedBy, Instant changedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    AnalyticsSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(long cameraId) {
        return jdbc.sql("select settings::text, changed_by, changed_at from vision.camera_analytics where camera_id = ?").param(cameraId)
            .query((rs, n) -> new Stored(ReadingAnalyticsSettings.read(json.readTree(rs.getString(1))), rs.getString(2),
                rs.getTimestamp(3).toInstant())).optional();
    }

    /** Every camera with an analyser switched on. */
    Map<Long, AnalyticsSettings> switchedOn() {
        var on = new HashMap<Long, AnalyticsSettings>();
        jdbc.sql("""
                select camera_id, settings::text from vision.camera_analytics
                where (settings ->> 'plates')::boolean or (settings ->> 'faces')::boolean or (settings ->> 'objects')::boolean""")
            .query(rs -> {
                on.put(rs.getLong(1), ReadingAnalyticsSettings.read(json.readTree(rs.getString(2))));
            });
        return on;
    }

    void put(long cameraId, AnalyticsSettings settings, String by, Instant at) {
        jdbc.sql("""
                insert into vision.camera_analytics (camera_id, settings, changed_by, changed_at) values (?, ?::jsonb, ?, ?)
                on conflict (camera_id) do update set settings = excluded.settings, changed_by = excluded.changed_by,
                                                      changed_at = excluded.changed_at""")
            .params(cameraId, json.writeValueAsString(settings.json()), by, Timestamp.from(at)).update();
    }

    /** Sets the settings unless the camera has some already (the demo's defaults, on every start). */
    boolean putIfAbsent(long cameraId, AnalyticsSettings settings, String by, Instant at) {
        return jdbc.sql("""
                insert into vision.camera_analytics (camera_id, settings, changed_by, changed_at) values (?, ?::jsonb, ?, ?)
                on conflict (camera_id) do nothing""")
            .params(cameraId, json.writeValueAsString(settings.json()), by, Timestamp.from(at)).update() > 0;
    }
}
