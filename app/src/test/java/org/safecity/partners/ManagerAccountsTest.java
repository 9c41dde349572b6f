package org.safecity.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;

/**
 * An approved premises' contact gets a manager's account whose password the compliance officer sees once;
 * the officer can add more; each reaches its own premises only.
 */
class ManagerAccountsTest extends IntegrationTest {

    private long applied() {
        var body = PremisesTest.school(PremisesTest.licence());
        body.put("contactName", "Gul Khan");
        var applied = anonymous.post("/api/public/premises/applications", body);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        return applied.json().get("id").asLong();
    }

    @Test
    void approval_gives_the_contact_an_account_whose_password_is_shown_once_and_reaches_only_its_premises() {
        long id = applied();
        long other = applied();
        var officer = as(Role.COMPLIANCE_OFFICER);

        var approved = officer.post("/api/v1/premises/" + id + "/approval", Map.of());

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        var account = approved.json().get("managerAccount");
        assertThat(account.get("username").asString()).isEqualTo("premises-" + id);
        String password = account.get("oneTimePassword").asString();
        assertThat(password).matches("[a-z2-9]{4}(-[a-z2-9]{4}){4}");
        var manager = anonymous.signIn("premises-" + id, password);
        var me = manager.get("/api/v1/me").json();
        assertThat(me.toString()).contains("PARTNER").doesNotContain(password);
        assertThat(manager.get("/api/v1/premises/" + id).status()).isEqualTo(200);
        assertThat(manager.get("/api/v1/premises/" + other).status()).isEqualTo(404);
        // the password is never shown again: the account as an administrator reads it has no password
        var read = admin().get("/api/v1/accounts/" + account.get("accountId").asLong());
        assertThat(read.body()).doesNotContain(password);
    }

    @Test
    void the_compliance_staff_add_another_managers_account_to_a_registered_premises_only() {
        long id = applied();
        var officer = as(Role.COMPLIANCE_OFFICER);
        assertThat(officer.post("/api/v1/premises/" + id + "/manager-accounts", Map.of("displayName", "Early")).status())
            .as("not yet approved").isEqualTo(409);
        officer.post("/api/v1/premises/" + id + "/approval", Map.of());

        var second = officer.post("/api/v1/premises/" + id + "/manager-accounts", Map.of("displayName", "Night shift manager"));

        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().get("username").asString()).isEqualTo("premises-" + id + "-2");
        var manager = anonymous.signIn("premises-" + id + "-2", second.json().get("oneTimePassword").asString());
        assertThat(manager.get("/api/v1/premises/" + id).status()).isEqualTo(200);
        assertThat(manager.post("/api/v1/premises/" + id + "/manager-accounts", Map.of()).status())
            .as("a manager does not make accounts").isEqualTo(403);
    }
}
