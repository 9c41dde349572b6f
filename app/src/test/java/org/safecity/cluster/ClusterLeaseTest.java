package org.safecity.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Instances of one cluster on one real PostgreSQL, each with its own lease connection. */
class ClusterLeaseTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InstanceRoles self;
    @Autowired
    LiveInstances live;

    private InstanceRoles instance(String name, String roles) {
        return new InstanceRoles(new ClusterSettings(roles, name, self.cluster(), Duration.ofSeconds(5), Duration.ofSeconds(15)));
    }

    private ClusterLease leaseOf(InstanceRoles roles) {
        return new ClusterLease(dataSource, roles);
    }

    @Test
    void a_lease_held_by_one_instance_is_refused_to_another_which_learns_who_holds_it() {
        var one = leaseOf(instance("lease-one", "all"));
        var other = leaseOf(instance("lease-other", "all"));
        try {
            assertThat(one.take("test job a")).isTrue();
            assertThat(one.take("test job a")).as("kept, asked again").isTrue();
            assertThat(other.take("test job a")).isFalse();
            assertThat(other.holder("test job a")).contains("lease-one");
            assertThat(other.take("test job b")).as("another lease is free").isTrue();
        } finally {
            one.destroy();
            other.destroy();
        }
    }

    @Test
    void a_lease_is_taken_over_as_soon_as_its_holder_dies() throws Exception {
        var one = leaseOf(instance("dying-one", "all"));
        var other = leaseOf(instance("taking-over", "all"));
        try {
            assertThat(one.take("test job c")).isTrue();
            assertThat(other.take("test job c")).isFalse();

            // as when the holder's process is killed: its database session ends, and its locks with it
            jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'safecity dying-one'")
                .query(Boolean.class).list();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            boolean taken;
            while (!(taken = other.take("test job c")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(taken).isTrue();
            assertThat(one.take("test job c")).as("the dead holder, were it to come back, finds it taken").isFalse();
        } finally {
            one.destroy();
            other.destroy();
        }
    }

    @Test
    void a_lease_given_back_is_free_at_once() {
        var one = leaseOf(instance("giving-back", "all"));
        var other = leaseOf(instance("taking", "all"));
        try {
            assertThat(one.take("test job d")).isTrue();
            one.release("test job d");
            assertThat(other.take("test job d")).isTrue();
        } finally {
            one.destroy();
            other.destroy();
        }
    }

    @Test
    void leases_of_another_cluster_on_the_same_database_are_its_own() {
        var here = leaseOf(instance("here", "all"));
        var elsewhere = new ClusterLease(dataSource,
            new InstanceRoles(new ClusterSettings("all", "there", self.cluster() + "-other", Duration.ofSeconds(5), Duration.ofSeconds(15))));
        try {
            assertThat(here.take("test job e")).isTrue();
            assertThat(elsewhere.take("test job e")).isTrue();
        } finally {
            here.destroy();
            elsewhere.destroy();
        }
    }

    @Test
    void a_scheduled_job_runs_on_one_instance_of_the_cluster_and_never_where_the_scheduled_role_is_not_played() {
        var oneLease = leaseOf(instance("jobs-one", "all"));
        var otherLease = leaseOf(instance("jobs-other", "all"));
        var webOnlyRoles = instance("jobs-web", "web");
        var webOnlyLease = leaseOf(webOnlyRoles);
        try {
            var one = new OncePerCluster(instance("jobs-one", "all"), oneLease);
            var other = new OncePerCluster(instance("jobs-other", "all"), otherLease);
            var webOnly = new OncePerCluster(webOnlyRoles, webOnlyLease);

            assertThat(webOnly.mine("test escalations")).isFalse();
            assertThat(one.mine("test escalations")).isTrue();
            assertThat(other.mine("test escalations")).isFalse();
            assertThat(one.mine("test escalations")).isTrue();
        } finally {
            oneLease.destroy();
            otherLease.destroy();
            webOnlyLease.destroy();
        }
    }

    @Test
    void the_live_instances_are_those_beating_and_holding_their_name_and_a_killed_one_drops_out_at_once() throws Exception {
        var recorderRoles = instance("recorder-b", "recording,web");
        var recorderLease = leaseOf(recorderRoles);
        var recorder = new LiveInstances(jdbc, recorderLease, recorderRoles,
            new ClusterSettings("recording,web", "recorder-b", self.cluster(), Duration.ofSeconds(5), Duration.ofSeconds(15)),
            Clock.systemUTC());
        try {
            recorder.start();
            assertThat(live.alive(Role.RECORDING)).contains("recorder-b", self.instance());
            assertThat(live.alive(Role.INTAKE)).contains(self.instance()).doesNotContain("recorder-b");

            jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'safecity recorder-b'")
                .query(Boolean.class).list();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (live.alive(Role.RECORDING).contains("recorder-b") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(live.alive(Role.RECORDING)).doesNotContain("recorder-b").contains(self.instance());
        } finally {
            recorder.stop();
            recorderLease.destroy();
        }
    }

    @Test
    void a_second_instance_under_a_name_already_running_is_refused() {
        var twinRoles = instance(self.instance(), "all");
        var twinLease = leaseOf(twinRoles);
        var twin = new LiveInstances(jdbc, twinLease, twinRoles,
            new ClusterSettings("all", self.instance(), self.cluster(), Duration.ofSeconds(5), Duration.ofSeconds(15)), Clock.systemUTC());
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(twin::start)
                .hasMessageContaining("Another SafeCity instance named '" + self.instance() + "'")
                .hasMessageContaining("SAFECITY_INSTANCE");
        } finally {
            twinLease.destroy();
        }
    }

    @Test
    void roles_are_read_from_their_words_and_an_unknown_one_is_refused_by_name() {
        assertThat(Role.parse(null)).containsExactlyInAnyOrder(Role.values());
        assertThat(Role.parse("all")).containsExactlyInAnyOrder(Role.values());
        assertThat(Role.parse(" api , recording")).containsExactlyInAnyOrder(Role.WEB, Role.RECORDING);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Role.parse("web,recorder"))
            .hasMessageContaining("unknown role 'recorder'").hasMessageContaining("recording");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> instance("half", "web,intake"))
            .hasMessageContaining("intake and processing roles go together");
    }
}
