package org.safecity.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What only one instance of the cluster may do at a time, guarded by the database: each lease is a
 * PostgreSQL session advisory lock held on a connection of this instance's own, beside the pool. A
 * lease once taken is kept for as long as the instance lives; it is freed the moment its holder's
 * connection ends (the process stopped, was killed or lost the database), and the next instance to ask
 * takes it over. No clock, no expiry to tune: PostgreSQL knows which sessions are alive.
 * <p>
 * A caller may rely on this: while {@link #take} answers true, no other instance of the cluster gets
 * true for the same name. If the lease connection is lost, this instance holds nothing until it asks
 * again (and then only if no other instance took the lease meanwhile).
 */
@Component
public class ClusterLease implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClusterLease.class);
    private static final long GHOST_CHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private final DataSource dataSource;
    private final InstanceRoles roles;
    private final Set<String> held = new HashSet<>();
    /** Leases this instance holds for as long as it runs: taken again as soon as a lost lease connection is back. */
    private final Set<String> kept = new HashSet<>();
    /** When each lease's holder was last checked for being a ghost (see {@link #endGhost}). */
    private final java.util.Map<String, Long> ghostChecked = new java.util.HashMap<>();
    private Connection connection;
    private String lastFailure;

    public ClusterLease(DataSource dataSource, InstanceRoles roles) {
        this.dataSource = dataSource;
        this.roles = roles;
    }

    /** Takes the lease if no instance holds it; true if this instance holds it now (it may have for a while). */
    public synchronized boolean take(String name) {
        try {
            Connection session = session();
            lastFailure = null;
            if (held.contains(name)) {
                return true; // the session checked alive just now keeps its locks
            }
            try (var statement = session.prepareStatement("select pg_try_advisory_lock(?)")) {
                statement.setLong(1, key(name));
                try (var result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        held.add(name);
                        log.info("{} now holds the lease {}", roles.instance(), name);
                        return true;
                    }
                }
            }
            return endGhost(name) && take(name);
        } catch (SQLException e) {
            lost(e);
            return false;
        }
    }

    /**
     * Takes the lease for as long as this instance runs (its name, the sighting writer): should the lease
     * connection be lost (the database restarted), the lease is taken again with the new connection, at the
     * next {@link #take} of any lease. True if this instance holds it now.
     */
    public synchronized boolean keep(String name) {
        if (!take(name)) {
            return false;
        }
        kept.add(name);
        return true;
    }

    /** Whether this instance holds the lease now, as far as it knows (asks nothing of the database). */
    public synchronized boolean holds(String name) {
        return held.contains(name);
    }

    /** Gives a lease back at once (another instance may take it at its next try). */
    public synchronized void release(String name) {
        kept.remove(name);
        if (!held.remove(name) || connection == null) {
            return;
        }
        try (var statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, key(name));
            statement.execute();
        } catch (SQLException e) {
            lost(e);
        }
    }

    /** The instance holding a lease, as it named itself; empty when none does. */
    public Optional<String> holder(String name) {
        long key = key(name);
        try (var pooled = dataSource.getConnection(); var statement = pooled.prepareStatement("""
                select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where l.locktype = 'advisory' and l.granted and l.objsubid = 1
                  and l.database = (select oid from pg_database where datname = current_database())
                  and l.classid::bigint = ? and l.objid::bigint = ?""")) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFF_FFFFL);
            try (var result = statement.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1).replaceFirst("^safecity ", "")) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * Ends the holder's database session when the holder is a ghost: an instance that no longer beats
     * (its heartbeat is older than {@code alive-for}, or it never wrote one) while its session stays open,
     * as when its machine lost power and PostgreSQL has not noticed yet (TCP may take hours to tell). Ending
     * the session frees all that instance's leases. Checked once every few seconds per lease at most.
     */
    private boolean endGhost(String name) {
        long now = System.nanoTime();
        Long last = ghostChecked.get(name);
        if (last != null && now - last < GHOST_CHECK_NANOS) {
            return false;
        }
        ghostChecked.put(name, now);
        long key = key(name);
        try (var pooled = dataSource.getConnection(); var statement = pooled.prepareStatement("""
                select a.pid, a.application_name, pg_terminate_backend(a.pid) from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where l.locktype = 'advisory' and l.granted and l.objsubid = 1
                  and l.database = (select oid from pg_database where datname = current_database())
                  and l.classid::bigint = ? and l.objid::bigint = ?
                  and not exists (select 1 from cluster.instance i where i.cluster = ? and a.application_name = left('safecity ' || i.name, 63)
                      and i.beat_at > now() - make_interval(secs => ?))""")) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFF_FFFFL);
            statement.setString(3, roles.cluster());
            statement.setDouble(4, roles.aliveFor().toMillis() / 1000.0);
            try (var result = statement.executeQuery()) {
                if (!result.next() || !result.getBoolean(3)) {
                    return false;
                }
                log.warn("{}: the lease {} was held by {} (session {}), which has not beaten for {}; its session is ended and "
                    + "its leases taken over", roles.instance(), name, result.getString(2), result.getInt(1), roles.aliveFor());
            }
        } catch (SQLException e) {
            return false;
        }
        // the ended session's locks go as its backend exits: a moment
        for (int i = 0; i < 40; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (holder(name).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The lock's key: 64 bits of a hash of the cluster and the lease's name. */
    long key(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest((roles.cluster() + "\n" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lease connection, checked alive; opened again (holding nothing) when it was lost. */
    private Connection session() throws SQLException {
        if (connection != null) {
            try (var statement = connection.createStatement()) {
                statement.execute("select 1");
                return connection;
            } catch (SQLException e) {
                lost(e);
            }
        }
        connection = connect();
        for (String name : kept) {
            try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                statement.setLong(1, key(name));
                try (var result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        held.add(name);
                        log.info("{} holds the lease {} again", roles.instance(), name);
                    } else {
                        log.error("{} lost the lease {} while its connection was down: {} holds it now", roles.instance(), name,
                            holder(name).orElse("another instance"));
                    }
                }
            }
        }
        return connection;
    }

    /** Why the last try to reach the database for a lease failed, if it did: the database, not another instance, refused it. */
    public synchronized Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    private void lost(SQLException e) {
        lastFailure = e.getMessage();
        if (!held.isEmpty()) {
            log.warn("{} lost its lease connection ({}); it no longer holds {}", roles.instance(), e.getMessage(), held);
        }
        held.clear();
        close();
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // gone already, or going
            }
            connection = null;
        }
    }

    /** A connection of its own, never the pool's: the pool would recycle it, and the locks with it. */
    private Connection connect() throws SQLException {
        Connection opened;
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            var pool = dataSource.unwrap(HikariDataSource.class);
            var properties = new Properties();
            if (pool.getUsername() != null) {
                properties.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                properties.setProperty("password", pool.getPassword());
            }
            properties.setProperty("ApplicationName", "safecity " + roles.instance());
            properties.setProperty("tcpKeepAlive", "true");
            opened = DriverManager.getConnection(pool.getJdbcUrl(), properties);
        } else {
            opened = dataSource.getConnection();
            try (var statement = opened.prepareStatement("select set_config('application_name', ?, false)")) {
                statement.setString(1, "safecity " + roles.instance());
                statement.execute();
            }
        }
        opened.setAutoCommit(true);
        return opened;
    }

    /** Closing the connection frees every lease at once. */
    @Override
    public synchronized void destroy() {
        held.clear();
        kept.clear();
        close();
    }
}
