package org.safecity.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import tools.jackson.databind.JsonNode;

class JurisdictionTest extends IntegrationTest {

    private static long anyPeshawarCamera(org.safecity.SafeCityApi api) {
        return api.get("/api/v1/cameras?city=PSH&size=1").json().get("items").get(0).get("id").asLong();
    }

    @Test
    void a_city_operator_sees_only_cameras_of_their_city() {
        long mardanCamera = Network.camera(admin(), Network.mardanSite(admin()));

        var page = as("MRD", Role.OPERATOR).get("/api/v1/cameras?size=1000").json();

        assertThat(page.get("total").asInt()).isPositive();
        page.get("items").forEach(c -> assertThat(c.get("cityCode").asString()).isEqualTo("MRD"));
        assertThat(page.get("items").valueStream().map(c -> c.get("id").asLong())).contains(mardanCamera);
    }

    @Test
    void a_zone_operator_sees_only_the_cameras_of_their_police_station_area() {
        var all = admin().get("/api/v1/cameras?city=PSH&size=1000").json().get("items");
        String zone = all.get(0).get("zoneCode").asString();
        long inZone = all.valueStream().filter(c -> zone.equals(c.get("zoneCode").asString())).count();
        var elsewhere = all.valueStream().filter(c -> !zone.equals(c.get("zoneCode").asString())).findFirst().orElseThrow();

        var station = as("PSH", zone, Role.OPERATOR);
        var page = station.get("/api/v1/cameras?size=1000").json();

        assertThat(page.get("total").asLong()).isEqualTo(inZone).isLessThan(all.size());
        page.get("items").forEach(c -> assertThat(c.get("zoneCode").asString()).isEqualTo(zone));
        assertThat(station.get("/api/v1/cameras/" + elsewhere.get("id").asLong()).status()).isEqualTo(404);
    }

    @Test
    void a_mardan_operator_gets_404_on_a_peshawar_camera_and_site() {
        var mardan = as("MRD", Role.OPERATOR);
        var peshawarCamera = admin().get("/api/v1/cameras?city=PSH&size=1").json().get("items").get(0);

        assertThat(mardan.get("/api/v1/cameras/" + peshawarCamera.get("id").asLong()).status()).isEqualTo(404);
        assertThat(mardan.get("/api/v1/sites/" + peshawarCamera.get("siteId").asLong()).status()).isEqualTo(404);
        assertThat(mardan.get("/api/v1/cameras.geojson?city=PSH").json().get("features").size()).isZero();
        assertThat(mardan.get("/api/v1/sites?city=PSH").json().get("total").asInt()).isZero();
    }

    @Test
    void a_peshawar_operator_sees_the_whole_demo_network_of_peshawar() {
        var page = as("PSH", Role.OPERATOR).get("/api/v1/cameras?phase=1&size=1").json();

        assertThat(page.get("total").asInt()).isEqualTo(710);
    }

    @Test
    void a_city_admin_cannot_change_a_camera_of_another_city() {
        long peshawarCamera = anyPeshawarCamera(admin());
        var mardanAdmin = as("MRD", Role.ADMIN);

        assertThat(mardanAdmin.post("/api/v1/cameras/" + peshawarCamera + "/retire", Map.of("reason", "not mine")).status())
            .isEqualTo(404);
        assertThat(admin().get("/api/v1/cameras/" + peshawarCamera).json().get("retired").asBoolean()).isFalse();
    }

    @Test
    void a_city_admin_cannot_place_a_site_in_another_city() {
        var response = as("MRD", Role.ADMIN).post("/api/v1/sites", Network.siteBody(Network.unique("Kohat"), "KHT", 4, 33.5869, 71.4429));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("city");
    }

    @Test
    void a_partner_sees_only_its_own_cameras() {
        long site = Network.site(admin(), "KHT", 4, 33.5869, 71.4429);
        var own = Network.cameraBody(site, "FIXED");
        own.put("owner", "PREMISES");
        own.put("partnerId", 1);
        long ownId = Network.camera(admin(), own);
        var other = Network.cameraBody(site, "FIXED");
        other.put("owner", "PREMISES");
        other.put("partnerId", 2);
        long otherId = Network.camera(admin(), other);
        var partner = as(Role.PARTNER);

        var page = partner.get("/api/v1/cameras?size=1000").json();

        List<Long> ids = page.get("items").valueStream().map(c -> c.get("id").asLong()).toList();
        assertThat(ids).contains(ownId).doesNotContain(otherId);
        page.get("items").forEach(c -> assertThat(c.get("partnerId").asLong()).isEqualTo(1));
        assertThat(partner.get("/api/v1/cameras/" + otherId).status()).isEqualTo(404);
        assertThat(partner.get("/api/v1/cameras/" + anyPeshawarCamera(admin())).status()).isEqualTo(404);
        assertThat(partner.get("/api/v1/sites/" + site).status()).isEqualTo(200);
    }

    @Test
    void a_premises_camera_must_name_its_partner() {
        var body = Network.cameraBody(Network.mardanSite(admin()), "FIXED");
        body.put("owner", "PREMISES");

        var response = admin().post("/api/v1/cameras", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("partnerId");
    }

    @Test
    void an_auditor_and_an_unsigned_caller_cannot_read_the_network() {
        var auditor = as(Role.AUDITOR);

        for (String path : List.of("/api/v1/cameras", "/api/v1/cameras.geojson", "/api/v1/sites", "/api/v1/sites.geojson",
            "/api/v1/cities", "/api/v1/zones", "/api/v1/phases", "/api/v1/devices")) {
            assertThat(auditor.get(path).status()).as(path).isEqualTo(403);
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void only_an_admin_changes_the_network() {
        long site = Network.mardanSite(admin());
        var body = Network.cameraBody(site, "FIXED");
        for (Role role : List.of(Role.OPERATOR, Role.SUPERVISOR, Role.PARTNER, Role.INVESTIGATOR)) {
            var api = as(role);
            assertThat(api.post("/api/v1/cameras", body).status()).as(role.name()).isEqualTo(403);
            assertThat(api.post("/api/v1/sites", Network.siteBody(Network.unique("x"), "MRD", 4, 34.19, 72.04)).status()).isEqualTo(403);
            assertThat(api.post("/api/v1/imports/sites", "text/csv", "name\n").status()).isEqualTo(403);
        }
    }

    @Test
    void a_partner_does_not_see_the_rollout_plan() {
        JsonNode problem = as(Role.PARTNER).get("/api/v1/phases").json();

        assertThat(problem.get("status").asInt()).isEqualTo(403);
    }
}
