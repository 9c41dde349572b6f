package org.safecity.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShardingTest {

    @Test
    void cameras_spread_evenly_over_the_nodes_and_each_has_exactly_one() {
        int[] counts = new int[4];
        for (long camera = 1; camera <= 20_000; camera++) {
            int owners = 0;
            for (int node = 0; node < 4; node++) {
                if (Sharding.owner(camera, 4, node)) {
                    owners++;
                    counts[node]++;
                }
            }
            assertThat(owners).isEqualTo(1);
        }
        for (int count : counts) {
            assertThat(count).isBetween(4_700, 5_300);
        }
    }

    @Test
    void adding_a_node_moves_only_the_cameras_the_new_node_takes() {
        int moved = 0;
        for (long camera = 1; camera <= 20_000; camera++) {
            int before = Sharding.node(camera, 4);
            int after = Sharding.node(camera, 5);
            if (before != after) {
                assertThat(after).as("a camera only ever moves to the new node").isEqualTo(4);
                moved++;
            }
        }
        assertThat(moved).isBetween(3_700, 4_300);
    }
}
