package org.safecity.detections.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.TreeMap;

/**
 * Keeps each partition of the detection stream written by one consumer-group generation at a time: a
 * writer whose partition was taken over by a later generation must not store that partition's rows, or
 * an item could be stored by both the old owner and the new (see {@code detections.stream_partition}).
 */
final class PartitionFences {

    private PartitionFences() {
    }

    /** The partition was taken over by a writer of a later generation; this one must let go of it. */
    static final class FencedOff extends RuntimeException {
        FencedOff(SightingWriter.Fence fence) {
            super("partition " + fence.partition() + " is written by a later generation than " + fence.generation() + " now");
        }
    }

    /**
     * Refuses the group if a writer of a later consumer-group generation has stored any of its partitions;
     * otherwise records this generation, whose row lock then keeps other writers of these partitions
     * waiting until this commit (rows locked in partition order, so two writers cannot deadlock).
     *
     * @param fences the group's fences (a partition may come more than once; its lowest generation is the one checked)
     */
    static void hold(Connection connection, Collection<SightingWriter.Fence> fences) throws SQLException {
        var byPartition = new TreeMap<Integer, SightingWriter.Fence>();
        for (var fence : fences) {
            byPartition.merge(fence.partition(), fence, (a, b) -> a.generation() <= b.generation() ? a : b);
        }
        for (var fence : byPartition.values()) {
            try (var mark = connection.prepareStatement("insert into detections.stream_partition (partition, generation, updated_at) "
                + "values (?, ?, now()) on conflict (partition) do update set generation = excluded.generation, updated_at = now() "
                + "where not (stream_partition.generation > excluded.generation "
                + "and stream_partition.updated_at > now() - interval '10 minutes') returning generation")) {
                mark.setInt(1, fence.partition());
                mark.setInt(2, fence.generation());
                try (var result = mark.executeQuery()) {
                    if (!result.next()) { // the row is locked all the same; nothing was changed
                        throw new FencedOff(fence);
                    }
                }
            }
        }
    }
}
