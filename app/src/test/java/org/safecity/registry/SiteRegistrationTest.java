package org.safecity.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SiteRegistrationTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_site_moves_forward_and_each_step_keeps_its_date() {
        var body = Network.siteBody(Network.unique("Kohat Tunnel entry"), "KHT", 4, 33.5869, 71.4429);
        long id = admin().post("/api/v1/sites", body).json().get("id").asLong();
        body.put("status", "SURVEYED");
        body.put("statusOn", "2026-09-01");
        admin().put("/api/v1/sites/" + id, body);
        body.put("status", "COMMISSIONED");
        body.put("statusOn", "2026-10-15");

        var site = admin().put("/api/v1/sites/" + id, body).json();

        assertThat(site.get("status").asString()).isEqualTo("COMMISSIONED");
        assertThat(site.get("surveyedOn").asString()).isEqualTo("2026-09-01");
        assertThat(site.get("installedOn").asString()).isEqualTo("2026-10-15");
        assertThat(site.get("commissionedOn").asString()).isEqualTo("2026-10-15");
    }

    @Test
    void a_site_cannot_go_back_to_an_earlier_step() {
        var body = Network.siteBody(Network.unique("Kohat Bazaar"), "KHT", 4, 33.5869, 71.4429);
        body.put("status", "INSTALLED");
        long id = admin().post("/api/v1/sites", body).json().get("id").asLong();
        body.put("status", "SURVEYED");

        var response = admin().put("/api/v1/sites/" + id, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(admin().get("/api/v1/sites/" + id).json().get("status").asString()).isEqualTo("INSTALLED");
    }

    @Test
    void a_site_is_refused_with_each_wrong_field_named_and_nothing_stored() {
        var body = Network.siteBody("", "XYZ", 1, 95.0, 71.0);
        body.put("kind", "car park");
        long before = jdbc.sql("select count(*) from registry.site").query(Long.class).single();

        var response = admin().post("/api/v1/sites", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        var fields = new java.util.ArrayList<String>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("name", "kind", "lat", "city");
        assertThat(jdbc.sql("select count(*) from registry.site").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void a_site_must_belong_to_a_phase_that_covers_its_city() {
        var response = admin().post("/api/v1/sites", Network.siteBody(Network.unique("Mardan"), "MRD", 1, 34.1986, 72.0404));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("phase");
    }

    @Test
    void two_sites_in_service_in_one_city_cannot_share_a_name() {
        String name = Network.unique("Nowshera Chowk");
        assertThat(admin().post("/api/v1/sites", Network.siteBody(name, "NSR", 4, 34.0153, 71.9747)).status()).isEqualTo(201);

        var again = admin().post("/api/v1/sites", Network.siteBody(name.toUpperCase(), "NSR", 4, 34.0153, 71.9747));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void a_site_with_cameras_in_service_is_not_retired_until_they_are() {
        long site = Network.mardanSite(admin());
        long camera = Network.camera(admin(), site);

        assertThat(admin().post("/api/v1/sites/" + site + "/retire", Map.of("reason", "road widened")).status()).isEqualTo(409);
        admin().post("/api/v1/cameras/" + camera + "/retire", Map.of("reason", "road widened"));
        var retired = admin().post("/api/v1/sites/" + site + "/retire", Map.of("reason", "road widened"));

        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.json().get("retired").asBoolean()).isTrue();
        assertThat(admin().get("/api/v1/sites/" + site).json().get("retireReason").asString()).isEqualTo("road widened");
    }

    @Test
    void a_site_in_a_zone_takes_the_zone_of_its_city() {
        String code = "T" + (System.nanoTime() % 100000);
        var zone = admin().post("/api/v1/zones", Map.of("city", "SWT", "code", code, "name", "Mingora police station"));
        assertThat(zone.status()).isEqualTo(201);
        var body = Network.siteBody(Network.unique("Mingora Chowk"), "SWT", 4, 34.7717, 72.36);
        body.put("zone", code);

        var site = admin().post("/api/v1/sites", body);

        assertThat(site.status()).isEqualTo(201);
        assertThat(site.json().get("zoneCode").asString()).isEqualTo(code);
        assertThat(as(Role.OPERATOR).get("/api/v1/sites?city=SWT&zone=" + code).json().get("total").asInt()).isEqualTo(1);
        body.put("name", Network.unique("Elsewhere"));
        body.put("zone", "NOPE");
        assertThat(admin().post("/api/v1/sites", body).status()).isEqualTo(400);
    }

    @Test
    void a_zone_is_renamed_and_retired_but_never_deleted() {
        String code = "R" + (System.nanoTime() % 100000);
        long id = admin().post("/api/v1/zones", Map.of("city", "ABT", "code", code, "name", "Cantt")).json().get("id").asLong();

        var renamed = admin().put("/api/v1/zones/" + id, Map.of("name", "Abbottabad Cantt", "lat", 34.17, "lon", 73.22));
        var retired = admin().post("/api/v1/zones/" + id + "/retire", Map.of("reason", "merged into City"));

        assertThat(renamed.json().get("name").asString()).isEqualTo("Abbottabad Cantt");
        assertThat(retired.json().get("retired").asBoolean()).isTrue();
        assertThat(admin().get("/api/v1/zones?city=ABT").body()).doesNotContain(code);
        assertThat(admin().get("/api/v1/zones?city=ABT&retired=true").body()).contains(code);
    }

    @Test
    void peshawar_has_its_police_station_zones_and_every_demo_site_is_in_one() {
        var zones = as(Role.OPERATOR).get("/api/v1/zones?city=PSH").json();
        long withoutZone = jdbc.sql("select count(*) from registry.site where city_code = 'PSH' and zone_code is null")
            .query(Long.class).single();

        assertThat(zones.size()).isGreaterThanOrEqualTo(10);
        assertThat(zones.toString()).contains("Gulbahar", "Hayatabad", "East Cantt");
        assertThat(withoutZone).isZero();
    }

    @Test
    void a_status_date_in_the_future_is_refused() {
        var body = Network.siteBody(Network.unique("Bannu Gate"), "BNU", 3, 32.9889, 70.6056);
        body.put("status", "SURVEYED");
        body.put("statusOn", LocalDate.now().plusDays(3).toString());

        var response = admin().post("/api/v1/sites", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("statusOn");
    }
}
