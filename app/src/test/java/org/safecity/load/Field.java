package org.safecity.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a load run or a crash test sets up through the API: cameras, device keys, a watchlist. */
final class Field {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    Field(String base) throws IOException, InterruptedException {
        this.base = base;
        var answer = send("POST", "/api/v1/auth/token", null, "application/json",
            "{\"username\":\"admin\",\"password\":\"" + ServerProcess.ADMIN_PASSWORD + "\"}");
        this.token = answer.get("access_token").asString();
    }

    /** Ids of the demo network's Peshawar cameras, at most {@code count}. */
    List<Long> cameras(int count) throws IOException, InterruptedException {
        var ids = new ArrayList<Long>();
        for (JsonNode camera : send("GET", "/api/v1/cameras?city=PSH&size=1000", token, null, null).get("items")) {
            if (ids.size() < count) {
                ids.add(camera.get("id").asLong());
            }
        }
        return ids;
    }

    /** Issues a device key for these cameras; answers {id, key}. */
    JsonNode device(String name, List<Long> cameraIds) throws IOException, InterruptedException {
        return send("POST", "/api/v1/devices", token, "application/json",
            JSON.writeValueAsString(java.util.Map.of("name", name, "cameraIds", cameraIds)));
    }

    /** A HIGH-priority stolen-vehicle list holding these plates. */
    long watchlist(String name, List<String> plates) throws IOException, InterruptedException {
        return watchlist(name, plates, "HIGH");
    }

    long watchlist(String name, List<String> plates, String priority) throws IOException, InterruptedException {
        long id = send("POST", "/api/v1/watchlists", token, "application/json", JSON.writeValueAsString(java.util.Map.of(
            "name", name, "kind", "VEHICLE", "type", "STOLEN_VEHICLE", "priority", priority, "fuzzy", false))).get("id").asLong();
        for (int from = 0; from < plates.size(); from += 50_000) {
            var csv = new StringBuilder("plate,reason\n");
            for (String plate : plates.subList(from, Math.min(plates.size(), from + 50_000))) {
                csv.append(plate).append(",load test\n");
            }
            send("POST", "/api/v1/watchlists/" + id + "/entries.csv", token, "text/csv", csv.toString());
        }
        return id;
    }

    String token() {
        return token;
    }

    /** One plate read in the JSON devices send. */
    static void plateRead(StringBuilder out, String eventId, long cameraId, Instant at, String plate) {
        out.append("{\"eventId\":\"").append(eventId).append("\",\"cameraId\":").append(cameraId)
            .append(",\"observedAt\":\"").append(at).append("\",\"kind\":\"plate\",\"plate\":{\"text\":\"").append(plate)
            .append("\",\"confidence\":0.91,\"region\":\"PK-KP\",\"vehicleType\":\"car\",\"colour\":\"white\",\"direction\":\"N\"}}");
    }

    private JsonNode send(String method, String path, String bearer, String contentType, String body)
        throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
