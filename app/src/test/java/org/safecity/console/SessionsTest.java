package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;

/** A console session ends when the person signs out or their password changes, and a change without its CSRF token says so. */
class SessionsTest extends IntegrationTest {

    private record Signed(long accountId, ConsoleSession session) {
    }

    private Signed signedIn() {
        String username = "session." + ProcessHandle.current().pid() + "." + System.nanoTime();
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Session " + username,
            "password", passwordOf(username), "roles", List.of("OPERATOR"), "cityCode", "MRD"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var session = ConsoleSession.anonymous(port);
        assertThat(session.signIn(username, passwordOf(username)).redirectPath()).isEqualTo("/");
        assertThat(session.get("/map").status()).isEqualTo(200);
        return new Signed(created.json().get("id").asLong(), session);
    }

    @Test
    void a_change_sent_without_the_csrf_token_is_told_the_token_is_missing_and_how_to_get_one() {
        var session = signedIn().session();

        var refused = session.postWithoutToken("/api/v1/alerts/1/acknowledge", "application/json", "{}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("CSRF token missing or invalid", "_csrf", "reload").doesNotContain("role or jurisdiction");
    }

    @Test
    void a_password_change_ends_the_console_session_at_its_next_request() {
        var signed = signedIn();

        assertThat(admin().put("/api/v1/accounts/" + signed.accountId() + "/password", Map.of("password", "Lantern by the river 8"))
            .status()).isEqualTo(204);

        var next = signed.session().get("/map");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.redirectPath()).startsWith("/login");
    }

    @Test
    void a_role_taken_away_no_longer_applies_to_a_session_already_open() {
        var signed = signedIn();

        assertThat(admin().put("/api/v1/accounts/" + signed.accountId(), Map.of("displayName", "Now an auditor",
            "roles", List.of("AUDITOR"), "cityCode", "MRD", "enabled", true)).status()).isEqualTo(200);

        assertThat(signed.session().get("/map").status()).isEqualTo(403);
    }

    @Test
    void signing_out_of_the_console_ends_the_session() {
        var session = signedIn().session();

        var signedOut = session.submit("/map", "/logout", Map.of());

        assertThat(signedOut.redirectPath()).startsWith("/login");
        assertThat(session.get("/map").redirectPath()).startsWith("/login");
    }
}
