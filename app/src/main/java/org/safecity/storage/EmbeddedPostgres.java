package org.safecity.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run by SafeCity itself from the binaries in the
 * {@code io.zonky.test.postgres} Maven artifacts: unpacked once, initialised once, its data kept
 * under {@code <dataDir>/pgsql} across restarts, stopped cleanly on shutdown.
 *
 * <p>SafeCity works as {@value #OWNER}, a plain role that owns the database (password in
 * {@code pgsql/password}); the cluster's superuser (name and password in {@code pgsql/superuser})
 * only creates that role and the database, so the application cannot switch off the guards that
 * keep its audit trail and custody log append-only.
 *
 * <p>PostgreSQL refuses to run as root. As root the server runs in a user namespace
 * ({@code unshare --user}) where it is an unprivileged user that still owns its files, so the
 * same command works for a normal user, as root, and in containers.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    /** How long a restart waits for a killed postmaster to finish dying. */
    private static final Duration DEAD_POSTMASTER_PATIENCE = Duration.ofSeconds(10);

    static final String DATABASE = "safecity";
    /** The application's role: owns the database and its schemas, and is not a superuser. */
    static final String OWNER = "safecity_app";
    /** Made by initdb; used only to create the owner role and the database, never by the application. */
    static final String BOOTSTRAP = "postgres";
    /** Clusters made before the owner role existed have the application's old account as their bootstrap superuser. */
    private static final String EARLIER_BOOTSTRAP = "safecity";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path home;
    private final Path binaries;
    private final Path cluster;
    private final ServerCommands commands;
    /**
     * Sightings arrive all day at thousands a second into tables with several indexes, about 1 KB of
     * write-ahead log each. With the stock settings a checkpoint came every half minute under load, and
     * after each one the first change to every index page is logged whole, so the writer stalled for
     * hundreds of milliseconds: rarer checkpoints (the log may grow to {@code max_wal_size} under such
     * load; it shrinks back when quiet), compressed page images and a larger buffer cache keep the
     * write path steady. Durability is unchanged ({@code fsync} and {@code synchronous_commit} stay on).
     */
    private static final String WRITE_HEAVY_SETTINGS =
        "-c shared_buffers=512MB -c max_wal_size=16GB -c checkpoint_timeout=15min -c wal_compression=on";
    private int port;
    private String password;
    private Account bootstrap;
    private boolean running;

    private EmbeddedPostgres(Path home) {
        this.home = home;
        this.binaries = home.resolve("bin-" + PostgresBundle.bundleVersion());
        this.cluster = home.resolve("data");
        this.commands = new ServerCommands(this.home, binaries);
    }

    /** Unpacks, initialises when new, and starts the server; returns once it accepts connections. */
    public static EmbeddedPostgres start(Path home, int requestedPort) {
        var postgres = new EmbeddedPostgres(home.toAbsolutePath().normalize());
        postgres.boot(requestedPort);
        return postgres;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The application's account: owner of its database, not a superuser. */
    public String user() {
        return OWNER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** The bootstrap superuser's name, for administration outside the application (and tests that play an intruder). */
    public String superuser() {
        return bootstrap.name();
    }

    public String superuserPassword() {
        return bootstrap.password();
    }

    private void boot(int requestedPort) {
        try {
            Files.createDirectories(home);
            if (commands.namespaced()) {
                ServerCommands.requireUserNamespaces();
            }
            PostgresBundle.unpack(home, binaries);
            if (!Files.exists(cluster.resolve("PG_VERSION"))) {
                bootstrap = new Account(BOOTSTRAP, newSecret());
                writeOwnerOnly(home.resolve("superuser"), bootstrap.name() + ":" + bootstrap.password());
                initialise();
            } else {
                bootstrap = readBootstrapAccount();
            }
            password = readOrCreatePassword();
            stopLeftoverServer();
            port = requestedPort > 0 ? requestedPort : freePort();
            startServer();
            running = true;
            try {
                OwnerRole.createOwnerAndDatabase(port, bootstrap, password);
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
            log.info("Embedded PostgreSQL {} is running on 127.0.0.1:{} with its data in {}", PostgresBundle.bundleVersion(), port, cluster);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL under " + home + ": " + e.getMessage(), e);
        }
    }

    private void startServer() throws IOException {
        commands.run(START_TIMEOUT, commands.pgCtl(), "-D", cluster.toString(), "-l", home.resolve("postgres.log").toString(),
            "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()),
            "-o", "-p " + port + " -h 127.0.0.1 -c unix_socket_directories='' " + WRITE_HEAVY_SETTINGS,
            "start");
    }

    /** Whether the server takes connections: a dead postmaster's listening socket is closed at once. */
    boolean accepting() {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts the server again after it died (killed, crashed, out of memory) on the same port, with
     * the same data: PostgreSQL replays its log and every committed transaction is there.
     */
    synchronized void restartAfterCrash() throws IOException {
        if (!running) {
            return; // stopped on purpose
        }
        forgetDeadPostmaster();
        startServer();
        log.warn("Embedded PostgreSQL was restarted after it stopped unexpectedly (see {})", home.resolve("postgres.log"));
    }

    /**
     * Waits, up to a few seconds, for the dead postmaster to be gone: its socket closes before the
     * process has finished dying, and PostgreSQL refuses to start while the pid in its lock file lives.
     * A postmaster killed while its parent is gone may stay a zombie when nothing reaps orphans (some
     * containers); PostgreSQL would take its lock file for a live server. A zombie runs nothing and
     * holds no memory, so its lock file is removed.
     */
    private void forgetDeadPostmaster() throws IOException {
        Path lock = cluster.resolve("postmaster.pid");
        long deadline = System.nanoTime() + DEAD_POSTMASTER_PATIENCE.toNanos();
        while (Files.exists(lock)) {
            String pid = Files.readAllLines(lock).stream().findFirst().orElse("").strip();
            Path stat = Path.of("/proc", pid, "stat");
            if (pid.isEmpty() || !Files.exists(stat)) {
                return; // gone: PostgreSQL sees the lock file is stale and takes it over
            }
            String text;
            try {
                text = Files.readString(stat);
            } catch (java.nio.file.NoSuchFileException gone) {
                return;
            }
            int afterName = text.lastIndexOf(')');
            if (afterName > 0 && text.length() > afterName + 2 && text.charAt(afterName + 2) == 'Z') {
                Files.deleteIfExists(lock);
                return;
            }
            if (System.nanoTime() > deadline) {
                return; // still alive: let pg_ctl say so in its own words
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        try {
            commands.run(Duration.ofSeconds(60), commands.pgCtl(), "-D", cluster.toString(), "-m", "fast", "-w", "stop");
            running = false;
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException | RuntimeException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private void initialise() throws IOException {
        Path pwfile = home.resolve("initdb-password");
        writeOwnerOnly(pwfile, bootstrap.password());
        try {
            commands.run(Duration.ofMinutes(3), binaries.resolve("bin/initdb").toString(), "-D", cluster.toString(),
                "-U", bootstrap.name(), "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale");
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /** A server left running by a killed process holds the data directory; stop it before starting ours. */
    private void stopLeftoverServer() throws IOException {
        if (Files.exists(cluster.resolve("postmaster.pid"))) {
            var status = commands.execute(Duration.ofSeconds(20), commands.pgCtl(), "-D", cluster.toString(), "status");
            if (status.exitCode() == 0) {
                log.info("A PostgreSQL server from an earlier run still holds {}; stopping it first", cluster);
                commands.run(Duration.ofSeconds(60), commands.pgCtl(), "-D", cluster.toString(), "-m", "fast", "-w", "stop");
            }
        }
    }

    /**
     * The bootstrap account of an existing cluster. One made before the owner role existed has no
     * {@code superuser} file: its superuser was the application's account, whose password was in {@code password}.
     */
    private Account readBootstrapAccount() throws IOException {
        Path file = home.resolve("superuser");
        if (!Files.exists(file)) {
            String earlier = Files.readString(home.resolve("password")).strip();
            writeOwnerOnly(file, EARLIER_BOOTSTRAP + ":" + earlier);
            Files.delete(home.resolve("password")); // the owner role gets a password of its own
        }
        String text = Files.readString(file).strip();
        int colon = text.indexOf(':');
        return new Account(text.substring(0, colon), text.substring(colon + 1));
    }

    record Account(String name, String password) {
    }

    private String readOrCreatePassword() throws IOException {
        Path file = home.resolve("password");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        String generated = newSecret();
        writeOwnerOnly(file, generated);
        return generated;
    }

    private static String newSecret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        ownerOnly(file);
        Files.writeString(file, text);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }
}
