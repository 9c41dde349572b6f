package org.safecity.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.registry.CameraPresence.Observed;
import org.springframework.beans.factory.annotation.Autowired;

class CameraPresenceTest extends IntegrationTest {

    @Autowired
    CameraDirectory directory;

    @Autowired
    CameraPresence presence;

    private long camera(String status) {
        var body = Network.cameraBody(Network.mardanSite(admin()), "FIXED");
        body.put("status", status);
        return Network.camera(admin(), body);
    }

    @Test
    void a_camera_installed_but_never_heard_from_is_unknown() {
        long id = camera("INSTALLED");

        var now = presence.now(List.of(id)).get(id);

        assertThat(now.observed()).isEqualTo(Observed.UNKNOWN);
        assertThat(now.lastHeard()).isNull();
        assertThat(presence.shareHeard(List.of(id), Instant.now().minusSeconds(3600), Instant.now())).containsEntry(id, 0.0);
    }

    @Test
    void a_camera_is_online_while_heard_from_and_offline_once_silent() {
        long id = camera("INSTALLED");
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        directory.markSeen(id, at);
        assertThat(presence.now(List.of(id)).get(id)).isEqualTo(new CameraPresence.Presence(id, Observed.ONLINE, at));

        directory.markSilent(id, at.plusSeconds(20));
        assertThat(presence.now(List.of(id)).get(id)).isEqualTo(new CameraPresence.Presence(id, Observed.OFFLINE, at));
    }

    @Test
    void a_check_vouches_for_a_camera_until_the_next_and_a_failed_one_ends_it_at_once() {
        long id = camera("INSTALLED");
        Instant checked = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.SECONDS);

        // checked five minutes ago, holding ten: heard from since, though nothing came after the check itself
        directory.markChecked(id, checked, java.time.Duration.ofMinutes(10));
        var now = presence.now(List.of(id)).get(id);
        assertThat(now.observed()).isEqualTo(Observed.ONLINE);
        assertThat(now.lastHeard()).as("a promise is not a time heard").isBeforeOrEqualTo(Instant.now());
        assertThat(presence.shareHeard(List.of(id), checked, Instant.now()).get(id)).isCloseTo(1.0, within(0.02));

        // the next check finds it silent: the time vouched for ahead of now is not counted
        directory.markSilent(id, Instant.now());
        assertThat(presence.now(List.of(id)).get(id).observed()).isEqualTo(Observed.OFFLINE);
        Instant later = Instant.now().plusSeconds(300);
        assertThat(presence.shareHeard(List.of(id), checked, later).get(id)).isCloseTo(0.5, within(0.02));
    }

    @Test
    void a_camera_last_heard_long_ago_is_offline_though_nobody_said_it_went_silent() {
        long id = camera("INSTALLED");
        Instant longAgo = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);

        directory.markSeen(id, longAgo);

        assertThat(presence.now(List.of(id)).get(id).observed()).isEqualTo(Observed.OFFLINE);
    }

    @Test
    void the_share_heard_counts_the_spans_of_presence_and_not_the_gaps_between_them() {
        long id = camera("INSTALLED");
        Instant start = Instant.now().minusSeconds(7200).truncatedTo(ChronoUnit.SECONDS);
        for (int s = 0; s <= 60; s += 30) {
            directory.markSeen(id, start.plusSeconds(s)); // one span of 60 s
        }
        directory.markSeen(id, start.plusSeconds(600)); // a gap, then a new span of 30 s
        directory.markSeen(id, start.plusSeconds(630));

        double share = presence.shareHeard(List.of(id), start, start.plusSeconds(1200)).get(id);

        assertThat(share).isCloseTo(90.0 / 1200, within(1e-9));
        assertThat(presence.shareHeard(List.of(id), start.plusSeconds(30), start.plusSeconds(630)).get(id))
            .isCloseTo(60.0 / 600, within(1e-9));
    }

    @Test
    void a_camera_heard_now_counts_as_present_up_to_the_moment_asked() {
        long id = camera("INSTALLED");
        Instant tenMinutesAgo = Instant.now().minusSeconds(600);

        directory.markSeen(id, Instant.now().minusSeconds(60));
        directory.markSeen(id, Instant.now());

        assertThat(presence.shareHeard(List.of(id), tenMinutesAgo, Instant.now().plusSeconds(1)).get(id))
            .isCloseTo(0.1, within(0.01));
    }
}
