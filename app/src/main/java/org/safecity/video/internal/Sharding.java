package org.safecity.video.internal;

/**
 * Which recording node records a camera: rendezvous (highest random weight) hashing of the camera id
 * over the node numbers. Every node decides alone, from its own number and the node count; adding a
 * node moves only about 1/n of the cameras, all onto the new node.
 */
final class Sharding {

    private Sharding() {
    }

    static boolean owner(long cameraId, int nodeCount, int nodeIndex) {
        return node(cameraId, nodeCount) == nodeIndex;
    }

    static int node(long cameraId, int nodeCount) {
        int best = 0;
        long bestWeight = Long.MIN_VALUE;
        for (int node = 0; node < nodeCount; node++) {
            long weight = mix(cameraId * 0x9E3779B97F4A7C15L + node);
            if (weight > bestWeight) {
                bestWeight = weight;
                best = node;
            }
        }
        return best;
    }

    /** SplitMix64's finaliser: spreads close inputs over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
