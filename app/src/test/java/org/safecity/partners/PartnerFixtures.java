package org.safecity.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.emergency.Scene;
import tools.jackson.databind.JsonNode;

/** Premises, their cameras and their managers' accounts, made through the API as an administrator would. */
public final class PartnerFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final SafeCityApi admin;
    private final SafeCityApi anonymous;

    public PartnerFixtures(SafeCityApi admin, SafeCityApi anonymous) {
        this.admin = admin;
        this.anonymous = anonymous;
    }

    /** A registered school in Peshawar (three cameras; gate and boundary wall covered); its id. */
    public long school() {
        var created = admin.post("/api/v1/premises", PremisesTest.school(PremisesTest.licence()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** A manager's account of the premises, signed in. */
    public SafeCityApi managerOf(long premisesId) {
        String username = "premises.manager." + ProcessHandle.current().pid() + "." + SEQUENCE.incrementAndGet();
        var created = admin.post("/api/v1/accounts", Map.of("username", username, "displayName", "Manager " + username,
            "password", IntegrationTest.passwordOf(username), "roles", List.of("PARTNER"), "scope", "province", "partnerId", premisesId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return anonymous.signIn(username, IntegrationTest.passwordOf(username));
    }

    public long site() {
        var site = admin.post("/api/v1/sites", Map.of("name", Scene.unique("Premises site"), "kind", "bazaar",
            "lat", 34.0012, "lon", 71.4871, "city", "PSH", "phase", 2));
        assertThat(site.status()).as(site.toString()).isEqualTo(201);
        return site.json().get("id").asLong();
    }

    /** A full HD camera of the premises covering {@code points}; its id. */
    public long camera(long premisesId, long siteId, List<String> points) {
        var body = new HashMap<String, Object>(Map.of("siteId", siteId, "name", Scene.unique("Premises camera"),
            "make", "Hikvision", "model", "DS-2CD2143G2-I", "resolution", "1920x1080", "type", "FIXED", "heading", 90, "fieldOfView", 90,
            "mainStream", "rtsp://10.77.1.20:554/Streaming/Channels/101"));
        body.put("owner", "PREMISES");
        body.put("partnerId", premisesId);
        body.put("status", "INSTALLED");
        var camera = admin.post("/api/v1/cameras", body);
        assertThat(camera.status()).as(camera.toString()).isEqualTo(201);
        long id = camera.json().get("id").asLong();
        if (!points.isEmpty()) {
            var described = admin.put("/api/v1/premises/" + premisesId + "/cameras/" + id + "/points", Map.of("points", points));
            assertThat(described.status()).as(described.toString()).isEqualTo(200);
        }
        return id;
    }

    /** The premises' compliance status once it is {@code status}, polling its detail. */
    public JsonNode awaitStatus(long premisesId, String status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode premises = null;
        while (System.nanoTime() < deadline) {
            premises = admin.get("/api/v1/premises/" + premisesId).json();
            if (premises.get("compliance").get("status").asString().equals(status)
                && admin.get("/api/v1/premises/" + premisesId + "/history").json().get(0).get("to").asString().equals(status)) {
                return premises;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("premises " + premisesId + " did not become " + status + " within " + within + ": " + premises);
    }
}
