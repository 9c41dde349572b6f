package org.safecity;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.safecity.shared.SettingDefaults;
import org.safecity.storage.EmbeddedPostgres;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test JVM one fresh, real PostgreSQL database shared by all its application contexts:
 * a new database on the server named by {@code SAFECITY_DB_URL} when set (CI uses the machine's
 * server), otherwise SafeCity's own embedded server, started once under {@code target/}.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ADMIN_PASSWORD = "test-admin-password-1";
    private static final java.util.List<ConfigurableApplicationContext> CONTEXTS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static Map<String, Object> properties;
    private static final java.util.concurrent.atomic.AtomicInteger CLUSTERS = new java.util.concurrent.atomic.AtomicInteger();
    private static Administration administration;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var sources = context.getEnvironment().getPropertySources();
        sources.addFirst(new MapPropertySource("safecity-test-database", properties()));
        // No camera is recorded unless a test asks for it (its own @TestPropertySource wins over this); logs are
        // anchored when a test asks, not every minute in the middle of a test that edits the custody log and puts it back;
        // the demo's units do not drive around Peshawar under tests that count the city's units.
        // The test JVM keeps several application contexts open on its one database (Spring's context cache); each is a
        // cluster of its own, as if alone on its database, unless a test puts two in one cluster.
        var defaults = new HashMap<String, Object>(Map.of("safecity.video.recording", "false", "safecity.anchors.interval", "PT6H",
            "safecity.demo-units", "false"));
        // given by a test, not the setting's own default (nor the view of all sources Spring Boot attaches)
        boolean clusterGiven = sources.stream()
            .filter(source -> !source.getName().equals(SettingDefaults.SOURCE) && !source.getName().equals("configurationProperties"))
            .anyMatch(source -> source.containsProperty("safecity.cluster.name"));
        if (!clusterGiven) {
            defaults.put("safecity.cluster.name", "test-" + CLUSTERS.incrementAndGet());
        }
        var noRecording = new MapPropertySource("safecity-test-video", defaults);
        if (sources.contains("Inlined Test Properties")) {
            sources.addAfter("Inlined Test Properties", noRecording);
        } else {
            sources.addAfter("safecity-test-database", noRecording);
        }
        CONTEXTS.add(context);
    }

    /** Shutdown hooks run together; the database must outlive the application contexts that use it. */
    private static void afterContextsClosed(Runnable action) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(25);
            while (CONTEXTS.stream().anyMatch(ConfigurableApplicationContext::isActive) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            action.run();
        }));
    }

    public static synchronized Map<String, Object> properties() {
        if (properties == null) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            var values = new HashMap<String, Object>();
            Path dataDir = Path.of("target", "test-data", run).toAbsolutePath();
            values.put("safecity.data-dir", dataDir.toString());
            values.put("safecity.admin-password", ADMIN_PASSWORD);
            // tests play the reverse proxy by connecting from this loopback address (ReverseProxyTest)
            values.put("safecity.trusted-proxies", "127.0.0.2");
            // a premises' camera that stops sending makes it non-compliant within seconds, not a quarter of an hour
            values.put("safecity.partners.silence-allowed", "PT5S");
            values.put("safecity.partners.evaluation-interval", "PT2S");
            // every test applies from 127.0.0.1; the limit is reached on purpose by one test only
            values.put("safecity.partners.applications-per-hour", "30");
            // the tests' cameras and ONVIF devices answer on loopback, which managers' addresses may not name
            values.put("safecity.partners.addresses.allowed", "127.0.0.0/8");
            values.put("safecity.partners.compliance-office-email", "compliance.office@example.invalid");
            String external = System.getenv("SAFECITY_DB_URL");
            if (external != null && !external.isBlank()) {
                String user = System.getenv().getOrDefault("SAFECITY_DB_USER", "postgres");
                String password = System.getenv().getOrDefault("SAFECITY_DB_PASSWORD", "");
                String database = "safecity_test_" + run;
                // SafeCity refuses a superuser: the run's database belongs to a role of its own, as in production
                String owner = database;
                String ownerPassword = "owner-" + UUID.randomUUID();
                createDatabase(external, user, password, database, owner, ownerPassword);
                String url = external.replaceFirst("/[^/?]*(\\?.*)?$", "/" + database + "$1");
                values.put("safecity.db.url", url);
                values.put("safecity.db.user", owner);
                values.put("safecity.db.password", ownerPassword);
                administration = new Administration(url, user, password);
                afterContextsClosed(() -> dropDatabase(external, user, password, database, owner));
            } else {
                var server = EmbeddedPostgres.start(Path.of("target", "test-postgres", run), 0);
                afterContextsClosed(server::close);
                values.put("safecity.db.url", server.jdbcUrl());
                values.put("safecity.db.user", server.user());
                values.put("safecity.db.password", server.password());
                administration = new Administration(server.jdbcUrl(), server.superuser(), server.superuserPassword());
            }
            properties = Map.copyOf(values);
        }
        return properties;
    }

    /**
     * A superuser's connection to the test database, as someone with the server's keys would open it:
     * for tests that show what the application's own role cannot do and what is noticed when it is done anyway.
     */
    public static Connection administrator() throws SQLException {
        properties();
        return DriverManager.getConnection(administration.url(), administration.user(), administration.password());
    }

    private record Administration(String url, String user, String password) {
    }

    private static void createDatabase(String url, String user, String password, String database, String owner, String ownerPassword) {
        try (var connection = DriverManager.getConnection(url, user, password); var statement = connection.createStatement()) {
            statement.execute("create role " + owner + " login nosuperuser password '" + ownerPassword + "'");
            statement.execute("create database " + database + " owner " + owner);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database on " + url + ": " + e.getMessage(), e);
        }
    }

    private static void dropDatabase(String url, String user, String password, String database, String owner) {
        try (var connection = DriverManager.getConnection(url, user, password); var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("drop role if exists " + owner);
        } catch (SQLException e) {
            System.err.println("could not drop test database " + database + ": " + e.getMessage());
        }
    }
}
