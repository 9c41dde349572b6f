package org.safecity.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.safecity.SafeCityApi;

/**
 * Builds the records a test needs through the API, with names no other test uses. Tests place their
 * own records outside Peshawar so the demo's phase 1 and 2 figures stay exact.
 */
final class Network {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Network() {
    }

    static String unique(String prefix) {
        return prefix + " " + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    static Map<String, Object> siteBody(String name, String city, int phase, double lat, double lon) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put("kind", "junction");
        body.put("lat", lat);
        body.put("lon", lon);
        body.put("city", city);
        body.put("phase", phase);
        return body;
    }

    /** A new site in Mardan (phase 4) near the city centre. */
    static long mardanSite(SafeCityApi admin) {
        return site(admin, "MRD", 4, 34.1986, 72.0404);
    }

    static long site(SafeCityApi admin, String city, int phase, double lat, double lon) {
        var created = admin.post("/api/v1/sites", siteBody(unique("Test site"), city, phase, lat, lon));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create a site: " + created);
        }
        return created.json().get("id").asLong();
    }

    static Map<String, Object> cameraBody(long siteId, String type) {
        var body = new HashMap<String, Object>();
        body.put("siteId", siteId);
        body.put("name", unique("Test camera"));
        body.put("make", "Hikvision");
        body.put("model", "DS-2CD7A26G0/P-IZHS");
        body.put("resolution", "1920x1080");
        body.put("type", type);
        if (!type.equals("PTZ")) {
            body.put("heading", 90);
            body.put("fieldOfView", 90);
        }
        body.put("mainStream", "rtsp://10.99.1.11:554/Streaming/Channels/101");
        body.put("subStream", "rtsp://10.99.1.11:554/Streaming/Channels/102");
        return body;
    }

    static long camera(SafeCityApi admin, Map<String, Object> body) {
        var created = admin.post("/api/v1/cameras", body);
        if (created.status() != 201) {
            throw new IllegalStateException("could not create a camera: " + created);
        }
        return created.json().get("id").asLong();
    }

    static long camera(SafeCityApi admin, long siteId) {
        return camera(admin, cameraBody(siteId, "FIXED"));
    }
}
