package org.safecity.partners.internal.compliance;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.safecity.partners.internal.cameras.Resolution;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the Act requires of each category, versioned by the day each requirement took effect. The
 * shipped table ({@value #SHIPPED}, demonstration values) is stored on every start: a row of the same
 * category and day takes the file's values, so a corrected file corrects the table.
 */
@Repository
public class Requirements {

    static final String SHIPPED = "partners/category-requirements.csv";

    private final JdbcClient jdbc;
    private volatile List<Requirement> cached;

    Requirements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void loadShipped() {
        for (Requirement r : parse()) {
            jdbc.sql("""
                    insert into partners.category_requirement (category, effective_from, name, min_cameras, points, min_width,
                        min_height, retention_days, authority_records, max_offline_share, notice_days)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (category, effective_from) do update set name = excluded.name, min_cameras = excluded.min_cameras,
                        points = excluded.points, min_width = excluded.min_width, min_height = excluded.min_height,
                        retention_days = excluded.retention_days, authority_records = excluded.authority_records,
                        max_offline_share = excluded.max_offline_share, notice_days = excluded.notice_days""")
                .params(r.category(), r.effectiveFrom(), r.name(), r.minCameras(), r.points().toArray(String[]::new), r.minWidth(),
                    r.minHeight(), r.retentionDays(), r.authorityRecords(), r.maxOfflineShare(), r.noticeDays())
                .update();
        }
        cached = null;
    }

    /** Every requirement, past, present and announced. */
    public List<Requirement> all() {
        var known = cached;
        if (known == null) {
            known = jdbc.sql("select * from partners.category_requirement order by category, effective_from")
                .query((rs, n) -> new Requirement(rs.getString("category"), rs.getObject("effective_from", LocalDate.class),
                    rs.getString("name"), rs.getInt("min_cameras"), Arrays.asList((String[]) rs.getArray("points").getArray()),
                    rs.getInt("min_width"), rs.getInt("min_height"), rs.getInt("retention_days"), rs.getBoolean("authority_records"),
                    rs.getDouble("max_offline_share"), rs.getInt("notice_days")))
                .list();
            cached = known;
        }
        return known;
    }

    public Set<String> categories() {
        var names = new TreeSet<String>();
        all().forEach(r -> names.add(r.category()));
        return names;
    }

    private static List<Requirement> parse() {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setTrim(true).get();
        try (var reader = new InputStreamReader(new ClassPathResource(SHIPPED).getInputStream(), StandardCharsets.UTF_8);
             var parser = format.parse(reader)) {
            return parser.stream().map(row -> {
                var size = Resolution.parse(row.get("min_resolution")).orElseThrow(
                    () -> new IllegalStateException(SHIPPED + " row " + row.getRecordNumber() + ": min_resolution is not WIDTHxHEIGHT"));
                return new Requirement(row.get("category"), LocalDate.parse(row.get("effective_from")), row.get("name"),
                    Integer.parseInt(row.get("min_cameras")), Arrays.stream(row.get("points").split(";")).map(String::strip).toList(),
                    size.width(), size.height(), Integer.parseInt(row.get("retention_days")),
                    Boolean.parseBoolean(row.get("authority_records")), Double.parseDouble(row.get("max_offline_share")),
                    Integer.parseInt(row.get("notice_days")));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
