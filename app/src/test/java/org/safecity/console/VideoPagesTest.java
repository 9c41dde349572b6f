package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;

/** The video wall and playback pages: who may open them, what they link to, and the policy that lets hls.js play. */
class VideoPagesTest extends IntegrationTest {

    private static final List<Role> WATCHERS = List.of(Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR, Role.INVESTIGATOR, Role.ADMIN);
    private static final List<Role> NOT_WATCHERS = List.of(Role.AUDITOR, Role.TRAFFIC_REVIEWER, Role.PARTNER, Role.FIELD_UNIT);

    @Test
    void the_people_of_the_control_room_open_the_wall_and_playback_and_see_the_wall_in_their_navigation() {
        for (Role role : WATCHERS) {
            var session = signedIn(role);

            var wall = session.get("/video");
            var playback = session.get("/video/playback?camera=17&at=2026-11-25T10:15:00Z");

            assertThat(wall.status()).as(role.name()).isEqualTo(200);
            assertThat(wall.body()).as(role.name()).contains("href=\"/video\"", "id=\"wall\"", "Video wall");
            assertThat(playback.status()).as(role.name()).isEqualTo(200);
            assertThat(playback.body()).as(role.name())
                .contains("data-camera-id=\"17\"", "data-at=\"2026-11-25T10:15:00Z\"", "id=\"timeline\"", "id=\"clip-form\"");
        }
    }

    @Test
    void people_without_a_reason_to_watch_video_are_refused_and_not_offered_the_wall() {
        for (Role role : NOT_WATCHERS) {
            var session = signedIn(role);

            assertThat(session.get("/video").status()).as(role.name()).isEqualTo(403);
            assertThat(session.get("/video/playback?camera=17").status()).as(role.name()).isEqualTo(403);
        }
        assertThat(signedIn(Role.TRAFFIC_REVIEWER).get("/rollout").body()).doesNotContain("href=\"/video\"");
    }

    @Test
    void an_anonymous_visit_to_the_wall_is_sent_to_sign_in() {
        var page = ConsoleSession.anonymous(port).get("/video");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.redirectPath()).isEqualTo("/login");
    }

    @Test
    void a_playback_link_with_a_moment_that_is_not_a_time_is_refused() {
        var page = signedIn(Role.OPERATOR).get("/video/playback?camera=17&at=yesterday");

        assertThat(page.status()).isEqualTo(400);
    }

    @Test
    void the_video_pages_load_hls_js_and_their_modules_without_inline_scripts_and_every_asset_is_served() {
        var session = signedIn(Role.OPERATOR);

        for (String path : List.of("/video", "/video/playback?camera=17")) {
            var page = session.get(path);
            assertThat(page.body()).as(path).contains("/dist/hls.min.js\"", "/css/video.css").doesNotContain("<script>");
            for (String asset : ConsoleSession.assetsOf(page)) {
                assertThat(session.get(asset).status()).as(path + " links " + asset).isEqualTo(200);
            }
        }
        assertThat(session.get("/video").body()).contains("/js/video-wall.js");
        assertThat(session.get("/video/playback?camera=17").body()).contains("/js/video-playback.js");
        assertThat(session.get("/js/video.js").status()).isEqualTo(200);
    }

    @Test
    void the_content_security_policy_lets_hls_js_feed_video_from_blob_urls_and_run_its_worker_but_no_inline_script()
        throws Exception {
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
            HttpResponse.BodyHandlers.discarding());

        String policy = answer.headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(policy).contains("media-src 'self' blob:", "worker-src 'self' blob:", "script-src 'self';")
            .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' blob:");
    }

    private ConsoleSession signedIn(Role role) {
        return ConsoleSession.newAccount(port, admin(), role);
    }
}
