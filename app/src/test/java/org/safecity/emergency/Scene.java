package org.safecity.emergency;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.safecity.SafeCityApi;
import org.safecity.shared.GeoPoint;
import tools.jackson.databind.JsonNode;

/**
 * Builds the records an emergency test needs through the API. Each scene is a spot of its own in
 * Kohat, several kilometres from every other test's, so units left available by one test never
 * rank above another test's units.
 */
public final class Scene {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Kohat city centre; tests spread out north and east of it. */
    private static final GeoPoint KOHAT = new GeoPoint(33.5869, 71.4429);

    public static final String CITY = "KHT";

    public final GeoPoint spot;
    private final SafeCityApi api;

    private Scene(SafeCityApi api, GeoPoint spot) {
        this.api = api;
        this.spot = spot;
    }

    /** A new spot, at least 6 km from the others, where {@code api} (an admin or dispatcher) works. */
    public static Scene fresh(SafeCityApi api) {
        int n = SEQUENCE.incrementAndGet();
        return new Scene(api, KOHAT.offset(6_000.0 * (n % 10), 90).offset(6_000.0 * (1 + n / 10), 0));
    }

    public static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    public GeoPoint at(double metres, double bearing) {
        return spot.offset(metres, bearing);
    }

    public long unit(String type, GeoPoint position) {
        var body = new HashMap<String, Object>();
        body.put("callSign", unique("KHT-" + type.substring(0, 3)));
        body.put("type", type);
        body.put("station", "Kohat City police station");
        body.put("cityCode", CITY);
        var created = api.post("/api/v1/units", body);
        if (created.status() != 201) {
            throw new IllegalStateException("could not register a unit: " + created);
        }
        long id = created.json().get("id").asLong();
        if (position != null) {
            move(id, position);
        }
        return id;
    }

    public void move(long unitId, GeoPoint position) {
        var moved = api.post("/api/v1/units/" + unitId + "/position", Map.of("lat", position.lat(), "lon", position.lon()));
        if (moved.status() != 200) {
            throw new IllegalStateException("could not move unit " + unitId + ": " + moved);
        }
    }

    public JsonNode incident(String type, GeoPoint where) {
        var created = api.post("/api/v1/incidents", incidentBody(type, where));
        if (created.status() != 201) {
            throw new IllegalStateException("could not open an incident: " + created);
        }
        return created.json();
    }

    public static Map<String, Object> incidentBody(String type, GeoPoint where) {
        var body = new HashMap<String, Object>();
        body.put("type", type);
        body.put("location", Map.of("lat", where.lat(), "lon", where.lon()));
        body.put("description", "Reported " + type.toLowerCase() + " near the bazaar");
        body.put("address", "Main Bazaar Road");
        body.put("caller", Map.of("name", "Gul Khan", "number", "0300-1234567"));
        body.put("cityCode", CITY);
        return body;
    }

    public JsonNode dispatch(long incidentId, List<Long> unitIds) {
        var sent = api.post("/api/v1/incidents/" + incidentId + "/dispatch", Map.of("unitIds", unitIds));
        if (sent.status() != 200) {
            throw new IllegalStateException("could not dispatch: " + sent);
        }
        return sent.json();
    }
}
