package org.safecity.vision.internal.plates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.safecity.identity.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The plate reads vision reported ({@code vision.plate_read}), people's corrections of them
 * ({@code vision.read_correction}) and the crops added to cases ({@code vision.read_evidence}).
 */
@Repository
public class PlateReadStore {

    /** A read as kept; {@code correction} is null until someone marks it wrong. */
    record PlateRead(long id, String eventId, long cameraId, String cityCode, String zoneCode, Instant readAt, String text, String plate,
                     String format, double confidence, String cropPath, Correction correction) {

        Jurisdiction place() {
            return new Jurisdiction(cityCode, cityCode == null ? null : zoneCode);
        }
    }

    /** What the read should have been: {@code rightText}, or null when what was read is not a plate. */
    record Correction(String rightText, String by, Instant at) {
        boolean notAPlate() {
            return rightText == null;
        }
    }

    private static final String SELECT = """
        select r.id, r.event_id, r.camera_id, r.city_code, r.zone_code, r.read_at, r.text, r.plate, r.format, r.confidence, r.crop_path,
               c.right_text, c.not_a_plate, c.corrected_by, c.corrected_at
        from vision.plate_read r left join vision.read_correction c on c.read_id = r.id
        """;

    private final JdbcClient jdbc;

    PlateReadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a read once per event id; a read reported again changes nothing. */
    public void add(String eventId, long cameraId, String cityCode, String zoneCode, Instant readAt, String text, String plate, String format,
             double confidence, String cropPath) {
        jdbc.sql("""
                insert into vision.plate_read (event_id, camera_id, city_code, zone_code, read_at, text, plate, format, confidence, crop_path)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""")
            .params(eventId, cameraId, cityCode, zoneCode, Timestamp.from(readAt), text, plate, format, confidence, cropPath).update();
    }

    Optional<PlateRead> find(long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(PlateReadStore::row).optional();
    }

    /** The newest reads within the jurisdiction, of one camera or one city when given. */
    List<PlateRead> latest(Jurisdiction within, Long cameraId, String city, int limit) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        within(within, where, params);
        if (cameraId != null) {
            where.add("r.camera_id = ?");
            params.add(cameraId);
        }
        if (city != null) {
            where.add("r.city_code = ?");
            params.add(city);
        }
        params.add(limit);
        return jdbc.sql(SELECT + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by r.read_at desc, r.id desc limit ?")
            .params(params).query(PlateReadStore::row).list();
    }

    /** The corrected reads within the jurisdiction, oldest first: the evaluation set. */
    List<PlateRead> corrected(Jurisdiction within) {
        var where = new ArrayList<String>(List.of("c.read_id is not null"));
        var params = new ArrayList<Object>();
        within(within, where, params);
        return jdbc.sql(SELECT + " where " + String.join(" and ", where) + " order by c.corrected_at, r.id").params(params)
            .query(PlateReadStore::row).list();
    }

    /** Limits a query to the reads of cameras in the jurisdiction (their city, and zone when it has one). */
    private static void within(Jurisdiction within, List<String> where, List<Object> params) {
        if (within.cityCode() != null) {
            where.add("r.city_code = ?");
            params.add(within.cityCode());
            if (within.zoneCode() != null) {
                where.add("r.zone_code = ?");
                params.add(within.zoneCode());
            }
        }
    }

    /** Sets (or replaces) the correction of a read. */
    void correct(long readId, String rightText, String by, Instant at) {
        jdbc.sql("""
                insert into vision.read_correction (read_id, right_text, not_a_plate, corrected_by, corrected_at) values (?, ?, ?, ?, ?)
                on conflict (read_id) do update set right_text = excluded.right_text, not_a_plate = excluded.not_a_plate,
                                                    corrected_by = excluded.corrected_by, corrected_at = excluded.corrected_at""")
            .params(readId, rightText, rightText == null, by, Timestamp.from(at)).update();
    }

    /** The evidence item a read's crop became in a case, if it was added before. */
    Optional<UUID> evidenceItem(long readId, UUID caseId) {
        return jdbc.sql("select item_id from vision.read_evidence where read_id = ? and case_id = ?").params(readId, caseId)
            .query(UUID.class).optional();
    }

    void addedToCase(long readId, UUID caseId, UUID itemId, String by, Instant at) {
        jdbc.sql("insert into vision.read_evidence (read_id, case_id, item_id, added_by, added_at) values (?, ?, ?, ?, ?) on conflict do nothing")
            .params(readId, caseId, itemId, by, Timestamp.from(at)).update();
    }

    /**
     * Deletes up to {@code batch} reads made before {@code readBefore}, those marked wrong only when made before
     * {@code correctedBefore}, with their corrections and case links; answers the crop paths of the reads deleted (null for a read without one).
     */
    List<String> forget(Instant readBefore, Instant correctedBefore, int batch) {
        return jdbc.sql("""
                delete from vision.plate_read where id in (
                    select r.id from vision.plate_read r left join vision.read_correction c on c.read_id = r.id
                    where r.read_at < ? and (c.read_id is null or r.read_at < ?) limit ?)
                returning crop_path""")
            .params(Timestamp.from(readBefore), Timestamp.from(correctedBefore), batch).query(String.class).list();
    }

    /** The crop paths of the reads kept that were made before the time. */
    Set<String> cropsOfReadsBefore(Instant before) {
        return new HashSet<>(jdbc.sql("select crop_path from vision.plate_read where read_at < ? and crop_path is not null")
            .param(Timestamp.from(before)).query(String.class).list());
    }

    private static PlateRead row(ResultSet rs, int n) throws SQLException {
        Correction correction = rs.getTimestamp(15) == null ? null
            : new Correction(rs.getString(12), rs.getString(14), rs.getTimestamp(15).toInstant());
        return new PlateRead(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
            rs.getString(7), rs.getString(8), rs.getString(9), rs.getDouble(10), rs.getString(11), correction);
    }
}
