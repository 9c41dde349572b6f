package org.safecity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.emergency.Scene;

/**
 * A city's administrator manages its city and nothing wider: what an attacker holding a Mardan
 * administrator's account tried against Kohat, each refused and changing nothing. Records of
 * another city are "not found", as they are for reads; placing something in another city or the
 * whole province is refused (403); settings of the whole province are refused (403).
 */
class WritesWithinJurisdictionTest extends IntegrationTest {

    private static final String HOME = Scene.CITY;  // Kohat: the city whose records are attacked
    private static final String OTHER = "MRD";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    record Person(long id, String username, String password, SafeCityApi api) {
    }

    private Person person(String city, Role... roles) {
        String username = "jur." + ProcessHandle.current().pid() + "." + PEOPLE.incrementAndGet();
        var body = new HashMap<String, Object>(Map.of("username", username, "displayName", "Person " + username,
            "password", passwordOf(username), "roles", List.of(roles).stream().map(Enum::name).toList()));
        if (city == null) {
            body.put("scope", "province");
        } else {
            body.put("cityCode", city);
        }
        var created = admin().post("/api/v1/accounts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Person(created.json().get("id").asLong(), username, passwordOf(username), anonymous.signIn(username, passwordOf(username)));
    }

    private Map<String, Object> newAccount(String username) {
        return new HashMap<>(Map.of("username", username, "displayName", "Made by " + username, "password", passwordOf(username),
            "roles", List.of("ADMIN")));
    }

    private long kohatCamera() {
        var site = admin().post("/api/v1/sites", Map.of("name", Scene.unique("Jurisdiction site"), "kind", "junction",
            "lat", 33.59, "lon", 71.44, "city", HOME, "phase", 4));
        assertThat(site.status()).as(site.toString()).isEqualTo(201);
        var camera = admin().post("/api/v1/cameras", Map.of("siteId", site.json().get("id").asLong(), "name", Scene.unique("Jurisdiction camera"),
            "make", "Hikvision", "model", "DS-2CD7A26G0/P-IZHS", "resolution", "1920x1080", "type", "ANPR", "heading", 90, "fieldOfView", 90,
            "mainStream", "rtsp://10.99.1.21:554/Streaming/Channels/101"));
        assertThat(camera.status()).as(camera.toString()).isEqualTo(201);
        return camera.json().get("id").asLong();
    }

    @Test
    void a_city_admin_cannot_create_a_province_wide_account() {
        var mardanAdmin = person(OTHER, Role.ADMIN);
        String username = "wider." + PEOPLE.incrementAndGet() + "." + ProcessHandle.current().pid();
        var body = newAccount(username);
        body.put("scope", "province");

        var refused = mardanAdmin.api().post("/api/v1/accounts", body);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).contains("the whole province", "outside your jurisdiction");
        assertThat(anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", passwordOf(username))).status())
            .isEqualTo(401);
    }

    @Test
    void a_city_admin_cannot_create_an_account_of_another_city_but_can_of_its_own() {
        var mardanAdmin = person(OTHER, Role.ADMIN);
        var kohat = newAccount("kohat." + PEOPLE.incrementAndGet() + "." + ProcessHandle.current().pid());
        kohat.put("cityCode", HOME);
        var mardan = newAccount("mardan." + PEOPLE.incrementAndGet() + "." + ProcessHandle.current().pid());
        mardan.put("cityCode", OTHER);

        assertThat(mardanAdmin.api().post("/api/v1/accounts", kohat).status()).isEqualTo(403);
        assertThat(mardanAdmin.api().post("/api/v1/accounts", mardan).status()).isEqualTo(201);
    }

    @Test
    void an_account_without_a_city_is_not_taken_as_province_wide_it_must_say_so() {
        var body = newAccount("unscoped." + PEOPLE.incrementAndGet() + "." + ProcessHandle.current().pid());

        var refused = admin().post("/api/v1/accounts", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("cityCode");
        assertThat(refused.json().get("errors").get(0).get("problem").asString()).contains("\"scope\":\"province\"");
    }

    @Test
    void unknown_city_and_zone_codes_are_refused() {
        var unknownCity = newAccount("nowhere." + PEOPLE.incrementAndGet() + "." + ProcessHandle.current().pid());
        unknownCity.put("cityCode", "XYZ");
        var unknownZone = newAccount("nozone." + PEOPLE.incrementAndGet() + "." + ProcessHandle.current().pid());
        unknownZone.put("cityCode", HOME);
        unknownZone.put("zoneCode", "NO-SUCH-ZONE");

        var city = admin().post("/api/v1/accounts", unknownCity);
        var zone = admin().post("/api/v1/accounts", unknownZone);

        assertThat(city.status()).isEqualTo(400);
        assertThat(city.json().get("errors").get(0).get("field").asString()).isEqualTo("cityCode");
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.json().get("errors").get(0).get("field").asString()).isEqualTo("zoneCode");
    }

    @Test
    void a_city_admin_cannot_reset_the_password_of_disable_or_end_the_sign_ins_of_another_city_s_account() {
        var mardanAdmin = person(OTHER, Role.ADMIN);
        var kohatOperator = person(HOME, Role.OPERATOR);
        var kohatSupervisor = person(HOME, Role.SUPERVISOR);

        var reset = mardanAdmin.api().put("/api/v1/accounts/" + kohatOperator.id() + "/password", Map.of("password", "Taken Over 2026 now"));
        var disabled = mardanAdmin.api().put("/api/v1/accounts/" + kohatSupervisor.id(), Map.of("displayName", "Gone",
            "roles", List.of("SUPERVISOR"), "cityCode", OTHER, "enabled", false));
        var signedOut = mardanAdmin.api().post("/api/v1/accounts/" + kohatSupervisor.id() + "/sign-out", Map.of());
        var read = mardanAdmin.api().get("/api/v1/accounts/" + kohatOperator.id());

        assertThat(List.of(reset.status(), disabled.status(), signedOut.status(), read.status())).containsOnly(404);
        assertThat(kohatOperator.api().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(kohatSupervisor.api().get("/api/v1/me").json().get("jurisdiction").asString()).isEqualTo(HOME);
        assertThat(anonymous.post("/api/v1/auth/token", Map.of("username", kohatOperator.username(), "password", kohatOperator.password()))
            .status()).isEqualTo(200);
    }

    @Test
    void a_city_admin_lists_only_the_accounts_of_its_city() {
        var mardanAdmin = person(OTHER, Role.ADMIN);
        person(HOME, Role.OPERATOR);

        var listed = mardanAdmin.api().get("/api/v1/accounts?size=1000").json().get("items");

        assertThat(listed.valueStream().map(a -> a.get("cityCode").toString()).distinct().toList())
            .containsOnly("\"" + OTHER + "\"");
    }

    @Test
    void a_city_admin_cannot_issue_a_key_for_another_city_s_cameras_nor_read_or_revoke_its_device() {
        long camera = kohatCamera();
        var mardanAdmin = person(OTHER, Role.ADMIN);
        long kohatDevice = admin().post("/api/v1/devices", Map.of("name", "Kohat NVR", "cameraIds", List.of(camera))).json().get("id").asLong();

        var issued = mardanAdmin.api().post("/api/v1/devices", Map.of("name", "Not mine", "cameraIds", List.of(camera)));
        var revoked = mardanAdmin.api().delete("/api/v1/devices/" + kohatDevice);
        var read = mardanAdmin.api().get("/api/v1/devices/" + kohatDevice);
        var listed = mardanAdmin.api().get("/api/v1/devices?size=1000").json().get("items");

        assertThat(issued.status()).isEqualTo(400);
        assertThat(issued.json().get("errors").get(0).get("field").asString()).isEqualTo("cameraIds");
        assertThat(revoked.status()).isEqualTo(404);
        assertThat(read.status()).isEqualTo(404);
        assertThat(listed.valueStream().map(d -> d.get("id").asLong()).toList()).doesNotContain(kohatDevice);
        assertThat(admin().get("/api/v1/devices/" + kohatDevice).json().get("revoked").asBoolean()).isFalse();
    }

    @Test
    void a_city_admin_cannot_make_change_or_see_a_traffic_rule_of_another_city_s_camera() {
        long camera = kohatCamera();
        var mardanAdmin = person(OTHER, Role.ADMIN);
        var speed = Map.<String, Object>of("cameraId", camera, "kind", "SPOT_SPEED", "limitKmh", 60);
        var rule = admin().post("/api/v1/traffic/rules", speed);
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        long ruleId = rule.json().get("id").asLong();

        var created = mardanAdmin.api().post("/api/v1/traffic/rules", speed);
        var replaced = mardanAdmin.api().put("/api/v1/traffic/rules/" + ruleId, speed);
        var disabled = mardanAdmin.api().delete("/api/v1/traffic/rules/" + ruleId);
        var mardanReviewerSees = person(OTHER, Role.TRAFFIC_REVIEWER).api().get("/api/v1/traffic/rules").json().get("items");
        var kohatReviewerSees = person(HOME, Role.TRAFFIC_REVIEWER).api().get("/api/v1/traffic/rules").json().get("items");

        assertThat(created.status()).isEqualTo(400);
        assertThat(replaced.status()).isEqualTo(404);
        assertThat(disabled.status()).isEqualTo(404);
        assertThat(mardanReviewerSees.valueStream().map(r -> r.get("id").asLong()).toList()).doesNotContain(ruleId);
        assertThat(kohatReviewerSees.valueStream().filter(r -> r.get("id").asLong() == ruleId).findFirst().orElseThrow()
            .get("enabled").asBoolean()).isTrue();
    }

    @Test
    void settings_of_the_whole_province_are_refused_to_a_city_admin_before_the_body_is_read() {
        var mardanAdmin = person(OTHER, Role.ADMIN).api();

        var offence = mardanAdmin.put("/api/v1/traffic/offences/OVERSPEEDING", Map.of("approvalsRequired", 3));
        var phase = mardanAdmin.put("/api/v1/phases/4", Map.of());
        var fines = mardanAdmin.post("/api/v1/traffic/fines.csv", "text/csv", "not even a schedule");

        for (var refused : List.of(offence, phase, fines)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.json().get("detail").asString()).contains("whole province");
        }
    }

    @Test
    void crew_must_be_an_existing_field_unit_account_of_the_caller_s_jurisdiction() {
        var supervisor = person(HOME, Role.SUPERVISOR, Role.DISPATCHER);
        long unit = Scene.fresh(supervisor.api()).unit("AMBULANCE", null);
        long operator = person(HOME, Role.OPERATOR).id();
        long mardanCrew = person(OTHER, Role.FIELD_UNIT).id();
        long kohatCrew = person(HOME, Role.FIELD_UNIT).id();

        for (long accountId : List.of(-1L, Long.MAX_VALUE, operator, mardanCrew)) {
            var refused = supervisor.api().post("/api/v1/units/" + unit + "/crew", Map.of("accountId", accountId));
            assertThat(refused.status()).as(accountId + ": " + refused).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("accountId");
        }
        assertThat(supervisor.api().post("/api/v1/units/" + unit + "/crew", Map.of("accountId", kohatCrew)).status()).isEqualTo(200);
    }

    @Test
    void a_city_auditor_reads_what_its_city_s_people_did_and_not_the_whole_province() {
        var mardanAdmin = person(OTHER, Role.ADMIN);
        var mardanAccount = newAccount("audited." + PEOPLE.incrementAndGet() + "." + ProcessHandle.current().pid());
        mardanAccount.put("cityCode", OTHER);
        assertThat(mardanAdmin.api().post("/api/v1/accounts", mardanAccount).status()).isEqualTo(201);
        String query = "/api/v1/audit?actor=" + mardanAdmin.username();

        long byKohatAuditor = person(HOME, Role.AUDITOR).api().get(query).json().get("total").asLong();
        long byMardanAuditor = person(OTHER, Role.AUDITOR).api().get(query).json().get("total").asLong();
        long byProvinceAuditor = person(null, Role.AUDITOR).api().get(query).json().get("total").asLong();

        assertThat(byKohatAuditor).isZero();
        assertThat(byMardanAuditor).isPositive();
        assertThat(byProvinceAuditor).isEqualTo(byMardanAuditor);
    }
}
