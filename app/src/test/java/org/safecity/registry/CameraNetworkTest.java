package org.safecity.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class CameraNetworkTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static List<String> fields(JsonNode problem) {
        var fields = new ArrayList<String>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Test
    void cameras_are_listed_a_page_at_a_time_with_the_total() {
        var page = as(Role.OPERATOR).get("/api/v1/cameras?city=PSH&phase=1&page=1&size=50").json();

        assertThat(page.get("items").size()).isEqualTo(50);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(50);
        assertThat(page.get("total").asInt()).isEqualTo(710);
    }

    @Test
    void the_installation_and_type_filters_narrow_the_list() {
        var api = as(Role.OPERATOR);
        var installed = api.get("/api/v1/cameras?city=PSH&installation=INSTALLED&size=1000").json();
        var anpr = api.get("/api/v1/cameras?city=PSH&type=anpr&size=1000").json();

        assertThat(installed.get("total").asInt()).isPositive().isLessThan(710);
        installed.get("items").forEach(c -> assertThat(c.get("installation").asString()).isEqualTo("INSTALLED"));
        assertThat(anpr.get("total").asInt()).isPositive();
        anpr.get("items").forEach(c -> assertThat(c.get("type").asString()).isEqualTo("ANPR"));
    }

    @Test
    void a_map_box_returns_only_the_cameras_inside_it() {
        // around Chowk Yadgar and Ghanta Ghar in the old city
        var inside = as(Role.OPERATOR).get("/api/v1/cameras?bbox=71.570,34.006,71.577,34.013&size=1000").json();

        assertThat(inside.get("total").asInt()).isPositive().isLessThan(710);
        inside.get("items").forEach(c -> {
            assertThat(c.get("lon").asDouble()).isBetween(71.570, 71.577);
            assertThat(c.get("lat").asDouble()).isBetween(34.006, 34.013);
        });
    }

    @Test
    void a_malformed_box_is_a_problem_naming_bbox() {
        var response = as(Role.OPERATOR).get("/api/v1/cameras?bbox=71.5,34.0,71.4");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(fields(response.json())).containsExactly("bbox");
    }

    @Test
    void the_camera_geojson_is_a_feature_collection_of_every_matching_camera() {
        var response = as(Role.OPERATOR).get("/api/v1/cameras.geojson?city=PSH&phase=1");
        var collection = response.json();

        assertThat(response.status()).isEqualTo(200);
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.get("features").size()).isEqualTo(710);
        var feature = collection.get("features").get(0);
        assertThat(feature.get("type").asString()).isEqualTo("Feature");
        assertThat(feature.get("geometry").get("type").asString()).isEqualTo("Point");
        var lonLat = feature.get("geometry").get("coordinates");
        assertThat(lonLat.get(0).asDouble()).isBetween(71.3, 71.8);
        assertThat(lonLat.get(1).asDouble()).isBetween(33.8, 34.2);
        var names = new HashSet<String>();
        feature.get("properties").propertyNames().forEach(names::add);
        assertThat(names).contains("id", "name", "siteId", "siteName", "siteKind", "cityCode", "city", "zoneCode", "phase",
            "type", "status", "make", "model", "resolution", "heading", "fieldOfView", "owner", "lastSeen");
        assertThat(feature.get("properties").get("cityCode").asString()).isEqualTo("PSH");
        assertThat(feature.get("properties").get("city").asString()).isEqualTo("Peshawar");
    }

    @Test
    void the_site_geojson_counts_the_cameras_at_each_site() {
        var collection = as(Role.OPERATOR).get("/api/v1/sites.geojson?city=PSH&phase=1").json();

        assertThat(collection.get("features").size()).isEqualTo(125);
        long cameras = 0;
        for (JsonNode f : collection.get("features")) {
            cameras += f.get("properties").get("cameras").asLong();
            assertThat(f.get("properties").has("kind")).isTrue();
            assertThat(f.get("properties").has("zoneCode")).isTrue();
        }
        assertThat(cameras).isEqualTo(710);
    }

    @Test
    void a_camera_is_registered_and_read_back() {
        long site = Network.mardanSite(admin());
        var body = Network.cameraBody(site, "ANPR");
        body.put("heading", 270);
        body.put("fieldOfView", 30);

        var created = admin().post("/api/v1/cameras", body);

        assertThat(created.status()).isEqualTo(201);
        var read = as(Role.OPERATOR).get("/api/v1/cameras/" + created.json().get("id").asLong()).json();
        assertThat(read.get("type").asString()).isEqualTo("ANPR");
        assertThat(read.get("heading").asInt()).isEqualTo(270);
        assertThat(read.get("cityCode").asString()).isEqualTo("MRD");
        assertThat(read.get("installation").asString()).isEqualTo("PLANNED");
        assertThat(read.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(read.get("hasCredentials").asBoolean()).isFalse();
    }

    @Test
    void an_invalid_camera_is_refused_field_by_field_and_nothing_is_stored() {
        long site = Network.mardanSite(admin());
        var body = Network.cameraBody(site, "FIXED");
        body.put("heading", 400);
        body.put("resolution", "big");
        body.put("mainStream", "http://10.1.1.1/stream");
        body.remove("make");
        long before = jdbc.sql("select count(*) from registry.camera").query(Long.class).single();

        var response = admin().post("/api/v1/cameras", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(fields(response.json())).contains("heading", "resolution", "mainStream", "make");
        assertThat(jdbc.sql("select count(*) from registry.camera").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void a_ptz_camera_needs_no_heading_but_a_fixed_one_does() {
        long site = Network.mardanSite(admin());
        var fixed = Network.cameraBody(site, "FIXED");
        fixed.remove("heading");

        assertThat(admin().post("/api/v1/cameras", Network.cameraBody(site, "PTZ")).status()).isEqualTo(201);
        var refused = admin().post("/api/v1/cameras", fixed);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused.json())).containsExactly("heading");
    }

    @Test
    void a_camera_keeps_an_onvif_address_it_is_given_and_a_change_without_one_removes_it() {
        long site = Network.mardanSite(admin());
        var body = Network.cameraBody(site, "PTZ");
        body.put("onvifAddress", " HTTP://10.99.1.11:8000/onvif/device_service ");

        var created = admin().post("/api/v1/cameras", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(as(Role.OPERATOR).get("/api/v1/cameras/" + id).json().get("onvifAddress").asString())
            .isEqualTo("http://10.99.1.11:8000/onvif/device_service");
        body.remove("onvifAddress");
        assertThat(admin().put("/api/v1/cameras/" + id, body).status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/cameras/" + id).json().get("onvifAddress").isNull()).isTrue();
    }

    @Test
    void an_onvif_address_is_an_http_address_with_a_host_and_no_password() {
        long site = Network.mardanSite(admin());
        for (String wrong : List.of("rtsp://10.99.1.11/onvif/device_service", "http:///onvif/device_service",
            "http://admin:secret@10.99.1.11/onvif/device_service", "10.99.1.11")) {
            var body = Network.cameraBody(site, "PTZ");
            body.put("onvifAddress", wrong);

            var refused = admin().post("/api/v1/cameras", body);

            assertThat(refused.status()).as(wrong).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(fields(refused.json())).as(wrong).containsExactly("onvifAddress");
            assertThat(refused.body()).doesNotContain("secret");
        }
    }

    @Test
    void stream_credentials_are_encrypted_at_rest_and_never_returned() {
        long site = Network.mardanSite(admin());
        var body = Network.cameraBody(site, "FIXED");
        body.put("credentials", Map.of("username", "viewer", "password", "Tr0ub4dor-secret-9"));

        var created = admin().post("/api/v1/cameras", body);
        long id = created.json().get("id").asLong();

        assertThat(created.body()).doesNotContain("Tr0ub4dor-secret-9");
        var read = admin().get("/api/v1/cameras/" + id);
        assertThat(read.json().get("hasCredentials").asBoolean()).isTrue();
        assertThat(read.body()).doesNotContain("Tr0ub4dor-secret-9").doesNotContain("password");
        byte[] stored = jdbc.sql("select credentials from registry.camera where id = ?").param(id)
            .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Tr0ub4dor").doesNotContain("viewer");
        assertThat(stored.length).isGreaterThan(12 + 16);
    }

    @Test
    void changing_a_camera_without_credentials_keeps_the_stored_ones() {
        long site = Network.mardanSite(admin());
        var body = Network.cameraBody(site, "FIXED");
        body.put("credentials", Map.of("username", "viewer", "password", "kept-password-1"));
        long id = Network.camera(admin(), body);
        body.remove("credentials");
        body.put("model", "DS-2CD7A26G0/P-IZHS(B)");

        var changed = admin().put("/api/v1/cameras/" + id, body);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("model").asString()).isEqualTo("DS-2CD7A26G0/P-IZHS(B)");
        assertThat(changed.json().get("hasCredentials").asBoolean()).isTrue();
    }

    @Test
    void a_camera_is_retired_not_deleted_and_drops_out_of_the_list() {
        long site = Network.mardanSite(admin());
        long id = Network.camera(admin(), site);

        var retired = admin().post("/api/v1/cameras/" + id + "/retire", Map.of("reason", "pole knocked down"));

        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.json().get("retired").asBoolean()).isTrue();
        assertThat(retired.json().get("retireReason").asString()).isEqualTo("pole knocked down");
        assertThat(admin().get("/api/v1/cameras/" + id).status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/cameras?siteId=" + site).json().get("total").asInt()).isZero();
        assertThat(admin().get("/api/v1/cameras?siteId=" + site + "&retired=true").json().get("total").asInt()).isEqualTo(1);
        assertThat(admin().send("DELETE", "/api/v1/cameras/" + id, null, null).status()).isIn(404, 405);
        assertThat(admin().post("/api/v1/cameras/" + id + "/retire", Map.of("reason", "again")).status()).isEqualTo(409);
    }

    @Test
    void retiring_needs_a_reason() {
        long id = Network.camera(admin(), Network.mardanSite(admin()));

        var response = admin().post("/api/v1/cameras/" + id + "/retire", Map.of("reason", " "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.json())).containsExactly("reason");
    }

    @Test
    void an_installed_camera_cannot_go_back_to_planned() {
        long site = Network.mardanSite(admin());
        var body = Network.cameraBody(site, "FIXED");
        long id = Network.camera(admin(), body);
        body.put("installation", "INSTALLED");
        assertThat(admin().put("/api/v1/cameras/" + id, body).json().get("installedOn").isNull()).isFalse();
        body.put("installation", "PLANNED");

        var back = admin().put("/api/v1/cameras/" + id, body);

        assertThat(back.status()).isEqualTo(400);
        assertThat(fields(back.json())).containsExactly("installation");
        assertThat(admin().get("/api/v1/cameras/" + id).json().get("installation").asString()).isEqualTo("INSTALLED");
    }

    @Test
    void every_write_is_in_the_audit_trail() {
        long id = Network.camera(admin(), Network.mardanSite(admin()));
        admin().post("/api/v1/cameras/" + id + "/retire", Map.of("reason", "replaced by a newer model"));

        var actions = jdbc.sql("select action from identity.audit_entry where target_type = 'camera' and target_id = ? order by seq")
            .param(Long.toString(id)).query(String.class).list();

        assertThat(actions).containsExactly("registry.camera-registered", "registry.camera-retired");
    }

    @Test
    void the_cities_have_their_three_letter_codes() {
        var cities = as(Role.DISPATCHER).get("/api/v1/cities").json();

        assertThat(cities.size()).isEqualTo(11);
        var codes = new HashSet<String>();
        cities.forEach(c -> codes.add(c.get("code").asString()));
        assertThat(codes).containsExactlyInAnyOrder("PSH", "DIK", "BNU", "LKM", "NWZ", "KRK", "MRD", "KHT", "NSR", "SWT", "ABT");
    }
}
