package org.safecity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.TestDatabase;

class SignInTest extends IntegrationTest {

    @Test
    void a_person_exchanges_username_and_password_for_a_bearer_token() {
        var response = anonymous.post("/api/v1/auth/token", Map.of("username", "admin", "password", TestDatabase.ADMIN_PASSWORD));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(response.json().get("expires_in").asLong()).isPositive();
        var me = anonymous.withToken(response.json().get("access_token").asString()).get("/api/v1/me");
        assertThat(me.json().get("username").asString()).isEqualTo("admin");
    }

    @Test
    void a_wrong_password_is_refused_without_saying_whether_the_user_exists() {
        var wrongPassword = anonymous.post("/api/v1/auth/token", Map.of("username", "admin", "password", "not-the-password"));
        var noSuchUser = anonymous.post("/api/v1/auth/token", Map.of("username", "nobody-here", "password", "whatever-it-is"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.isProblem()).isTrue();
        assertThat(noSuchUser.status()).isEqualTo(401);
        assertThat(noSuchUser.json().get("detail")).isEqualTo(wrongPassword.json().get("detail"));
    }

    @Test
    void a_call_with_a_bearer_credential_opens_no_session() {
        var me = admin().get("/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        // the credential comes with every call: a session per call would only fill the server's memory
        assertThat(me.headers()).doesNotContainKey("set-cookie");
    }

    @Test
    void an_unknown_bearer_token_gets_401_problem() {
        var response = anonymous.withToken("sct_made-up").get("/api/v1/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void guessing_a_password_is_answered_with_429_and_retry_after_even_for_the_right_password() {
        var account = as(Role.OPERATOR).get("/api/v1/me").json().get("username").asString();
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous.post("/api/v1/auth/token", Map.of("username", account, "password", "guess-" + i)).status())
                .isEqualTo(401);
        }

        var locked = anonymous.post("/api/v1/auth/token", Map.of("username", account, "password", "password-for-" + account));

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.isProblem()).isTrue();
        assertThat(Integer.parseInt(locked.headers().get("retry-after"))).isPositive();
    }

    @Test
    void a_disabled_account_s_token_stops_working_at_once() {
        var operator = as(Role.OPERATOR);
        long id = admin().get("/api/v1/accounts?size=1000").json().get("items").valueStream()
            .filter(a -> a.get("username").asString().equals(operator.get("/api/v1/me").json().get("username").asString()))
            .findFirst().orElseThrow().get("id").asLong();

        var disabled = admin().put("/api/v1/accounts/" + id, Map.of("displayName", "Gone", "roles", java.util.List.of("OPERATOR"),
            "enabled", false));

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(operator.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void a_malformed_body_gets_a_problem_that_names_the_mistake_and_no_stack_trace() {
        var response = anonymous.post("/api/v1/auth/token", "application/json", "{\"username\": \"admin\", ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body()).doesNotContain("at org.", "Exception", "jackson");
    }
}
