package org.safecity.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.alerts.AlertEscalated;
import org.safecity.alerts.AlertPriority;
import org.safecity.alerts.AlertType;
import org.safecity.identity.Role;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.Placement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** How incidents come in: calls, panic buttons, escalated alerts; and who sees them. */
class IncidentIntakeTest extends IntegrationTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private String panicButton(GeoPoint where) {
        return registerPanicButton(where).get("key").asString();
    }

    private JsonNode registerPanicButton(GeoPoint where) {
        var created = admin().post("/api/v1/panic-buttons", Map.of("premisesName", Scene.unique("HBL Saddar Road branch"),
            "premisesKind", "BANK", "address", "Saddar Road, Peshawar Cantt",
            "location", Map.of("lat", where.lat(), "lon", where.lon()), "cityCode", "PSH"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("key").asString()).startsWith("scp_");
        return created.json();
    }

    @Test
    void a_panic_button_registered_without_a_city_is_placed_by_the_camera_network() {
        var created = admin().post("/api/v1/panic-buttons", Map.of("premisesName", Scene.unique("UBL Qissa Khwani branch"),
            "premisesKind", "BANK", "address", "Qissa Khwani Bazaar, Peshawar", "location", Map.of("lat", 34.0086, "lon", 71.5677)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("cityCode").asString()).isEqualTo("PSH");
        assertThat(created.json().get("zoneCode").isNull()).isFalse();
    }

    @Test
    void a_panic_press_opens_a_p1_incident_at_the_premises_at_once() {
        var premises = new GeoPoint(34.0005, 71.5400);
        var button = anonymous.withToken(panicButton(premises));

        var pressed = button.post("/api/v1/panic", Map.of("pressId", "press-1"));

        assertThat(pressed.status()).as(pressed.toString()).isEqualTo(201);
        long id = pressed.json().get("incidentId").asLong();
        var incident = as("PSH", Role.DISPATCHER).get("/api/v1/incidents/" + id).json();
        assertThat(incident.get("priority").asString()).isEqualTo("P1");
        assertThat(incident.get("type").asString()).isEqualTo("PANIC_ALARM");
        assertThat(incident.get("status").asString()).isEqualTo("NEW");
        assertThat(incident.get("source").asString()).isEqualTo("PANIC_BUTTON");
        assertThat(incident.get("cityCode").asString()).isEqualTo("PSH");
        assertThat(incident.get("location").get("lat").asDouble()).isEqualTo(premises.lat());
        assertThat(incident.get("location").get("lon").asDouble()).isEqualTo(premises.lon());
        assertThat(incident.get("address").asString()).isEqualTo("Saddar Road, Peshawar Cantt");
        assertThat(incident.get("timeline").get(0).get("kind").asString()).isEqualTo("OPENED");
    }

    @Test
    void a_retried_press_with_the_same_press_id_opens_no_second_incident() {
        var button = anonymous.withToken(panicButton(new GeoPoint(34.0010, 71.5410)));

        var first = button.post("/api/v1/panic", Map.of("pressId", "press-retried"));
        var retry = button.post("/api/v1/panic", Map.of("pressId", "press-retried"));
        var another = button.post("/api/v1/panic", Map.of("pressId", "press-later"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("incidentId").asLong()).isEqualTo(first.json().get("incidentId").asLong());
        assertThat(retry.json().get("opened").asBoolean()).isFalse();
        assertThat(another.json().get("incidentId").asLong()).isNotEqualTo(first.json().get("incidentId").asLong());
    }

    @Test
    void a_revoked_panic_button_can_no_longer_press() {
        var button = registerPanicButton(new GeoPoint(34.0020, 71.5420));
        String key = button.get("key").asString();
        long id = button.get("id").asLong();
        assertThat(admin().get("/api/v1/panic-buttons").json().toString()).doesNotContain(key);
        // pressed once first, so the key is remembered when it is revoked: the revocation must still be immediate
        assertThat(anonymous.withToken(key).post("/api/v1/panic", Map.of("pressId", "before-revocation")).status()).isEqualTo(201);

        assertThat(admin().delete("/api/v1/panic-buttons/" + id).status()).isEqualTo(204);

        assertThat(anonymous.withToken(key).post("/api/v1/panic", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void only_a_panic_button_may_press_not_a_person() {
        assertThat(as("PSH", Role.OPERATOR).post("/api/v1/panic", Map.of()).status()).isEqualTo(403);
        assertThat(anonymous.post("/api/v1/panic", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void a_camera_s_device_key_is_a_machine_too_but_cannot_press() {
        long camera = admin().get("/api/v1/cameras?city=PSH&size=1").json().get("items").get(0).get("id").asLong();
        var device = admin().post("/api/v1/devices", Map.of("name", Scene.unique("NVR Saddar"), "cameraIds", java.util.List.of(camera)));
        assertThat(device.status()).as(device.toString()).isEqualTo(201);

        var refused = anonymous.withToken(device.json().get("key").asString()).post("/api/v1/panic", Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
    }

    @Test
    void a_call_opens_an_incident_with_the_type_s_default_priority_and_the_caller_on_record() {
        var operator = as(Scene.CITY, Role.OPERATOR);
        var body = Scene.incidentBody("ROAD_ACCIDENT", Scene.fresh(operator).spot);
        body.remove("cityCode");

        var created = operator.post("/api/v1/incidents", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode incident = created.json();
        assertThat(incident.get("id").asLong()).isPositive();
        assertThat(incident.get("priority").asString()).isEqualTo("P2");
        assertThat(incident.get("cityCode").asString()).isEqualTo("KHT");
        assertThat(incident.get("status").asString()).isEqualTo("NEW");
        assertThat(incident.get("calls")).hasSize(1);
        assertThat(incident.toString()).doesNotContain("0300-1234567");
        var callers = operator.get("/api/v1/incidents/" + incident.get("id").asLong() + "/calls?reason=call-back").json();
        assertThat(callers.get(0).get("callerName").asString()).isEqualTo("Gul Khan");
        assertThat(callers.get(0).get("callerNumber").asString()).isEqualTo("0300-1234567");
    }

    @Test
    void a_call_taker_may_set_a_higher_priority_than_the_type_s_default() {
        var operator = as(Scene.CITY, Role.OPERATOR);
        var body = Scene.incidentBody("THEFT", Scene.fresh(operator).spot);
        body.put("priority", "P2");

        assertThat(operator.post("/api/v1/incidents", body).json().get("priority").asString()).isEqualTo("P2");
    }

    @Test
    void a_call_without_type_location_or_description_is_refused_naming_each_field_and_opens_nothing() {
        var operator = as(Scene.CITY, Role.OPERATOR);
        int before = operator.get("/api/v1/incidents?all=true").json().size();

        var refused = operator.post("/api/v1/incidents", Map.of("type", "NOT_A_TYPE", "location", Map.of("lat", 33.6, "lon", 71.4)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
            .contains("type", "description");
        assertThat(operator.get("/api/v1/incidents?all=true").json().size()).isEqualTo(before);
    }

    @Test
    void a_second_call_about_the_same_incident_is_attached_to_it_instead_of_opening_another() {
        var operator = as(Scene.CITY, Role.OPERATOR);
        var incident = Scene.fresh(operator).incident("FIRE", Scene.fresh(operator).spot);
        long id = incident.get("id").asLong();

        var attached = operator.post("/api/v1/incidents/" + id + "/calls",
            Map.of("caller", Map.of("name", "Bibi Amna", "number", "0311-7654321"), "note", "smoke seen from the next street"));

        assertThat(attached.status()).isEqualTo(201);
        assertThat(attached.json().get("calls")).hasSize(2);
        assertThat(attached.json().get("timeline").valueStream().map(e -> e.get("kind").asString())).contains("CALL");
    }

    @Test
    void a_mardan_dispatcher_does_not_see_a_peshawar_incident() {
        var peshawar = as("PSH", Role.OPERATOR);
        var body = Scene.incidentBody("ASSAULT", new GeoPoint(34.0120, 71.5600));
        body.put("cityCode", "PSH");
        long id = peshawar.post("/api/v1/incidents", body).json().get("id").asLong();
        SafeCityApi mardan = as("MRD", Role.DISPATCHER);

        assertThat(mardan.get("/api/v1/incidents/" + id).status()).isEqualTo(404);
        assertThat(mardan.get("/api/v1/incidents").json().valueStream().map(i -> i.get("id").asLong())).doesNotContain(id);
        assertThat(as("PSH", Role.DISPATCHER).get("/api/v1/incidents/" + id).status()).isEqualTo(200);
    }

    @Test
    void an_operator_cannot_open_an_incident_in_another_city() {
        var body = Scene.incidentBody("ASSAULT", new GeoPoint(34.0120, 71.5600));
        body.put("cityCode", "PSH");

        var refused = as("MRD", Role.OPERATOR).post("/api/v1/incidents", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("cityCode");
    }

    @Test
    void an_incident_without_a_city_is_placed_by_the_camera_network() {
        var body = Scene.incidentBody("ASSAULT", new GeoPoint(34.0080, 71.5785));
        body.remove("cityCode");

        var created = admin().post("/api/v1/incidents", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("cityCode").asString()).isEqualTo("PSH");
    }

    @Test
    void an_escalated_alert_becomes_one_incident_at_its_camera_however_often_it_arrives() throws Exception {
        long alertId = System.nanoTime();
        var camera = admin().get("/api/v1/cameras?city=PSH&size=1").json().get("items").get(0);
        String plate = "LEB" + (alertId % 100_000);
        var event = new AlertEscalated(alertId, AlertType.WATCHLIST_HIT, AlertPriority.HIGH,
            Placement.unknown(camera.get("id").asLong()), plate, Instant.now()); // placed by the registry, as an alert without a position is

        transactions.executeWithoutResult(status -> events.publishEvent(event));
        transactions.executeWithoutResult(status -> events.publishEvent(event));

        var dispatcher = as("PSH", Role.DISPATCHER);
        JsonNode linked = null;
        for (int i = 0; i < 100 && linked == null; i++) {
            linked = dispatcher.get("/api/v1/incidents").json().valueStream()
                .filter(n -> n.get("description").asString().contains(plate)).findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertThat(linked).as("an incident for alert " + alertId).isNotNull();
        Thread.sleep(500);
        var incidents = dispatcher.get("/api/v1/incidents").json().valueStream()
            .filter(n -> n.get("description").asString().contains(plate)).toList();
        assertThat(incidents).hasSize(1);
        var incident = dispatcher.get("/api/v1/incidents/" + linked.get("id").asLong()).json();
        assertThat(incident.get("alertId").asString()).isEqualTo(Long.toString(alertId));
        assertThat(incident.get("source").asString()).isEqualTo("ALERT");
        assertThat(incident.get("priority").asString()).isEqualTo("P1");
        assertThat(incident.get("cityCode").asString()).isEqualTo("PSH");
        assertThat(incident.get("description").asString()).contains(camera.get("siteName").asString());
    }
}
