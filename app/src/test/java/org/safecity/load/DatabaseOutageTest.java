package org.safecity.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.safecity.SafeCityApi;

/**
 * SafeCity on its embedded PostgreSQL, whose server is killed with SIGKILL: while it is down every
 * caller is told so within seconds (503 problem+json with Retry-After, readiness DOWN); SafeCity
 * starts its database again by itself and then everything works as before, without a restart.
 */
class DatabaseOutageTest {

    /** Long enough that the outage is seen before SafeCity's own watch brings the server back. */
    private static final String WATCH = "--safecity.db.watch-interval=8s";

    @Test
    void a_killed_embedded_database_is_answered_503_at_once_and_is_restarted_by_safecity() throws Exception {
        Path dataDir = Path.of("target", "outage-test", UUID.randomUUID().toString().substring(0, 8));
        try (var server = ServerProcess.create(dataDir, WATCH)) {
            server.start(Duration.ofSeconds(180));
            var field = new Field(server.base());
            var camera = field.cameras(1).getFirst();
            String deviceKey = field.device("Outage-test NVR", List.of(camera)).get("key").asString();
            var admin = SafeCityApi.anonymous(server.port()).withToken(field.token());
            var device = SafeCityApi.anonymous(server.port()).withToken(deviceKey);
            var anonymous = SafeCityApi.anonymous(server.port());
            assertThat(device.post("/api/v1/detections", "application/json", batch(camera)).status()).isEqualTo(202);

            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("pgsql/data/postmaster.pid")).getFirst().strip());
            new ProcessBuilder("kill", "-9", Long.toString(postmaster)).start().waitFor();

            var cameras = timed(() -> admin.get("/api/v1/cameras?city=PSH&size=5"));
            assertThat(cameras.answer().status()).isEqualTo(503);
            assertThat(cameras.answer().isProblem()).isTrue();
            assertThat(cameras.answer().headers()).containsKey("retry-after");
            assertThat(cameras.took()).isLessThan(Duration.ofSeconds(5));

            var intake = timed(() -> device.post("/api/v1/detections", "application/json", batch(camera)));
            assertThat(intake.answer().status()).isEqualTo(503);
            assertThat(intake.answer().isProblem()).isTrue();
            assertThat(intake.answer().headers()).containsKey("retry-after");
            assertThat(intake.took()).isLessThan(Duration.ofSeconds(5));

            var readiness = timed(() -> anonymous.get("/actuator/health/readiness"));
            assertThat(readiness.answer().status()).isEqualTo(503);
            assertThat(readiness.answer().body()).contains("DOWN");
            assertThat(readiness.took()).isLessThan(Duration.ofSeconds(5));

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (anonymous.get("/actuator/health/readiness").status() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(admin.get("/api/v1/cameras?city=PSH&size=5").status()).isEqualTo(200);
            assertThat(device.post("/api/v1/detections", "application/json", batch(camera)).status()).isEqualTo(202);
            long restarted = Long.parseLong(Files.readAllLines(dataDir.resolve("pgsql/data/postmaster.pid")).getFirst().strip());
            assertThat(restarted).isNotEqualTo(postmaster);
        }
    }

    private record Timed(SafeCityApi.Response answer, Duration took) {
    }

    private static Timed timed(Supplier<SafeCityApi.Response> call) {
        long start = System.nanoTime();
        var answer = call.get();
        return new Timed(answer, Duration.ofNanos(System.nanoTime() - start));
    }

    private static String batch(long camera) {
        var body = new StringBuilder("{\"detections\":[");
        Field.plateRead(body, UUID.randomUUID().toString(), camera, Instant.now(), "OUT" + (1000 + (int) (Math.random() * 8000)));
        return body.append("]}").toString();
    }
}
