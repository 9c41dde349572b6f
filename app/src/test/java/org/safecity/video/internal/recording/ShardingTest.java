package org.safecity.video.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardingTest {

    private static final List<String> FOUR = List.of("rec-a", "rec-b", "rec-c", "rec-d");
    private static final List<String> FIVE = List.of("rec-a", "rec-b", "rec-c", "rec-d", "rec-e");

    @Test
    void cameras_spread_evenly_over_the_nodes_and_each_has_exactly_one() {
        int[] counts = new int[4];
        for (long camera = 1; camera <= 20_000; camera++) {
            int owners = 0;
            for (int node = 0; node < 4; node++) {
                if (Sharding.owner(camera, FOUR, FOUR.get(node))) {
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
            String before = Sharding.node(camera, FOUR);
            String after = Sharding.node(camera, FIVE);
            if (!before.equals(after)) {
                assertThat(after).as("a camera only ever moves to the new node").isEqualTo("rec-e");
                moved++;
            }
        }
        assertThat(moved).isBetween(3_700, 4_300);
    }

    @Test
    void a_node_that_dies_hands_only_its_own_cameras_to_the_others_and_gets_them_back_when_it_returns() {
        var withoutB = List.of("rec-a", "rec-c", "rec-d");
        for (long camera = 1; camera <= 20_000; camera++) {
            String before = Sharding.node(camera, FOUR);
            String during = Sharding.node(camera, withoutB);
            if (!before.equals("rec-b")) {
                assertThat(during).isEqualTo(before);
            } else {
                assertThat(during).isNotEqualTo("rec-b");
            }
            assertThat(Sharding.node(camera, List.of("rec-d", "rec-c", "rec-b", "rec-a"))).as("order of the list does not matter")
                .isEqualTo(before);
        }
    }
}
