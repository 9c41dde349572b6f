package org.safecity.video.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safecity.cluster.ClusterLease;
import org.safecity.cluster.ClusterSettings;
import org.safecity.cluster.InstanceRoles;
import org.safecity.cluster.LiveInstances;
import org.safecity.video.internal.VideoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recording nodes share the cameras among those alive: a peer joining takes its share, a peer killed
 * outright has its cameras recorded here again well within 30 s, and gets them back when it returns.
 * The peer is a second instance of this cluster as far as the database can tell (its heartbeat and the
 * lease of its name, on a connection of its own); the recorders watched are this application's.
 */
class RecordingFailoverTest extends VideoTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Autowired
    RecordingStreams streams;
    @Autowired
    InstanceRoles self;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_dead_recording_node_s_cameras_are_recorded_by_the_others_and_go_back_when_it_returns() throws Exception {
        var cameras = new ArrayList<Long>();
        for (int i = 0; i < 8; i++) {
            // nothing answers there: each camera still gets a recorder, which keeps trying
            cameras.add(camera(admin(), "KRK", 33.12 + i * 0.001, 71.09, "rtsp://127.0.0.1:9/failover-" + unique("cam").hashCode(), null));
        }
        String peer = peerTaking(cameras);
        var peerCameras = cameras.stream().filter(id -> Sharding.node(id, List.of(self.instance(), peer)).equals(peer)).toList();
        var ownCameras = cameras.stream().filter(id -> !peerCameras.contains(id)).toList();
        await("every camera recorded here while this node records alone", () -> cameras.stream().allMatch(this::recordedHere));

        var joined = startPeer(peer);
        try {
            await("the peer's cameras handed over to it", () -> peerCameras.stream().noneMatch(this::recordedHere));
            assertThat(ownCameras).allMatch(this::recordedHere);

            // killed outright: its database session ends with the process
            jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?").param("safecity " + peer)
                .query(Boolean.class).list();
            await("the dead peer's cameras recorded here", () -> cameras.stream().allMatch(this::recordedHere));
        } finally {
            joined.stop();
        }

        var back = startPeer(peer);
        try {
            await("its cameras back to the peer when it returns", () -> peerCameras.stream().noneMatch(this::recordedHere));
            assertThat(ownCameras).allMatch(this::recordedHere);
        } finally {
            back.stop();
        }
        await("all here again once the peer stopped", () -> cameras.stream().allMatch(this::recordedHere));
    }

    private boolean recordedHere(long camera) {
        return streams.recorder(camera).isPresent();
    }

    /** A peer name that takes at least two of the cameras from this node. */
    private String peerTaking(List<Long> cameras) {
        for (int i = 0; ; i++) {
            String name = "recorder-peer-" + i;
            if (cameras.stream().filter(id -> Sharding.node(id, List.of(self.instance(), name)).equals(name)).count() >= 2) {
                return name;
            }
        }
    }

    private LiveInstances startPeer(String name) {
        var settings = new ClusterSettings("recording", name, self.cluster(), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMinutes(2));
        var roles = new InstanceRoles(settings);
        var peer = new LiveInstances(jdbc, new ClusterLease(dataSource, roles), roles, settings);
        peer.start();
        return peer;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WITHIN + ": " + what);
            }
            Thread.sleep(100);
        }
    }
}
