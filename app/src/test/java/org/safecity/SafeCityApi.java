package org.safecity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests that call SafeCity as its users do: over HTTP, with a bearer token. */
public final class SafeCityApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    private SafeCityApi(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /**
     * The Accept header a client that reads the OpenAPI document sends for one of its operations: the
     * media types it answers with (JSON, a PDF, a picture) and problem+json, which every refusal is.
     */
    public static String accepting(JsonNode operation) {
        var types = new java.util.LinkedHashSet<String>();
        operation.path("responses").properties().forEach(response -> {
            if (response.getKey().startsWith("2")) {
                response.getValue().path("content").propertyNames().forEach(types::add);
            }
        });
        types.add("application/problem+json");
        return String.join(", ", types);
    }

    public static SafeCityApi anonymous(int port) {
        return new SafeCityApi("http://127.0.0.1:" + port, null);
    }

    /** Signs in through {@code POST /api/v1/auth/token} and returns a client carrying the token. */
    public SafeCityApi signIn(String username, String password) {
        var response = post("/api/v1/auth/token", Map.of("username", username, "password", password));
        if (response.status() != 200) {
            throw new IllegalStateException("sign-in as " + username + " failed: " + response.status() + " " + response.body());
        }
        return withToken(response.json().get("access_token").asString());
    }

    /** The bearer token this client carries, for a client of another kind (a WebSocket); null when anonymous. */
    public String token() {
        return token;
    }

    public SafeCityApi withToken(String bearer) {
        return new SafeCityApi(base, bearer);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(body(body)));
    }

    public Response post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(body(body)));
    }

    public Response patch(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", body(body)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, Map.of());
    }

    public Response send(String method, String path, String contentType, String body, Map<String, String> headers) {
        var builder = request(path);
        headers.forEach(builder::header);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a body of any size and type (a multipart upload, say) without reading it into memory first. */
    public Response post(String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(request(path).timeout(Duration.ofMinutes(30)).header("Content-Type", contentType).POST(body));
    }

    /** GETs a response body into a file; answers the status and headers, with the body text only when it is not a success. */
    public Response download(String path, java.nio.file.Path target) {
        try {
            var response = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofFile(target));
            var headers = new LinkedHashMap<String, String>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            String body = response.statusCode() == 200 ? "" : java.nio.file.Files.readString(target);
            return new Response(response.statusCode(), headers, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same person, against another server (e.g. a second instance on the same database). */
    public SafeCityApi on(int otherPort) {
        return new SafeCityApi("http://127.0.0.1:" + otherPort, token);
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            var response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            var headers = new LinkedHashMap<String, String>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            return new Response(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, lower-cased headers, body text; {@link #json()} parses the body. */
    public record Response(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
