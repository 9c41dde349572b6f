package org.safecity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
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

        var locked = anonymous.post("/api/v1/auth/token", Map.of("username", account, "password", passwordOf(account)));

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
            "scope", "province", "enabled", false));

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

    private record Person(long id, String username, SafeCityApi api) {
    }

    private Person operator() {
        String username = "signin." + ProcessHandle.current().pid() + "." + System.nanoTime();
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Operator " + username,
            "password", passwordOf(username), "roles", List.of("OPERATOR"), "cityCode", "MRD"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Person(created.json().get("id").asLong(), username, anonymous.signIn(username, passwordOf(username)));
    }

    @Test
    void the_lock_after_failed_sign_ins_holds_for_the_user_name_written_with_spaces_around_it() {
        var account = operator().username();
        for (int i = 0; i < 5; i++) {
            anonymous.post("/api/v1/auth/token", Map.of("username", account, "password", "guess-" + i));
        }

        var padded = anonymous.post("/api/v1/auth/token", Map.of("username", " " + account + " ", "password", passwordOf(account)));

        assertThat(padded.status()).isEqualTo(429);
    }

    @Test
    void a_password_change_ends_every_token_the_account_had_for_good() {
        var person = operator();
        var second = anonymous.signIn(person.username(), passwordOf(person.username()));

        assertThat(admin().put("/api/v1/accounts/" + person.id() + "/password", Map.of("password", "Lantern by the river 9")).status())
            .isEqualTo(204);

        assertThat(person.api().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(second.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(anonymous.signIn(person.username(), "Lantern by the river 9").get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void an_account_disabled_and_enabled_again_does_not_bring_its_old_tokens_back() {
        var person = operator();
        var change = new java.util.HashMap<String, Object>(Map.of("displayName", "Back again", "roles", List.of("OPERATOR"),
            "cityCode", "MRD", "enabled", false));
        assertThat(admin().put("/api/v1/accounts/" + person.id(), change).status()).isEqualTo(200);
        change.put("enabled", true);
        assertThat(admin().put("/api/v1/accounts/" + person.id(), change).status()).isEqualTo(200);

        assertThat(person.api().get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void a_change_that_leaves_out_enabled_is_refused_rather_than_disabling_the_account() {
        var person = operator();

        var refused = admin().put("/api/v1/accounts/" + person.id(), Map.of("displayName", "Renamed", "roles", List.of("OPERATOR"),
            "cityCode", "MRD"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("enabled");
        assertThat(person.api().get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void signing_out_ends_the_presented_token_and_only_that_one() {
        var person = operator();
        var other = anonymous.signIn(person.username(), passwordOf(person.username()));

        var signedOut = person.api().post("/api/v1/auth/sign-out", Map.of());

        assertThat(signedOut.status()).isEqualTo(204);
        assertThat(person.api().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(other.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void an_administrator_ends_every_token_of_an_account_at_once() {
        var person = operator();

        var ended = admin().post("/api/v1/accounts/" + person.id() + "/sign-out", Map.of());

        assertThat(ended.status()).isEqualTo(204);
        assertThat(person.api().get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void a_password_is_refused_with_the_reason_a_person_can_act_on() {
        var person = operator();
        var answers = new java.util.LinkedHashMap<String, String>();
        for (String password : List.of("aaaaaaaaaaaa", "123456789012", person.username() + "-2026", "Ab1-".repeat(50) + "x")) {
            var refused = admin().put("/api/v1/accounts/" + person.id() + "/password", Map.of("password", password));
            assertThat(refused.status()).as(password).isEqualTo(400);
            answers.put(password, refused.json().get("errors").get(0).get("problem").asString());
        }

        assertThat(answers.values()).doesNotHaveDuplicates();
        assertThat(answers.get("Ab1-".repeat(50) + "x")).isEqualTo("must be at most 128 characters");
        assertThat(answers.get(person.username() + "-2026")).isEqualTo("must not contain the user name");
        assertThat(person.api().get("/api/v1/me").status()).isEqualTo(200);
    }
}
