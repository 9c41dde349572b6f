package org.safecity.video.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.safecity.IntegrationTest;
import org.safecity.RecordsVideo;
import org.safecity.SafeCityApi;

/** Video tests share one application that records ({@link RecordsVideo}). */
@RecordsVideo
public abstract class VideoTest extends IntegrationTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    protected static String unique(String prefix) {
        return prefix + " " + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    /** A new site and camera in {@code city}; the camera is installed and streams from these addresses. */
    protected static long camera(SafeCityApi admin, String city, double lat, double lon, String mainStream, String subStream) {
        return camera(admin, city, lat, lon, mainStream, subStream, null);
    }

    /** As above, the streams requiring these credentials ({@code username}, {@code password}) when given. */
    protected static long camera(SafeCityApi admin, String city, double lat, double lon, String mainStream, String subStream,
                       Map<String, String> credentials) {
        var site = admin.post("/api/v1/sites", Map.of("name", unique("Video site"), "kind", "junction", "lat", lat, "lon", lon,
            "city", city, "phase", java.util.Set.of("DIK", "BNU", "LKM", "NWZ", "KRK").contains(city) ? 3 : 4));
        if (site.status() != 201) {
            throw new IllegalStateException("could not create a site: " + site);
        }
        var body = new HashMap<String, Object>();
        body.put("siteId", site.json().get("id").asLong());
        body.put("name", unique("Video camera"));
        body.put("make", "Hikvision");
        body.put("model", "DS-2CD2T47G2-L");
        body.put("resolution", "640x360");
        body.put("type", "FIXED");
        body.put("heading", 90);
        body.put("fieldOfView", 90);
        body.put("mainStream", mainStream);
        if (subStream != null) {
            body.put("subStream", subStream);
        }
        body.put("status", "INSTALLED");
        if (credentials != null) {
            body.put("credentials", credentials);
        }
        var camera = admin.post("/api/v1/cameras", body);
        if (camera.status() != 201) {
            throw new IllegalStateException("could not create a camera: " + camera);
        }
        return camera.json().get("id").asLong();
    }
}
