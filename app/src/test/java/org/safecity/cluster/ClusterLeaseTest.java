package org.safecity.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Instances of one cluster on one real PostgreSQL, each with its own lease connection and heartbeat. */
class ClusterLeaseTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InstanceRoles self;
    @Autowired
    LiveInstances live;

    /** Another instance of this application's cluster, as the database sees one: its lease connection and its heartbeat. */
    private record Member(InstanceRoles roles, ClusterLease lease, LiveInstances live) implements AutoCloseable {
        @Override
        public void close() {
            live.stop();
            lease.destroy();
        }
    }

    private ClusterSettings settings(String name, String roles) {
        return new ClusterSettings(roles, name, self.cluster(), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMinutes(2));
    }

    private Member join(String name, String roles) {
        var settings = settings(name, roles);
        var instanceRoles = new InstanceRoles(settings);
        var lease = new ClusterLease(dataSource, instanceRoles);
        var member = new Member(instanceRoles, lease, new LiveInstances(jdbc, lease, instanceRoles, settings));
        member.live().start();
        return member;
    }

    /** As when the instance's process is killed: its database session ends, and its locks with it. */
    private void kill(String name) {
        jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?").param("safecity " + name)
            .query(Boolean.class).list();
    }

    private static boolean within(Duration time, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + time.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Test
    void a_lease_held_by_one_instance_is_refused_to_another_which_learns_who_holds_it() {
        try (var one = join("lease-one", "all"); var other = join("lease-other", "all")) {
            assertThat(one.lease().take("test job a")).isTrue();
            assertThat(one.lease().take("test job a")).as("kept, asked again").isTrue();
            assertThat(other.lease().take("test job a")).isFalse();
            assertThat(other.lease().holder("test job a")).contains("lease-one");
            assertThat(other.lease().take("test job b")).as("another lease is free").isTrue();
        }
    }

    @Test
    void a_lease_is_taken_over_as_soon_as_its_holder_dies() throws Exception {
        try (var one = join("dying-one", "all"); var other = join("taking-over", "all")) {
            assertThat(one.lease().take("test job c")).isTrue();
            assertThat(other.lease().take("test job c")).isFalse();

            kill("dying-one");

            assertThat(within(Duration.ofSeconds(5), () -> other.lease().take("test job c"))).isTrue();
            assertThat(one.lease().take("test job c")).as("the dead holder, were it to come back, finds it taken").isFalse();
        }
    }

    @Test
    void a_lease_held_by_a_session_whose_instance_no_longer_beats_is_taken_by_ending_that_session() {
        // as after a power cut: the session looks open to PostgreSQL, but nothing beats behind it
        var ghost = new ClusterLease(dataSource, new InstanceRoles(settings("ghost", "all")));
        try (var other = join("after-ghost", "all")) {
            assertThat(ghost.take("test job g")).isTrue();

            assertThat(other.lease().take("test job g")).isTrue();
            assertThat(ghost.take("test job g")).as("the ghost's session was ended").isFalse();
        } finally {
            ghost.destroy();
        }
    }

    @Test
    void a_lease_given_back_is_free_at_once() {
        try (var one = join("giving-back", "all"); var other = join("taking", "all")) {
            assertThat(one.lease().take("test job d")).isTrue();
            one.lease().release("test job d");
            assertThat(other.lease().take("test job d")).isTrue();
        }
    }

    @Test
    void leases_of_another_cluster_on_the_same_database_are_its_own() {
        var elsewhere = new ClusterLease(dataSource,
            new InstanceRoles(new ClusterSettings("all", "there", self.cluster() + "-other", Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMinutes(2))));
        try (var here = join("here", "all")) {
            assertThat(here.lease().take("test job e")).isTrue();
            assertThat(elsewhere.take("test job e")).isTrue();
        } finally {
            elsewhere.destroy();
        }
    }

    @Test
    void a_scheduled_job_runs_on_one_instance_of_the_cluster_and_never_where_the_scheduled_role_is_not_played() {
        try (var one = join("jobs-one", "all"); var other = join("jobs-other", "all"); var webOnly = join("jobs-web", "web")) {
            var onOne = new OncePerCluster(one.roles(), one.lease());
            var onOther = new OncePerCluster(other.roles(), other.lease());
            var onWebOnly = new OncePerCluster(webOnly.roles(), webOnly.lease());

            assertThat(onWebOnly.mine("test escalations")).isFalse();
            assertThat(onOne.mine("test escalations")).isTrue();
            assertThat(onOther.mine("test escalations")).isFalse();
            assertThat(onOne.mine("test escalations")).isTrue();
        }
    }

    @Test
    void the_live_instances_are_those_beating_and_holding_their_name_and_a_killed_one_drops_out_at_once() throws Exception {
        try (var recorder = join("recorder-b", "recording,web")) {
            assertThat(live.alive(Role.RECORDING)).contains("recorder-b", self.instance());
            assertThat(live.alive(Role.INTAKE)).contains(self.instance()).doesNotContain("recorder-b");

            kill("recorder-b");

            assertThat(within(Duration.ofSeconds(5), () -> !live.alive(Role.RECORDING).contains("recorder-b"))).isTrue();
            assertThat(live.alive(Role.RECORDING)).contains(self.instance());
        }
    }

    @Test
    void a_second_instance_under_a_name_already_running_is_refused() {
        var twinRoles = new InstanceRoles(settings(self.instance(), "all"));
        var twinLease = new ClusterLease(dataSource, twinRoles);
        var twin = new LiveInstances(jdbc, twinLease, twinRoles, settings(self.instance(), "all"));
        try {
            assertThatThrownBy(twin::start)
                .hasMessageContaining("Another SafeCity instance named '" + self.instance() + "'")
                .hasMessageContaining("SAFECITY_INSTANCE");
        } finally {
            twinLease.destroy();
        }
    }

    @Test
    void an_instance_whose_database_refuses_it_says_so_rather_than_that_its_name_is_taken() {
        var unreachable = new org.postgresql.ds.PGSimpleDataSource();
        unreachable.setServerNames(new String[] {"127.0.0.1"});
        unreachable.setPortNumbers(new int[] {1}); // nothing listens there
        var settings = new ClusterSettings("all", "refused", self.cluster(), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMinutes(2));
        var roles = new InstanceRoles(settings);
        var lease = new ClusterLease(unreachable, roles);
        try {
            assertThatThrownBy(() -> new LiveInstances(jdbc, lease, roles, settings).start())
                .hasMessageContaining("could not take the lease of instance 'refused'")
                .hasMessageContaining("the database refused")
                .hasMessageNotContaining("Another SafeCity instance");
        } finally {
            lease.destroy();
        }
    }

    @Test
    void roles_are_read_from_their_words_and_an_unknown_one_is_refused_by_name() {
        assertThat(Role.parse(null)).containsExactlyInAnyOrder(Role.values());
        assertThat(Role.parse("all")).containsExactlyInAnyOrder(Role.values());
        assertThat(Role.parse(" api , recording")).containsExactlyInAnyOrder(Role.WEB, Role.RECORDING);
        assertThatThrownBy(() -> Role.parse("web,recorder"))
            .hasMessageContaining("unknown role 'recorder'").hasMessageContaining("recording");
        assertThatThrownBy(() -> new InstanceRoles(settings("half", "web,intake")))
            .hasMessageContaining("intake and processing roles go together");
    }
}
