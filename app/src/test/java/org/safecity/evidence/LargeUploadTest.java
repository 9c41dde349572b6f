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
import java.nio.file.Files;
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
 * generated body it never holds in memory. An upload cut off midway leaves nothing behind.
 */
class LargeUploadTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.safecity.storage.StorageSettings storage;

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

    /**
     * A real full disk: the child server's data directory is a 48 MiB tmpfs, mounted in a mount namespace
     * of its own ({@code unshare --user --map-root-user --mount}, as the embedded PostgreSQL runs), with
     * SafeCity keeping 16 MiB free. A 40 MiB item fits; then health is DOWN, and the next upload fails
     * with ENOSPC and is answered 507, leaving no part file.
     */
    @Test
    void an_upload_onto_a_full_disk_is_answered_507_saying_so_and_health_is_down() throws Exception {
        assumeMountNamespaces();
        var investigator = as(Role.INVESTIGATOR);
        String caseId = openCase(investigator);
        int childPort = freePort();
        String mount = "/tmp/safecity-full-disk-" + System.nanoTime();
        Process server = startServer(childPort, List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
            "mkdir -p " + mount + " && mount -t tmpfs -o size=48m tmpfs " + mount + " && cp -r " + storage.dataDir().resolve("keys")
                + " " + mount + "/ && exec \"$0\" \"$@\""), List.of("-Dsafecity.data-dir=" + mount, "-Dsafecity.min-free-space=16MB"));
        try {
            awaitHealthy(childPort, server);
            var child = investigator.on(childPort);
            byte[] footage = new byte[40 << 20];
            new Random(7).nextBytes(footage);
            var first = new Multipart().field("kind", "video-clip");
            var fits = child.post("/api/v1/cases/" + caseId + "/items", first.contentType(), first.file("first.bin", footage));
            assertThat(fits.status()).as(fits.body()).isEqualTo(201);
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + childPort
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("health, 8 MiB free").isEqualTo(503);

            footage[0] ^= 1;
            var multipart = new Multipart().field("kind", "video-clip");
            var full = child.post("/api/v1/cases/" + caseId + "/items", multipart.contentType(), multipart.file("second.bin", footage));

            assertThat(full.status()).as(full.body()).isEqualTo(507);
            assertThat(full.isProblem()).isTrue();
            assertThat(full.json().get("detail").asString()).contains("disk is full", "nothing was changed");
            try (var left = Files.list(Path.of("/proc", Long.toString(server.pid()), "root", mount, "media/evidence/incoming"))) {
                assertThat(left.toList()).as("the failed upload's part file").isEmpty();
            }
            disposeOf(caseId, investigator);
        } finally {
            server.destroy();
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            Files.deleteIfExists(Path.of(mount));  // the mount point; the file system went with its namespace
        }
    }

    /** A mount namespace of our own, as an unprivileged user may have: skipped without (failed in CI). */
    private static void assumeMountNamespaces() throws Exception {
        var probe = new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "true").redirectErrorStream(true).start();
        probe.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        boolean available = probe.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && probe.exitValue() == 0;
        if (System.getenv("CI") != null) {
            assertThat(available).as("unshare --user --map-root-user --mount (user namespaces)").isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(available, "no user and mount namespaces here");
    }

    @Test
    void an_upload_cut_off_midway_is_owner_only_while_it_arrives_and_leaves_no_part_file() throws Exception {
        var officer = as(Role.INVESTIGATOR);
        String caseId = openCase(officer);
        String username = officer.get("/api/v1/me").json().get("username").asString();
        String token = anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", passwordOf(username)))
            .json().get("access_token").asString();
        Path incoming = storage.dataDir().resolve("media/evidence/incoming");
        var before = partFiles(incoming);
        String boundary = "cut-off-" + System.nanoTime();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"footage.mp4\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n";

        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/cases/" + caseId + "/items HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + (100L << 20)
                + "\r\n\r\n" + head).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(new byte[4 << 20]);
            out.flush();
            var arriving = Waiting.until(() -> partFiles(incoming).stream().filter(p -> !before.contains(p)).findFirst(),
                Duration.ofSeconds(20));

            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(arriving)))
                .as("an upload in progress").isEqualTo("rw-------");
            socket.setSoLinger(true, 0);  // the client is killed: the connection is reset, the body never ends
        }

        assertThat(Waiting.until(() -> partFiles(incoming).stream().noneMatch(p -> !before.contains(p))
            ? java.util.Optional.of(true) : java.util.Optional.empty(), Duration.ofSeconds(30))).isTrue();
    }

    /** Polls until the value is there. */
    private static final class Waiting {
        static <T> T until(java.util.function.Supplier<java.util.Optional<T>> read, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                var value = read.get();
                if (value.isPresent()) {
                    return value.get();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not reached within " + timeout);
                }
                Thread.sleep(100);
            }
        }
    }

    private static List<Path> partFiles(Path folder) {
        try (var files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** So the 2 GiB file does not stay for every later integrity check in this test run: retention over, disposed of. */
    private void disposeOf(String caseId, org.safecity.SafeCityApi investigator) {
        investigator.put("/api/v1/cases/" + caseId + "/status", Map.of("status", "CLOSED"));
        admin().put("/api/v1/evidence-retention/video-clip", Map.of("retainFor", "PT0S"));
        try {
            assertThat(admin().post("/api/v1/evidence/disposal", "{}").status()).isEqualTo(200);
        } finally {
            admin().put("/api/v1/evidence-retention/video-clip", Map.of("retainFor", "P3650D"));
        }
    }

    private static Process startServer(int port) throws IOException {
        return startServer(port, List.of(), List.of());
    }

    /** The child server, its command after {@code prefix} and with {@code properties} after the test database's. */
    private static Process startServer(int port, List<String> prefix, List<String> properties) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the application's classes and libraries, without the test classes (whose initializer would start another database)
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.endsWith("test-classes"))
            .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(java, "-Xmx512m", "-cp", classpath));
        TestDatabase.properties().forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(properties);
        command.addAll(List.of("-Dserver.port=" + port, "-Dsafecity.video.recording=false", "-Dspring.main.banner-mode=off", "-Dsafecity.demo=false",
            "org.safecity.SafeCityApplication"));
        Path log = Path.of("target", "large-upload-server.log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitHealthy(int port, Process server) throws Exception {
        var client = HttpClient.newHttpClient();
        // a whole application starting beside the suite's: minutes on two busy cores, seconds on a quiet machine
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
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
