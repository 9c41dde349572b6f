package org.safecity.evidence;

import org.safecity.Multipart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.evidence.EvidenceFixtures.openCase;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.TestDatabase;
import org.safecity.identity.Role;

/**
 * A 2 GiB upload succeeds on a server whose heap is capped at 512 MiB: the server runs as a child
 * JVM ({@code -Xmx512m}) on the same database and data directory, and the client streams a
 * generated body it never holds in memory.
 */
class LargeUploadTest extends IntegrationTest {

    private static final long SIZE = 2L * 1024 * 1024 * 1024;

    @Test
    void a_2_gib_upload_succeeds_with_the_server_heap_capped_at_512_mib() throws Exception {
        var investigator = as(Role.INVESTIGATOR);
        String caseId = openCase(investigator);
        int childPort = freePort();
        Process server = startServer(childPort);
        try {
            awaitHealthy(childPort, server);
            var content = new GeneratedFootage(SIZE);
            var multipart = new Multipart().field("kind", "video-clip").field("place", "Firdous Cinema chowk, camera PSH-0112");
            long started = System.nanoTime();

            var response = investigator.on(childPort).post("/api/v1/cases/" + caseId + "/items", multipart.contentType(),
                multipart.file("camera-0112.mp4", () -> content, SIZE));

            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            System.out.println("2 GiB upload to a 512 MiB server took " + seconds + " s");
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            assertThat(response.json().get("size").asLong()).isEqualTo(SIZE);
            assertThat(response.json().get("sha256").asString()).isEqualTo(content.sha256());
            assertThat(response.json().get("mediaType").asString()).isEqualTo("video/mp4");
            assertThat(server.isAlive()).isTrue();
            disposeOf(caseId, investigator);
        } finally {
            server.destroy();
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** So the 2 GiB file does not stay for every later integrity check in this test run: retention over, disposed of. */
    private void disposeOf(String caseId, org.safecity.SafeCityApi investigator) {
        investigator.put("/api/v1/cases/" + caseId + "/status", Map.of("status", "CLOSED"));
        admin().put("/api/v1/evidence/retention/video-clip", Map.of("retainFor", "PT0S"));
        try {
            assertThat(admin().post("/api/v1/evidence/disposal", "{}").status()).isEqualTo(200);
        } finally {
            admin().put("/api/v1/evidence/retention/video-clip", Map.of("retainFor", "P3650D"));
        }
    }

    private static Process startServer(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the application's classes and libraries, without the test classes (whose initializer would start another database)
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.endsWith("test-classes"))
            .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", classpath));
        TestDatabase.properties().forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-Dserver.port=" + port, "-Dspring.main.banner-mode=off", "-Dsafecity.demo=false",
            "org.safecity.SafeCityApplication"));
        Path log = Path.of("target", "large-upload-server.log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitHealthy(int port, Process server) throws Exception {
        var client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the child server stopped; see target/large-upload-server.log").isTrue();
            try {
                var health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the child server did not become healthy; see target/large-upload-server.log");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * {@code size} bytes of pseudo-random "footage" starting like an MP4 file, generated as they are
     * read (one 1 MiB block reused, stamped with its number) and hashed on the way out.
     */
    static final class GeneratedFootage extends InputStream {
        private final long size;
        private final byte[] block = new byte[1 << 20];
        private final MessageDigest digest;
        private long position;

        GeneratedFootage(long size) throws Exception {
            this.size = size;
            new Random(20261125).nextBytes(block);
            byte[] ftyp = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};
            System.arraycopy(ftyp, 0, block, 0, ftyp.length);
            this.digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int inBlock = (int) (position % block.length);
            if (inBlock == 0 && position > 0) {
                long number = position / block.length;
                for (int i = 0; i < 8; i++) {
                    block[16 + i] = (byte) (number >>> (8 * i));
                }
            }
            int n = (int) Math.min(Math.min(length, block.length - inBlock), size - position);
            System.arraycopy(block, inBlock, target, offset, n);
            digest.update(block, inBlock, n);
            position += n;
            return n;
        }

        String sha256() {
            assertThat(position).as("the whole body was sent").isEqualTo(size);
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
