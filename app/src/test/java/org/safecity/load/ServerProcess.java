package org.safecity.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SafeCity as operators run it, in a child JVM: its own embedded PostgreSQL under {@code dataDir},
 * started by the application itself, on fixed ports so a restarted server finds the same database.
 * Killing the child with SIGKILL leaves PostgreSQL running, as after a real crash; the next start
 * stops that server and starts it again.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "load-admin-password-1";

    private final Path dataDir;
    private final int httpPort;
    private final int databasePort;
    private final List<String> extraArguments;
    private Process process;

    private ServerProcess(Path dataDir, int httpPort, int databasePort, List<String> extraArguments) {
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.databasePort = databasePort;
        this.extraArguments = extraArguments;
    }

    public static ServerProcess create(Path dataDir, String... extraArguments) throws IOException {
        Files.createDirectories(dataDir);
        return new ServerProcess(dataDir.toAbsolutePath(), freePort(), freePort(), List.of(extraArguments));
    }

    public int port() {
        return httpPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The embedded PostgreSQL's port, to start it again while SafeCity is stopped. */
    public int databasePort() {
        return databasePort;
    }

    public String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Starts the server and returns once it answers health checks. */
    public void start(Duration patience) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // the JVM's default collector, as `mvn spring-boot:run` gets it; its pauses are logged beside the server's log
        var command = new ArrayList<>(List.of(java, "-Xmx2g", "-Xlog:gc:file=" + dataDir.resolve("gc.log")));
        String profile = System.getProperty("safecity.load.jfr");
        if (profile != null) {
            command.add("-XX:StartFlightRecording=filename=" + dataDir.resolve(profile) + ",settings=profile");
        }
        command.addAll(List.of("-cp", classpath(), "org.safecity.SafeCityApplication",
            "--server.port=" + httpPort, "--safecity.data-dir=" + dataDir, "--safecity.db.embedded-port=" + databasePort,
            "--safecity.admin-password=" + ADMIN_PASSWORD, "--safecity.demo=true", "--spring.main.banner-mode=off"));
        if (extraArguments.stream().noneMatch(a -> a.startsWith("--safecity.video.recording="))) {
            // an intake node: the demo cameras' video is recorded by recording nodes (see the video benchmarks), not here
            command.add("--safecity.video.recording=false");
        }
        command.addAll(extraArguments);
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        // Its own embedded database, even where the test run itself uses an external one (as CI does).
        builder.environment().keySet().removeIf(name -> name.startsWith("SAFECITY_DB_"));
        process = builder.start();
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("SafeCity exited with " + process.exitValue() + "; see " + dataDir.resolve("server.log"));
            }
            try {
                var health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet; readiness turns UP after the start-up runners (admin account, demo network) are done
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("SafeCity did not start within " + patience + "; see " + dataDir.resolve("server.log"));
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed, as when the machine loses power or the OOM killer strikes. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: a graceful stop, which also stops the embedded PostgreSQL; answers the exit status. */
    public int stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            return process.waitFor();
        }
        return process == null ? 0 : process.exitValue();
    }

    /** A direct connection to the server's database, as the operator's tools would open it. */
    public Connection database() throws IOException, SQLException {
        String password = Files.readString(dataDir.resolve("pgsql").resolve("password")).strip();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort + "/safecity", "safecity_app", password);
    }

    /** Stops the server and any PostgreSQL a killed server left behind. */
    @Override
    public void close() throws InterruptedException {
        stop();
        if (Files.exists(dataDir.resolve("pgsql").resolve("data").resolve("postmaster.pid"))) {
            org.safecity.storage.EmbeddedPostgres.start(dataDir.resolve("pgsql"), databasePort).close();
        }
    }

    /**
     * The application's classpath: this JVM's (from the loader when run by Maven's exec plugin, else
     * java.class.path, expanding surefire's manifest-only jar) without the test classes, whose
     * test-database initialiser would otherwise take over the child's database.
     */
    static String classpath() {
        var entries = new ArrayList<String>();
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            Arrays.stream(loader.getURLs()).map(url -> Path.of(URI.create(url.toString())).toString()).forEach(entries::add);
        } else {
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                entries.addAll(expand(entry));
            }
        }
        return entries.stream().filter(e -> !e.replace('\\', '/').replaceAll("/$", "").endsWith("test-classes"))
            .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static List<String> expand(String entry) {
        if (!entry.endsWith(".jar") || !Path.of(entry).getFileName().toString().startsWith("surefire")) {
            return List.of(entry);
        }
        try (var jar = new java.util.jar.JarFile(entry)) {
            String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return List.of(entry);
            }
            return Arrays.stream(classPath.trim().split("\\s+")).map(url -> Path.of(URI.create(url)).toString()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
