package org.safecity.alerts;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A test's connection to {@code /api/v1/alerts/stream}, reading Server-Sent Events as a browser does. */
final class AlertFeed implements AutoCloseable {

    record Event(long id, JsonNode data) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final int status;
    private volatile java.io.InputStream body;

    AlertFeed(int port, String token, Long lastEventId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/alerts/stream"))
            .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        var response = HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        body = response.body();
        reader = Thread.ofVirtual().start(() -> read(response.body()));
    }

    int status() {
        return status;
    }

    private void read(java.io.InputStream stream) {
        try (var lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            Long id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).strip());
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                } else if (line.isEmpty()) {
                    if (id != null && !data.isEmpty()) {
                        events.add(new Event(id, JSON.readTree(data.toString())));
                    }
                    id = null;
                    data.setLength(0);
                }
            }
        } catch (Exception e) {
            // closed by the test
        }
    }

    /** Waits for the first event whose alert has this plate. */
    Event awaitPlate(String plate, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no feed event for " + plate + " within " + timeout);
            }
            JsonNode alert = event.data().get("alert");
            if (alert.has("plate") && plate.equals(alert.get("plate").asString())) {
                return event;
            }
        }
    }

    /** Every event received within the time. */
    List<Event> drain(Duration within) throws InterruptedException {
        Thread.sleep(within.toMillis());
        var all = new ArrayList<Event>();
        events.drainTo(all);
        return all;
    }

    @Override
    public void close() throws Exception {
        body.close();
        reader.interrupt();
    }
}
