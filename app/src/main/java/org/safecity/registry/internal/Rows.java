package org.safecity.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.safecity.shared.GeoPoint;

/** Reading and writing the column types the registry's tables use. */
public final class Rows {

    private Rows() {
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Integer.class);
    }

    public static Long bigint(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Long.class);
    }

    public static GeoPoint point(ResultSet rs, String lat, String lon) throws SQLException {
        Double la = rs.getObject(lat, Double.class);
        Double lo = rs.getObject(lon, Double.class);
        return la == null || lo == null ? null : new GeoPoint(la, lo);
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
