package org.safecity.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.detections.Reporting.batch;
import static org.safecity.detections.Reporting.plateRead;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApplication;
import org.safecity.TestDatabase;
import org.safecity.cluster.InstanceRoles;
import org.safecity.detections.Reporting;
import org.safecity.emergency.Scene;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A console connected to any instance of the cluster sees every alert and incident change, wherever it happened. */
class LiveFeedsOnEveryInstanceTest extends IntegrationTest {

    private static ConfigurableApplicationContext other;
    private static int otherPort;

    @Autowired
    InstanceRoles here;

    private int otherInstance() {
        if (other == null) {
            other = new SpringApplicationBuilder(SafeCityApplication.class).initializers(new TestDatabase())
                .properties("server.port=0", "safecity.demo=false")
                .run("--safecity.cluster.name=" + here.cluster(), "--safecity.cluster.instance=console-only",
                    "--safecity.cluster.roles=web");
            otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
        }
        return otherPort;
    }

    @AfterAll
    static void stopOther() {
        if (other != null) {
            other.close();
        }
    }

    private String adminToken() {
        return anonymous.post("/api/v1/auth/token", Map.of("username", "admin", "password", TestDatabase.ADMIN_PASSWORD))
            .json().get("access_token").asString();
    }

    @Test
    void an_alert_raised_through_one_instance_reaches_a_feed_on_another_as_it_is_raised() throws Exception {
        int port = otherInstance();
        String plate = Sightings.plate();
        Sightings.listWith(admin(), plate, false, "HIGH");
        var field = Reporting.mardanCamera(admin(), anonymous);
        try (var feed = new AlertFeed(port, adminToken(), null)) {
            assertThat(feed.status()).isEqualTo(200);

            long posted = System.nanoTime();
            field.device().post("/api/v1/detections", batch(List.of(plateRead(field.cameraId(), plate, Instant.now()))));
            var event = feed.awaitPlate(plate, Duration.ofSeconds(10));

            assertThat(Duration.ofNanos(System.nanoTime() - posted)).isLessThan(Duration.ofSeconds(1));
            assertThat(event.data().get("kind").asString()).isEqualTo("RAISED");
        }
    }

    @Test
    void an_incident_opened_through_one_instance_reaches_the_incident_board_of_another() throws Exception {
        int port = otherInstance();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/incidents/stream"))
            .header("Authorization", "Bearer " + adminToken()).header("Accept", "text/event-stream").GET().build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)); // closed with the body
        try (var body = response.body()) {
            assertThat(lines.readLine()).as("listening").isNotNull();
            var scene = Scene.fresh(admin());
            long incident = scene.incident("ROAD_ACCIDENT", scene.spot).get("id").asLong();

            var heard = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("data:") && line.contains("\"incidentId\":" + incident)) {
                            return line;
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            assertThat(heard.get(10, TimeUnit.SECONDS)).contains("\"incidentId\":" + incident);
        }
    }
}
