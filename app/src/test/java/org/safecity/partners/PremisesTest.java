package org.safecity.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.emergency.Scene;
import org.safecity.identity.Role;
import org.safecity.registry.CameraDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PremisesTest extends IntegrationTest {

    private static final AtomicInteger LICENCES = new AtomicInteger();

    @Autowired
    CameraDirectory cameras;

    static String licence() {
        return "TEST-" + ProcessHandle.current().pid() + "-" + LICENCES.incrementAndGet();
    }

    static Map<String, Object> school(String licence) {
        var body = new HashMap<String, Object>();
        body.put("name", Scene.unique("Test School"));
        body.put("category", "SCHOOL");
        body.put("ownerNtn", "1234567-8");
        body.put("address", "Jamrud Road, Peshawar");
        body.put("cityCode", "PSH");
        body.put("lat", 34.0012);
        body.put("lon", 71.4870);
        body.put("licenceNumber", licence);
        body.put("contactName", "Test manager");
        body.put("contactPhone", "+92 91 1234567");
        body.put("actAppliesFrom", "2026-01-01");
        return body;
    }

    private long register(SafeCityApi as, Map<String, Object> body) {
        var created = as.post("/api/v1/premises", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** A manager's account of the premises {@code premisesId}, signed in. */
    private SafeCityApi managerOf(long premisesId) {
        String username = "manager." + ProcessHandle.current().pid() + "." + LICENCES.incrementAndGet();
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Manager " + username,
            "password", passwordOf(username), "roles", List.of("PARTNER"), "scope", "province", "partnerId", premisesId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return anonymous.signIn(username, passwordOf(username));
    }

    private long camera(long premisesId, long siteId, String resolution) {
        var body = new HashMap<String, Object>(Map.of("siteId", siteId, "name", Scene.unique("Premises camera"),
            "make", "Hikvision", "model", "DS-2CD2143G2-I", "resolution", resolution, "type", "FIXED", "heading", 90, "fieldOfView", 90,
            "mainStream", "rtsp://10.77.1.20:554/Streaming/Channels/101"));
        body.put("owner", "PREMISES");
        body.put("partnerId", premisesId);
        body.put("status", "INSTALLED");
        var camera = admin().post("/api/v1/cameras", body);
        assertThat(camera.status()).as(camera.toString()).isEqualTo(201);
        return camera.json().get("id").asLong();
    }

    private long site() {
        var site = admin().post("/api/v1/sites", Map.of("name", Scene.unique("Premises site"), "kind", "bazaar",
            "lat", 34.0012, "lon", 71.4871, "city", "PSH", "phase", 2));
        assertThat(site.status()).as(site.toString()).isEqualTo(201);
        return site.json().get("id").asLong();
    }

    private static List<String> codes(JsonNode premises) {
        List<String> codes = new ArrayList<>();
        premises.get("compliance").get("reasons").forEach(r -> codes.add(r.get("code").asString()));
        return codes;
    }

    @Test
    void a_registered_premises_without_cameras_is_non_compliant_with_every_reason() {
        long id = register(as(Role.COMPLIANCE_OFFICER), school(licence()));

        var premises = as(Role.COMPLIANCE_OFFICER).get("/api/v1/premises/" + id).json();

        assertThat(premises.get("compliance").get("status").asString()).isEqualTo("NON_COMPLIANT");
        assertThat(codes(premises)).containsExactly("TOO_FEW_CAMERAS", "POINT_NOT_COVERED", "POINT_NOT_COVERED");
        assertThat(premises.get("compliance").get("reasons").get(0).get("message").asString())
            .isEqualTo("0 cameras are connected; the category requires at least 3.");
        assertThat(premises.get("owner").get("number").asString()).isEqualTo("1234567-8");
        var history = as(Role.COMPLIANCE_OFFICER).get("/api/v1/premises/" + id + "/history").json();
        assertThat(history.get(0).get("to").asString()).isEqualTo("NON_COMPLIANT");
    }

    @Test
    void a_listed_premises_is_not_registered() {
        var body = school(licence());
        body.put("registration", "LISTED");
        long id = register(admin(), body);
        assertThat(admin().get("/api/v1/premises/" + id).json().get("compliance").get("status").asString()).isEqualTo("NOT_REGISTERED");
    }

    @Test
    void the_same_licence_number_in_the_same_city_is_refused_and_nothing_is_made_twice() {
        String licence = licence();
        long id = register(admin(), school(licence));

        var again = admin().post("/api/v1/premises", school(licence));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.body()).contains("premises " + id);
        assertThat(admin().get("/api/v1/premises?size=1000&category=SCHOOL").json().get("items").valueStream()
            .filter(p -> p.get("licenceNumber").asString().equals(licence)).count()).isEqualTo(1);
    }

    @Test
    void a_premises_with_wrong_fields_is_refused_naming_each_and_nothing_is_stored() {
        var body = school(licence());
        body.put("category", "CASINO");
        body.put("ownerCnic", "12345");
        body.put("cityCode", "XXX");
        body.put("actAppliesFrom", "1 Jan 2026");

        var refused = admin().post("/api/v1/premises", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("category").contains("ownerCnic").contains("cityCode").contains("actAppliesFrom");
        assertThat(admin().get("/api/v1/premises?size=1000").body()).doesNotContain((String) body.get("licenceNumber"));
    }

    @Test
    void an_import_reports_each_row_and_a_second_run_makes_nothing_twice() {
        String a = licence();
        String b = licence();
        String csv = """
            name,category,owner_cnic,owner_ntn,address,city,zone,lat,lon,licence_number,act_applies_from
            Import Bank One,BANK,,7654321-0,Saddar Road,PSH,,33.9990,71.5420,%s,2026-01-01
            Import Hotel Two,HOTEL,12345-1234567-1,,GT Road,PSH,,34.0150,71.5950,%s,2026-01-01
            Import Broken,HOTEL,,,GT Road,PSH,,34.0150,abc,,2026-01-01
            """.formatted(a, b);

        var first = as(Role.COMPLIANCE_OFFICER).post("/api/v1/premises/import", "text/csv", csv).json();
        assertThat(first.get("created").asInt()).isEqualTo(2);
        assertThat(first.get("refused").asInt()).isEqualTo(1);
        var broken = first.get("rows").get(2);
        assertThat(broken.get("row").asInt()).isEqualTo(4);
        assertThat(broken.get("outcome").asString()).isEqualTo("refused");
        assertThat(broken.toString()).contains("lon").contains("licenceNumber").contains("ownerCnic");

        var second = as(Role.COMPLIANCE_OFFICER).post("/api/v1/premises/import", "text/csv",
            csv.replace("Import Hotel Two", "Import Hotel Two Renamed")).json();
        assertThat(second.get("created").asInt()).isZero();
        assertThat(second.get("unchanged").asInt()).isEqualTo(1);
        assertThat(second.get("updated").asInt()).isEqualTo(1);
        assertThat(second.get("rows").get(1).get("id").asLong()).isEqualTo(first.get("rows").get(1).get("id").asLong());
        assertThat(admin().get("/api/v1/premises/" + first.get("rows").get(1).get("id").asLong()).json().get("name").asString())
            .isEqualTo("Import Hotel Two Renamed");
    }

    @Test
    void an_import_without_its_required_columns_is_refused_as_a_whole() {
        var refused = admin().post("/api/v1/premises/import", "text/csv", "name,category\nA,BANK\n");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("licence_number");
    }

    @Test
    void a_partner_reads_only_its_own_premises_through_every_endpoint() {
        long a = register(admin(), school(licence()));
        long b = register(admin(), school(licence()));
        long siteId = site();
        long cameraOfB = camera(b, siteId, "1920x1080");
        var managerA = managerOf(a);

        assertThat(managerA.get("/api/v1/premises/" + a).status()).isEqualTo(200);
        assertThat(managerA.get("/api/v1/premises/" + b).status()).isEqualTo(404);
        assertThat(managerA.get("/api/v1/premises/" + b + "/history").status()).isEqualTo(404);
        assertThat(managerA.put("/api/v1/premises/" + b + "/cameras/" + cameraOfB + "/points", Map.of("points", List.of("gate"))).status())
            .isEqualTo(404);
        assertThat(managerA.put("/api/v1/premises/" + a + "/cameras/" + cameraOfB + "/points", Map.of("points", List.of("gate"))).status())
            .as("another premises' camera").isEqualTo(404);
        var list = managerA.get("/api/v1/premises?size=1000").json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(a);
        var map = managerA.get("/api/v1/premises/map").json();
        assertThat(map.get("features")).hasSize(1);
        assertThat(map.get("features").get(0).get("properties").get("id").asLong()).isEqualTo(a);
        assertThat(managerA.get("/api/v1/premises/compliance").status()).isEqualTo(403);
        assertThat(managerA.post("/api/v1/premises", school(licence())).status()).isEqualTo(403);
        assertThat(managerA.post("/api/v1/premises/import", "text/csv", "name\nx\n").status()).isEqualTo(403);
    }

    @Test
    void a_panic_button_belongs_to_its_premises_whose_manager_sees_it_and_no_other_does() {
        long a = register(admin(), school(licence()));
        long b = register(admin(), school(licence()));
        var button = admin().post("/api/v1/panic-buttons", Map.of("premisesName", "Test School gate", "premisesKind", "SCHOOL",
            "address", "Jamrud Road, Peshawar", "location", Map.of("lat", 34.0012, "lon", 71.4870), "cityCode", "PSH", "premisesId", a));
        assertThat(button.status()).as(button.toString()).isEqualTo(201);
        assertThat(button.json().get("premisesId").asLong()).isEqualTo(a);

        var own = managerOf(a).get("/api/v1/premises/" + a + "/panic-buttons");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json()).singleElement().satisfies(p -> {
            assertThat(p.get("id").asLong()).isEqualTo(button.json().get("id").asLong());
            assertThat(p.has("key")).isFalse();
        });
        assertThat(managerOf(b).get("/api/v1/premises/" + a + "/panic-buttons").status()).isEqualTo(404);
        assertThat(managerOf(b).get("/api/v1/premises/" + b + "/panic-buttons").json()).isEmpty();
        var unknown = admin().post("/api/v1/panic-buttons", Map.of("premisesName", "Nowhere", "premisesKind", "BANK",
            "address", "Nowhere", "location", Map.of("lat", 34.0012, "lon", 71.4870), "cityCode", "PSH", "premisesId", 999_999_999));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("premisesId");
    }

    @Test
    void a_person_of_another_city_does_not_find_a_premises_of_peshawar() {
        long id = register(admin(), school(licence()));
        var mardan = as("MRD", Role.COMPLIANCE_OFFICER);
        assertThat(mardan.get("/api/v1/premises/" + id).status()).isEqualTo(404);
        assertThat(mardan.get("/api/v1/premises?city=PSH").json().get("total").asLong()).isZero();
        var outside = school(licence());
        var refused = mardan.post("/api/v1/premises", outside);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
    }

    @Test
    void cameras_that_cover_every_point_make_a_premises_compliant_and_one_that_stops_makes_it_non_compliant() throws Exception {
        long id = register(admin(), school(licence()));
        long siteId = site();
        long gate = camera(id, siteId, "1920x1080");
        long wall = camera(id, siteId, "1280x720");
        long yard = camera(id, siteId, "704x576");
        Instant now = Instant.now();
        for (long camera : List.of(gate, wall, yard)) {
            cameras.markSeen(camera, now);
        }
        var manager = managerOf(id);
        assertThat(manager.put("/api/v1/premises/" + id + "/cameras/" + gate + "/points", Map.of("points", List.of("gate"))).status())
            .isEqualTo(200);
        var unknownPoint = manager.put("/api/v1/premises/" + id + "/cameras/" + wall + "/points", Map.of("points", List.of("vault door")));
        assertThat(unknownPoint.status()).isEqualTo(400);
        assertThat(unknownPoint.body()).contains("boundary wall");
        var afterPoints = manager.put("/api/v1/premises/" + id + "/cameras/" + wall + "/points", Map.of("points", List.of("Boundary Wall")));
        assertThat(afterPoints.status()).isEqualTo(200);

        var lowResolution = afterPoints.json();
        assertThat(codes(lowResolution)).containsExactly("RESOLUTION_BELOW_MINIMUM");
        assertThat(lowResolution.get("compliance").get("reasons").get(0).get("cameraId").asLong()).isEqualTo(yard);

        var retired = admin().post("/api/v1/cameras/" + yard + "/retire", Map.of("reason", "replaced by a full HD camera"));
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        assertThat(admin().get("/api/v1/premises/" + id).json().get("compliance").get("status").asString()).isEqualTo("NON_COMPLIANT");
        long replacement = camera(id, siteId, "1920x1080");
        cameras.markSeen(replacement, Instant.now());
        var compliant = awaitRecorded(manager, id, "COMPLIANT", Duration.ofSeconds(20));
        assertThat(compliant.get("reasons")).isEmpty();

        cameras.markSilent(gate, Instant.now());

        // at once its uptime counts against it; once silent longer than allowed, it is also "not heard from"
        var stopped = awaitRecorded(manager, id, "NON_COMPLIANT", "NOT_HEARD_FROM", Duration.ofSeconds(30));
        assertThat(stopped.get("reasons").toString()).contains("NOT_HEARD_FROM").contains("\"cameraId\":" + gate);
        var history = manager.get("/api/v1/premises/" + id + "/history").json();
        assertThat(java.util.stream.StreamSupport.stream(history.spliterator(), false)
            .anyMatch(change -> change.get("from").asString().equals("COMPLIANT") && change.get("to").asString().equals("NON_COMPLIANT")))
            .as("the change from compliant is in the history: " + history).isTrue();
    }

    /** The newest recorded change once it reaches {@code status}, as the premises' manager reads its history. */
    private JsonNode awaitRecorded(SafeCityApi as, long id, String status, Duration within) throws InterruptedException {
        return awaitRecorded(as, id, status, "", within);
    }

    /** The newest recorded change once it is to {@code status} with a reason mentioning {@code reason}. */
    private JsonNode awaitRecorded(SafeCityApi as, long id, String status, String reason, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode newest = null;
        while (System.nanoTime() < deadline) {
            var history = as.get("/api/v1/premises/" + id + "/history");
            assertThat(history.status()).isEqualTo(200);
            newest = history.json().get(0);
            if (newest != null && newest.get("to").asString().equals(status) && newest.get("reasons").toString().contains(reason)) {
                return newest;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("premises " + id + " did not become " + status + " within " + within + "; newest change " + newest);
    }

    @Test
    void the_map_is_a_feature_collection_of_premises_with_their_status() {
        long id = register(admin(), school(licence()));
        var map = as(Role.OPERATOR).get("/api/v1/premises/map?city=PSH");
        assertThat(map.status()).isEqualTo(200);
        assertThat(map.json().get("type").asString()).isEqualTo("FeatureCollection");
        var feature = map.json().get("features").valueStream().filter(f -> f.get("properties").get("id").asLong() == id).findFirst().orElseThrow();
        assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(71.4870);
        assertThat(feature.get("properties").get("category").asString()).isEqualTo("SCHOOL");
        assertThat(feature.get("properties").get("status").asString()).isEqualTo("NON_COMPLIANT");
    }

    @Test
    void the_demo_has_a_few_hundred_synthetic_premises_in_peshawar_and_the_dashboard_counts_them() {
        var demo = admin().get("/api/v1/premises?city=PSH&size=1000").json();
        assertThat(demo.get("items").valueStream().filter(p -> p.get("licenceNumber").asString().startsWith("DEMO-PSH-")).count())
            .isEqualTo(300);
        var dashboard = as(Role.COMPLIANCE_OFFICER).get("/api/v1/premises/compliance").json();
        assertThat(dashboard.get("total").get("NOT_REGISTERED").asLong()).isPositive();
        assertThat(dashboard.get("byCategory").valueStream().map(r -> r.get("category").asString()).toList()).contains("BANK", "SCHOOL");
        assertThat(dashboard.get("byPoliceStation").toString()).contains("\"zone\":\"HYT\"");
        var categories = admin().get("/api/v1/premises/categories").json();
        assertThat(categories.valueStream().filter(r -> r.get("category").asString().equals("BANK")).count()).isEqualTo(2);
    }
}
