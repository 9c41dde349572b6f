package org.safecity.video.internal.recording;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Which recording node records a camera: rendezvous (highest random weight) hashing of the camera id
 * over the names of the recording nodes alive. Every node decides alone from the same list of names;
 * a node joining takes about 1/n of the cameras and moves no other camera, a node leaving hands only its
 * own cameras to the others, and a node that comes back under its name gets the same cameras back.
 */
final class Sharding {

    private Sharding() {
    }

    static boolean owner(long cameraId, Collection<String> nodes, String node) {
        return node.equals(node(cameraId, nodes));
    }

    /** The node that records the camera; null when there is no node. */
    static String node(long cameraId, Collection<String> nodes) {
        String best = null;
        long bestWeight = Long.MIN_VALUE;
        for (String node : nodes) {
            long weight = mix(cameraId * 0x9E3779B97F4A7C15L + name(node));
            if (best == null || weight > bestWeight || weight == bestWeight && node.compareTo(best) < 0) {
                bestWeight = weight;
                best = node;
            }
        }
        return best;
    }

    /** FNV-1a over the name's bytes, then mixed: the same on every node and every run. */
    private static long name(String node) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : node.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(hash);
    }

    /** SplitMix64's finaliser: spreads close inputs over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
