package org.safecity.detections;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.safecity.SafeCityApi;

/**
 * Builds what a detection test needs through the API: a camera of its own (outside Peshawar, so the
 * demo network's figures stay exact) and a device key for it, and batch bodies as devices send them.
 */
public final class Reporting {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A camera of a new site and a device that may report for it. */
    public record Field(long siteId, String siteName, long cameraId, SafeCityApi device) {
    }

    private Reporting() {
    }

    public static String unique(String prefix) {
        return prefix + " " + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    /** A new ANPR camera in {@code city} (a phase 3 or 4 city code such as {@code MRD} or {@code KHT}) with its device. */
    public static Field camera(SafeCityApi admin, SafeCityApi anonymous, String city, double lat, double lon) {
        int phase = List.of("DIK", "BNU", "LKM", "NWZ", "KRK").contains(city) ? 3 : 4;
        String siteName = unique("Intake site");
        var site = new HashMap<String, Object>(Map.of("name", siteName, "kind", "junction", "lat", lat, "lon", lon, "city", city,
            "phase", phase));
        var createdSite = admin.post("/api/v1/sites", site);
        if (createdSite.status() != 201) {
            throw new IllegalStateException("could not create a site: " + createdSite);
        }
        long siteId = createdSite.json().get("id").asLong();
        var camera = new HashMap<String, Object>();
        camera.put("siteId", siteId);
        camera.put("name", unique("ANPR camera"));
        camera.put("make", "Dahua");
        camera.put("model", "ITC437-PW6M-IZ-GN");
        camera.put("resolution", "2688x1520");
        camera.put("type", "ANPR");
        camera.put("heading", 90);
        camera.put("fieldOfView", 30);
        camera.put("mainStream", "rtsp://10.99.2.11:554/cam/realmonitor?channel=1&subtype=0");
        var createdCamera = admin.post("/api/v1/cameras", camera);
        if (createdCamera.status() != 201) {
            throw new IllegalStateException("could not create a camera: " + createdCamera);
        }
        long cameraId = createdCamera.json().get("id").asLong();
        var key = admin.post("/api/v1/devices", Map.of("name", unique("ANPR unit"), "cameraIds", List.of(cameraId)));
        if (key.status() != 201) {
            throw new IllegalStateException("could not issue a device key: " + key);
        }
        return new Field(siteId, siteName, cameraId, anonymous.withToken(key.json().get("key").asString()));
    }

    public static Field mardanCamera(SafeCityApi admin, SafeCityApi anonymous) {
        return camera(admin, anonymous, "MRD", 34.1986 + SEQUENCE.get() * 1e-4, 72.0404);
    }

    public static String eventId() {
        return UUID.randomUUID().toString();
    }

    /** One plate read as an ANPR camera reports it. */
    public static Map<String, Object> plateRead(long cameraId, String text, Instant at) {
        return plateRead(eventId(), cameraId, text, at);
    }

    public static Map<String, Object> plateRead(String eventId, long cameraId, String text, Instant at) {
        var plate = new HashMap<String, Object>();
        plate.put("text", text);
        plate.put("confidence", 0.93);
        plate.put("region", "PK-KP");
        plate.put("vehicleType", "car");
        plate.put("colour", "white");
        plate.put("direction", "N");
        var item = new HashMap<String, Object>();
        item.put("eventId", eventId);
        item.put("cameraId", cameraId);
        item.put("observedAt", at.toString());
        item.put("kind", "plate");
        item.put("plate", plate);
        return item;
    }

    public static Map<String, Object> batch(List<?> items) {
        return Map.of("detections", items);
    }
}
