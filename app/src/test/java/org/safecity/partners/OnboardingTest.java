package org.safecity.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;

class OnboardingTest extends IntegrationTest {

    private static Map<String, Object> application() {
        var body = PremisesTest.school(PremisesTest.licence());
        body.put("category", "PETROL_STATION");
        return body;
    }

    @Test
    void an_application_through_the_portal_is_pending_until_approved_then_judged_under_the_act() {
        var body = application();

        var applied = anonymous.post("/api/public/premises/applications", body);

        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        long id = applied.json().get("id").asLong();
        assertThat(applied.json().get("status").asString()).isEqualTo("PENDING");
        var officer = as(Role.COMPLIANCE_OFFICER);
        var pending = officer.get("/api/v1/premises/" + id).json();
        assertThat(pending.get("registration").asString()).isEqualTo("APPLIED");
        assertThat(pending.get("compliance").get("reasons").get(0).get("code").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(officer.get("/api/v1/premises?status=PENDING&size=1000").body()).contains("\"id\":" + id);

        var approved = officer.post("/api/v1/premises/" + id + "/approval", Map.of());

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("registration").asString()).isEqualTo("REGISTERED");
        assertThat(approved.json().get("compliance").get("status").asString()).isEqualTo("NON_COMPLIANT");
        assertThat(officer.post("/api/v1/premises/" + id + "/approval", Map.of()).status()).as("approved twice").isEqualTo(409);
    }

    @Test
    void the_same_application_sent_twice_is_one_application() {
        var body = application();
        var first = anonymous.post("/api/public/premises/applications", body);
        var again = anonymous.post("/api/public/premises/applications", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
    }

    @Test
    void an_application_for_a_licence_already_on_the_register_is_refused_without_saying_whose() {
        var body = application();
        assertThat(admin().post("/api/v1/premises", body).status()).isEqualTo(201);
        var refused = anonymous.post("/api/public/premises/applications", body);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).doesNotContain((String) body.get("name"));
    }

    @Test
    void an_application_that_sets_its_own_registration_or_lacks_fields_is_refused_and_nothing_is_stored() {
        var body = application();
        body.put("registration", "REGISTERED");
        var refused = anonymous.post("/api/public/premises/applications", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        var empty = anonymous.post("/api/public/premises/applications", Map.of("name", "x"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").toString()).contains("licenceNumber").contains("category");
        assertThat(admin().get("/api/v1/premises?size=1000").body()).doesNotContain((String) body.get("licenceNumber"));
    }

    @Test
    void a_refusal_needs_a_reason_and_leaves_the_premises_not_registered() {
        long id = anonymous.post("/api/public/premises/applications", application()).json().get("id").asLong();
        var officer = as(Role.COMPLIANCE_OFFICER);
        assertThat(officer.post("/api/v1/premises/" + id + "/refusal", Map.of()).status()).isEqualTo(400);
        var refused = officer.post("/api/v1/premises/" + id + "/refusal", Map.of("reason", "The licence number is not on the city's list"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().get("compliance").get("status").asString()).isEqualTo("NOT_REGISTERED");
    }

    @Test
    void a_partner_can_neither_approve_its_own_application_nor_another_city_decide_on_peshawar() {
        long id = anonymous.post("/api/public/premises/applications", application()).json().get("id").asLong();
        String username = account(id);
        var manager = anonymous.signIn(username, passwordOf(username));
        assertThat(manager.post("/api/v1/premises/" + id + "/approval", Map.of()).status()).isEqualTo(403);
        assertThat(as("MRD", Role.COMPLIANCE_OFFICER).post("/api/v1/premises/" + id + "/approval", Map.of()).status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/premises/" + id).json().get("registration").asString()).isEqualTo("APPLIED");
    }

    private String account(long premisesId) {
        String username = "applicant." + premisesId;
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Applicant " + premisesId,
            "password", passwordOf(username), "roles", List.of("PARTNER"), "scope", "province", "partnerId", premisesId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }

    /** Through the tests' trusted reverse proxy (127.0.0.2), as one client address no other test uses. */
    @Test
    void applications_from_one_address_are_limited_per_hour() throws Exception {
        String client = "198.51.100." + (ProcessHandle.current().pid() % 200 + 20);
        try (var http = java.net.http.HttpClient.newBuilder().localAddress(java.net.InetAddress.getByName("127.0.0.2")).build()) {
            java.net.http.HttpResponse<String> response = null;
            for (int i = 0; i < 40 && (response == null || response.statusCode() != 429); i++) {
                String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(application());
                response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                        + "/api/public/premises/applications")).header("Content-Type", "application/json").header("X-Forwarded-For", client)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isIn(201, 429);
            }
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(response.body()).contains("in an hour");
        }
        assertThat(anonymous.post("/api/public/premises/applications", application()).status())
            .as("another address is not held back").isEqualTo(201);
    }
}
