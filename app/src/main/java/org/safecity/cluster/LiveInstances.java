package org.safecity.cluster;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The instances of the cluster alive now, and what roles they play. Each instance holds the lease of its
 * own name (so two instances cannot run under one name) and writes a heartbeat to {@code cluster.instance}
 * every {@code beat-interval}. An instance is alive while its name's lease is held and its heartbeat is
 * younger than {@code alive-for}: a killed instance drops out as soon as PostgreSQL sees its connection
 * close, a hung one when its heartbeat is too old, a stopped one at once (it removes its row).
 */
@Component
public class LiveInstances implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveInstances.class);

    private final JdbcClient jdbc;
    private final ClusterLease lease;
    private final InstanceRoles roles;
    private final ClusterSettings settings;
    private volatile boolean running;
    private Thread beating;

    public LiveInstances(JdbcClient jdbc, ClusterLease lease, InstanceRoles roles, ClusterSettings settings) {
        this.jdbc = jdbc;
        this.lease = lease;
        this.roles = roles;
        this.settings = settings;
    }

    /** The names of the live instances playing this role, sorted; this instance among them if it plays the role. */
    public List<String> alive(Role role) {
        return jdbc.sql("""
                select i.name from cluster.instance i
                where i.cluster = ? and ? = any(i.roles) and i.beat_at > now() - make_interval(secs => ?)
                  and exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted and l.objsubid = 1
                      and l.database = (select oid from pg_database where datname = current_database())
                      and l.classid::bigint = (i.lock_key >> 32) & 4294967295 and l.objid::bigint = i.lock_key & 4294967295)
                order by i.name""")
            .params(roles.cluster(), role.word(), settings.aliveFor().toMillis() / 1000.0)
            .query(String.class).list();
    }

    @Override
    public void start() {
        String name = "instance " + roles.instance();
        // After a crash that left its session open (a machine that lost power), the old run of this instance holds
        // its name until its heartbeat is old enough for the lease to be taken by force: wait that long at most.
        long deadline = System.nanoTime() + settings.aliveFor().plus(settings.beatInterval()).toNanos();
        boolean taken;
        while (!(taken = lease.keep(name)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!taken) {
            var failure = lease.lastFailure();
            if (failure.isPresent()) { // told apart: a full or unreachable database is not a second instance of the name
                throw new IllegalStateException("SafeCity could not take the lease of instance '" + roles.instance()
                    + "': the database refused (" + failure.get() + ")");
            }
            throw new IllegalStateException("Another SafeCity instance named '" + roles.instance() + "' is running on this "
                + "database. Instances sharing a database need names of their own: set SAFECITY_INSTANCE on each.");
        }
        beat(true);
        running = true;
        beating = Thread.ofPlatform().daemon().name("cluster-heartbeat").start(() -> {
            while (running) {
                try {
                    Thread.sleep(settings.beatInterval());
                    lease.take("instance " + roles.instance()); // after a lost connection, takes the kept leases again
                    beat(false);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("Could not write this instance's heartbeat: {}", e.getMessage());
                }
            }
        });
    }

    private void beat(boolean starting) {
        // the database's clock, not this host's: instances on hosts whose clocks differ judge each other alike
        jdbc.sql("""
                insert into cluster.instance (cluster, name, roles, lock_key, started_at, beat_at) values (?, ?, ?::text[], ?, now(), now())
                on conflict (cluster, name) do update set roles = excluded.roles, lock_key = excluded.lock_key,
                    beat_at = excluded.beat_at, started_at = case when ? then excluded.started_at else cluster.instance.started_at end""")
            .params(roles.cluster(), roles.instance(), "{" + roles.words() + "}", lease.key("instance " + roles.instance()), starting)
            .update();
    }

    @Override
    public void stop() {
        running = false;
        if (beating != null) {
            beating.interrupt();
        }
        try {
            // gone at once rather than after alive-for: the other recording nodes take its cameras now
            jdbc.sql("delete from cluster.instance where cluster = ? and name = ?").params(roles.cluster(), roles.instance()).update();
        } catch (RuntimeException e) {
            log.warn("Could not remove this instance from the live ones: {}", e.getMessage());
        }
        lease.release("instance " + roles.instance());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** First to start, last to stop: everything else may ask who is alive. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 32768;
    }
}
