package org.safecity.shared;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What one SafeCity instance tells the others sharing its database, through PostgreSQL's NOTIFY and
 * LISTEN, so that what an instance keeps in memory (the watchlist index, remembered device keys)
 * follows a change made through another one at once, not after a restart or a timeout.
 * <p>
 * A notice goes with the transaction that tells it: it is delivered when that commits, never if it
 * rolls back. An instance does not hear its own notices (it has applied its change already). Notices
 * told while an instance was not listening (before its start, or while its listening connection was
 * lost) are gone: each listener is then told it may have missed some, and reads what it keeps from
 * the database again.
 */
@Component
public class InstanceNotices implements SmartLifecycle {

    /** What hears one topic's notices, on the notices' own thread, in the order their transactions committed. */
    public interface Listener {

        void heard(String body);

        /** Notices may have been lost (listening started or resumed): start again from the database. */
        void mayHaveMissed();
    }

    private static final Logger log = LoggerFactory.getLogger(InstanceNotices.class);
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z-]{0,40}");
    private static final Duration WAIT = Duration.ofMillis(500);
    private static final Duration RETRY_MAX = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    /** Told with every notice, so an instance knows its own. */
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile CountDownLatch listeningOnce = new CountDownLatch(1);

    public InstanceNotices(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Tells the other instances, when the current transaction commits (at once if there is none). */
    public void tell(String topic, String body) {
        jdbc.sql("select pg_notify(?, ?)").params(channel(topic), instance + ' ' + body).query((rs, n) -> 1).list();
    }

    /** Calls the listener for every notice other instances tell on this topic, from now on. */
    public void listen(String topic, Listener listener) {
        listeners.computeIfAbsent(channel(topic), c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /**
     * Starts listening, and waits (a while) until it listens: what keeps memory, such as the watchlist
     * index the detection consumers load as they start, then loads after listening began and misses nothing.
     */
    @Override
    public synchronized void start() {
        running = true;
        listeningOnce = new CountDownLatch(1);
        thread = Thread.ofPlatform().name("instance-notices").daemon().start(this::listenUntilStopped);
        try {
            if (!listeningOnce.await(WAIT.multipliedBy(20).toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Not yet listening to other instances' notices; going on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Before the detection consumers (which load the watchlist index) and everything else. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 16384;
    }

    @Override
    public void stop() {
        running = false;
        Thread listening = thread;
        if (listening != null) {
            try {
                listening.join(WAIT.multipliedBy(4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        int failures = 0;
        while (running) {
            try (Connection connection = connect()) {
                connection.setAutoCommit(true);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                Set<String> listening = new HashSet<>();
                failures = 0;
                while (running) {
                    listenToNewChannels(connection, listening);
                    listeningOnce.countDown();
                    PGNotification[] notifications = postgres.getNotifications((int) WAIT.toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getName(), notification.getParameter());
                        }
                    }
                }
                try (var statement = connection.createStatement()) {
                    statement.execute("UNLISTEN *"); // in case it goes back to a pool
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                failures++;
                log.warn("Not hearing other instances' notices ({}); listening again", e.getMessage());
                long wait = Math.min(RETRY_MAX.toMillis(), 250L << Math.min(10, failures - 1));
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /**
     * A connection of its own beside the pool's when the pool says how to open one: a notice reaches only
     * a session that listens, so this one is held for as long as the instance runs.
     */
    private Connection connect() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            var pool = dataSource.unwrap(HikariDataSource.class);
            return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return dataSource.getConnection();
    }

    /** LISTENs to channels not yet listened to on this connection; their listeners may have missed notices until now. */
    private void listenToNewChannels(Connection connection, Set<String> listening) throws SQLException {
        for (var channel : listeners.entrySet()) {
            if (listening.add(channel.getKey())) {
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel.getKey());
                }
                for (Listener listener : channel.getValue()) {
                    listener.mayHaveMissed();
                }
            }
        }
    }

    private void deliver(String channel, String payload) {
        int space = payload.indexOf(' ');
        if (space < 0 || payload.substring(0, space).equals(instance)) {
            return;
        }
        String body = payload.substring(space + 1);
        for (Listener listener : listeners.getOrDefault(channel, List.of())) {
            try {
                listener.heard(body);
            } catch (RuntimeException e) {
                // the listener's memory may now lag: it starts again from the database
                log.warn("A notice on {} could not be applied ({}); reloading", channel, e.getMessage());
                listener.mayHaveMissed();
            }
        }
    }

    private static String channel(String topic) {
        if (!TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("a topic is lower-case letters and hyphens: " + topic);
        }
        return "safecity_" + topic.replace('-', '_');
    }
}
