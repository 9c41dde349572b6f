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
    void an_unknown_bearer_token_gets_401_problem() {
        var response = anonymous.withToken("sct_made-up").get("/api/v1/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }
}
