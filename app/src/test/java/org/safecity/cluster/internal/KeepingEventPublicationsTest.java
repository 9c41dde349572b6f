package org.safecity.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.alerts.Sightings.awaitAlert;
import static org.safecity.alerts.Sightings.forPlate;
import static org.safecity.detections.Reporting.batch;
import static org.safecity.detections.Reporting.plateRead;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.alerts.Sightings;
import org.safecity.detections.Reporting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;

class KeepingEventPublicationsTest extends IntegrationTest {

    private static final Duration AFTER = Duration.ofMinutes(2);
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Autowired
    KeepingEventPublications keeping;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_event_unfinished_longer_than_the_setting_is_handed_over_again_and_a_younger_one_is_left_to_its_instance() throws Exception {
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "LOW");
        var field = Reporting.mardanCamera(admin(), anonymous);
        field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate, Instant.now()))));
        awaitAlert(admin(), forPlate(plate), Duration.ofSeconds(5));
        // the hit's publication, finished; copies of it as an instance that died would leave them: unfinished
        Map<String, Object> hit = jdbc.sql("select listener_id, event_type, serialized_event from event_publication "
                + "where event_type = 'org.safecity.watchlists.WatchlistHits' and serialized_event like ? and completion_date is not null")
            .param("%" + plate + "%").query().singleRow();
        UUID stale = unfinishedCopy(hit, Instant.now().minus(AFTER).minusSeconds(30));
        UUID young = unfinishedCopy(hit, Instant.now().minusSeconds(10));

        keeping.resubmit();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!finished(stale) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(finished(stale)).as("the stale event handled again").isTrue();
        assertThat(finished(young)).as("the young event left to the instance working on it").isFalse();
        // handed over again, the hit raised and repeated nothing
        var alert = awaitAlert(admin(), forPlate(plate), Duration.ofSeconds(5));
        assertThat(alert.get("count").asInt()).isEqualTo(1);
        jdbc.sql("delete from event_publication where id = ?").param(young).update();
    }

    @Test
    void a_failing_event_is_handed_over_again_less_and_less_often() {
        var published = NOW.minus(Duration.ofDays(1));
        assertThat(KeepingEventPublications.due(publication(NOW.minusSeconds(119), null, 0), AFTER, NOW)).isFalse();
        assertThat(KeepingEventPublications.due(publication(NOW.minusSeconds(120), null, 0), AFTER, NOW)).isTrue();
        // tried once: again after twice the setting; tried three times: after eight times it
        assertThat(KeepingEventPublications.due(publication(published, NOW.minusSeconds(239), 1), AFTER, NOW)).isFalse();
        assertThat(KeepingEventPublications.due(publication(published, NOW.minusSeconds(240), 1), AFTER, NOW)).isTrue();
        assertThat(KeepingEventPublications.due(publication(published, NOW.minusSeconds(959), 3), AFTER, NOW)).isFalse();
        assertThat(KeepingEventPublications.due(publication(published, NOW.minusSeconds(960), 3), AFTER, NOW)).isTrue();
        // never more than an hour apart, however often it failed
        assertThat(KeepingEventPublications.due(publication(published, NOW.minus(Duration.ofMinutes(59)), 40), AFTER, NOW)).isFalse();
        assertThat(KeepingEventPublications.due(publication(published, NOW.minus(Duration.ofHours(1)), 40), AFTER, NOW)).isTrue();
    }

    private UUID unfinishedCopy(Map<String, Object> publication, Instant publishedAt) {
        var id = UUID.randomUUID();
        jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts) "
                + "values (?, ?, ?, ?, ?, 'PUBLISHED', 1)")
            .params(id, publication.get("listener_id"), publication.get("event_type"), publication.get("serialized_event"),
                Timestamp.from(publishedAt)).update();
        return id;
    }

    private boolean finished(UUID id) {
        return jdbc.sql("select completion_date is not null from event_publication where id = ?").param(id).query(Boolean.class).single();
    }

    private static EventPublication publication(Instant published, Instant lastResubmitted, int attempts) {
        return new EventPublication() {
            @Override
            public UUID getIdentifier() {
                return UUID.randomUUID();
            }

            @Override
            public Object getEvent() {
                return "event";
            }

            @Override
            public Instant getPublicationDate() {
                return published;
            }

            @Override
            public java.util.Optional<Instant> getCompletionDate() {
                return java.util.Optional.empty();
            }

            @Override
            public Status getStatus() {
                return Status.PUBLISHED;
            }

            @Override
            public Instant getLastResubmissionDate() {
                return lastResubmitted;
            }

            @Override
            public int getCompletionAttempts() {
                return attempts;
            }
        };
    }
}
