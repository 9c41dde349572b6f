package org.safecity.detections.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.Reporting;
import org.safecity.detections.internal.DetectionSettings;
import org.safecity.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partition jobs run with a clock set years back, so they touch only the days these tests make
 * (the shared database's real partitions are all later than those days).
 */
class PartitionJobsTest extends IntegrationTest {

    @Autowired
    DailyPartitions partitions;
    @Autowired
    DetectionSettings settings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.safecity.cluster.OncePerCluster oncePerCluster;

    private static Clock noonOf(LocalDate day) {
        return Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    @Test
    void today_s_and_the_coming_days_partitions_of_every_kind_are_made_ahead() {
        LocalDate today = LocalDate.of(2020, 7, 1);
        try {
            new PreparingPartitions(partitions, settings, noonOf(today), oncePerCluster).prepare();

            for (DetectionKind kind : DetectionKind.values()) {
                var days = partitions.days(kind);
                for (int ahead = 0; ahead <= settings.partitionsAhead(); ahead++) {
                    assertThat(days).as(kind + " partition " + ahead + " days ahead").contains(today.plusDays(ahead));
                }
                assertThat(days).doesNotContain(today.minusDays(1), today.plusDays(settings.partitionsAhead() + 1));
                // insert-only days are not vacuumed as they grow
                assertThat(jdbc.sql("select array_to_string(reloptions, ',') from pg_class where relname = ?")
                    .param(DailyPartitions.name(kind, today)).query(String.class).single())
                    .isEqualTo(DailyPartitions.INSERT_ONLY.replace(" ", ""));
            }
        } finally {
            for (DetectionKind kind : DetectionKind.values()) {
                for (int ahead = 0; ahead <= settings.partitionsAhead(); ahead++) {
                    partitions.drop(kind, today.plusDays(ahead));
                }
            }
        }
    }

    @Test
    void retention_drops_exactly_the_days_past_each_kind_s_limit_and_the_kept_days_are_still_searched() {
        LocalDate today = LocalDate.of(2020, 6, 15);
        var field = Reporting.mardanCamera(admin(), anonymous);
        String plate = "RT" + (100000 + (System.nanoTime() % 900000));
        var made = new ArrayList<LocalDate[]>();
        try {
            for (DetectionKind kind : DetectionKind.values()) {
                LocalDate expired = today.minusDays(settings.retention(kind) + 1);
                LocalDate kept = today.minusDays(settings.retention(kind));
                partitions.ensure(kind, expired);
                partitions.ensure(kind, kept);
                made.add(new LocalDate[] {expired, kept});
            }
            LocalDate plateExpired = today.minusDays(settings.retention(DetectionKind.PLATE) + 1);
            LocalDate plateKept = today.minusDays(settings.retention(DetectionKind.PLATE));
            sighting(field.cameraId(), plate, plateExpired.atTime(23, 59).toInstant(ZoneOffset.UTC));
            sighting(field.cameraId(), plate, plateKept.atTime(0, 1).toInstant(ZoneOffset.UTC));
            sighting(field.cameraId(), plate, plateKept.atTime(18, 0).toInstant(ZoneOffset.UTC));

            new ApplyingRetention(partitions, settings, noonOf(today), oncePerCluster).apply();

            for (DetectionKind kind : DetectionKind.values()) {
                var days = partitions.days(kind);
                assertThat(days).as(kind + " past its " + settings.retention(kind) + " days")
                    .doesNotContain(today.minusDays(settings.retention(kind) + 1));
                assertThat(days).as(kind + " on its last kept day").contains(today.minusDays(settings.retention(kind)));
            }
            var found = as(Role.INVESTIGATOR).get("/api/v1/sightings?plate=" + plate + "&from=" + plateExpired.atStartOfDay().toInstant(ZoneOffset.UTC)
                + "&to=" + plateKept.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC) + "&purpose="
                + URLEncoder.encode("retention check", StandardCharsets.UTF_8));
            assertThat(found.status()).isEqualTo(200);
            assertThat(StreamSupport.stream(found.json().get("items").spliterator(), false).map(i -> i.get("observedAt").asString()))
                .containsExactly(plateKept.atTime(0, 1).toInstant(ZoneOffset.UTC).toString(),
                    plateKept.atTime(18, 0).toInstant(ZoneOffset.UTC).toString());
            assertThat(found.json().get("items").get(0).get("siteName").asString()).isEqualTo(field.siteName());
        } finally {
            int i = 0;
            for (DetectionKind kind : DetectionKind.values()) {
                for (LocalDate day : made.get(i++)) {
                    partitions.drop(kind, day);
                }
            }
        }
    }

    private void sighting(long cameraId, String plate, Instant at) {
        jdbc.sql("""
                insert into detections.sighting (device_id, event_id, camera_id, observed_at, received_at, kind, plate, plate_read,
                    plate_folded, city_code, details)
                values (0, ?, ?, ?, ?, 'plate', ?, ?, ?, 'MRD', '{}')""")
            .params(Reporting.eventId(), cameraId, java.sql.Timestamp.from(at), java.sql.Timestamp.from(at), plate, plate,
                org.safecity.detections.OcrConfusion.fold(plate))
            .update();
    }
}
