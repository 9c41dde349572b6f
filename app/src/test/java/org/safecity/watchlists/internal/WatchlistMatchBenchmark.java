package org.safecity.watchlists.internal;

import org.safecity.watchlists.WatchlistHit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plate matching against a million listed plates, the watchlists' hot path: every stored plate read
 * is looked up. Reports nanoseconds per lookup (a listed plate and an unlisted one, as at a camera)
 * as medians of several rounds, beside a plain {@code HashMap} lookup of the same plates in the same
 * process as the baseline, so the ratio survives a noisy machine.
 *
 * <pre>mvn -q -B -pl app test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.safecity.watchlists.internal.WatchlistMatchBenchmark -Dexec.args="1000000 7"</pre>
 * With {@code -Dexec.args="faces 100000 7"} it times face matching instead (see {@link #faces}).
 */
public final class WatchlistMatchBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String LETTERS = "ABCDEFGHJKMNPRTUVWXY";
    private static final int LOOKUPS = 200_000;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("faces")) {
            faces(args.length > 1 ? Integer.parseInt(args[1]) : 100_000, args.length > 2 ? Integer.parseInt(args[2]) : 7);
            return;
        }
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        var random = new Random(7);
        var index = new WatchlistIndex();
        var exact = new Watchlist(1, "stolen", WatchlistHit.ListType.STOLEN_VEHICLE, Watchlist.Kind.VEHICLE, "admin", null,
            WatchlistHit.Priority.HIGH, false, 0.8, null, NOW);
        var fuzzy = new Watchlist(2, "wanted", WatchlistHit.ListType.WANTED_VEHICLE, Watchlist.Kind.VEHICLE, "admin", null,
            WatchlistHit.Priority.HIGH, true, 0.8, null, NOW);
        index.putList(exact);
        index.putList(fuzzy);
        String[] plates = new String[entries];
        Map<String, Long> baseline = new HashMap<>();
        for (int i = 0; i < entries; i++) {
            plates[i] = plate(random, i);
            // One entry in ten is on the fuzzy list, as a wanted-vehicles list beside a larger stolen one.
            index.add(new Entry(i + 10L, i % 10 == 0 ? fuzzy.id() : exact.id(), plates[i], plates[i], null, null, null, null,
                "stolen", null, "admin", NOW));
            baseline.put(plates[i], i + 10L);
        }
        String[] unlisted = new String[LOOKUPS];
        for (int i = 0; i < LOOKUPS; i++) {
            unlisted[i] = "QQ" + (10000 + i);
        }

        List<Double> indexNs = new ArrayList<>();
        List<Double> mapNs = new ArrayList<>();
        long sink = 0;
        for (int round = 0; round < rounds + 1; round++) {
            var pick = new Random(round);
            long started = System.nanoTime();
            for (int i = 0; i < LOOKUPS; i++) {
                sink += index.matchPlate(plates[pick.nextInt(entries)], NOW).size();
                sink += index.matchPlate(unlisted[i], NOW).size();
            }
            double perIndex = (System.nanoTime() - started) / (2.0 * LOOKUPS);
            pick = new Random(round);
            started = System.nanoTime();
            for (int i = 0; i < LOOKUPS; i++) {
                sink += baseline.containsKey(plates[pick.nextInt(entries)]) ? 1 : 0;
                sink += baseline.containsKey(unlisted[i]) ? 1 : 0;
            }
            double perMap = (System.nanoTime() - started) / (2.0 * LOOKUPS);
            if (round > 0) { // the first round warms the JIT up
                indexNs.add(perIndex);
                mapNs.add(perMap);
            }
        }
        double index50 = median(indexNs);
        double map50 = median(mapNs);
        System.out.printf("entries=%d rounds=%d lookups/round=%d (half listed, half not)%n", entries, rounds, 2 * LOOKUPS);
        System.out.printf("watchlist index: median %.0f ns per lookup (%.0f lookups/s on one thread)%n", index50, 1e9 / index50);
        System.out.printf("HashMap baseline: median %.0f ns per lookup; ratio %.1f%n", map50, index50 / map50);
        System.out.printf("(checksum %d)%n", sink);
    }

    /**
     * Face matching, a scan of every listed face of the probe's model: milliseconds per probe against
     * {@code entries} 512-number embeddings, beside the plainest scan of the same vectors (a float[][]
     * and a one-sum dot product) in the same process as the baseline.
     */
    static void faces(int entries, int rounds) {
        final int dimensions = 512;
        final int probes = 20;
        var random = new Random(7);
        var index = new WatchlistIndex();
        var wanted = new Watchlist(3, "wanted persons", WatchlistHit.ListType.WANTED_PERSON, Watchlist.Kind.PERSON, "admin", null,
            WatchlistHit.Priority.HIGH, false, 0.8, null, NOW);
        index.putList(wanted);
        float[][] plain = new float[entries][];
        for (int i = 0; i < entries; i++) {
            float[] face = new float[dimensions];
            for (int d = 0; d < dimensions; d++) {
                face[d] = (float) random.nextGaussian();
            }
            index.add(new Entry(i + 10L, wanted.id(), null, null, null, "person " + i, face, "arcface-r100", "wanted", null, "admin",
                NOW));
            plain[i] = WatchlistIndex.unit(face);
        }
        // half the probes are a listed face slightly changed (found), half a stranger (not)
        float[][] probe = new float[probes][];
        for (int p = 0; p < probes; p++) {
            probe[p] = new float[dimensions];
            float[] listed = plain[random.nextInt(entries)];
            for (int d = 0; d < dimensions; d++) {
                probe[p][d] = p % 2 == 0 ? listed[d] + (float) (random.nextGaussian() * 0.01) : (float) random.nextGaussian();
            }
        }
        List<Double> indexMs = new ArrayList<>();
        List<Double> groupMs = new ArrayList<>();
        List<Double> plainMs = new ArrayList<>();
        var group = new ArrayList<WatchlistIndex.FaceProbe>();
        for (float[] p : probe) {
            group.add(new WatchlistIndex.FaceProbe(p, "arcface-r100", NOW));
        }
        long foundByGroup = 0;
        long foundByIndex = 0;
        long foundByPlain = 0;
        for (int round = 0; round < rounds + 1; round++) {
            long started = System.nanoTime();
            for (float[] p : probe) {
                foundByIndex += index.matchFace(p, "arcface-r100", NOW).size();
            }
            double perIndex = (System.nanoTime() - started) / 1e6 / probes;
            started = System.nanoTime();
            for (var found : index.matchFaces(group)) {
                foundByGroup += found.size();
            }
            double perGroupProbe = (System.nanoTime() - started) / 1e6 / probes;
            started = System.nanoTime();
            for (float[] p : probe) {
                float[] unit = WatchlistIndex.unit(p);
                for (float[] face : plain) {
                    double sum = 0;
                    for (int d = 0; d < dimensions; d++) {
                        sum += unit[d] * face[d];
                    }
                    foundByPlain += sum >= 0.8 ? 1 : 0;
                }
            }
            double perPlain = (System.nanoTime() - started) / 1e6 / probes;
            if (round > 0) {
                indexMs.add(perIndex);
                groupMs.add(perGroupProbe);
                plainMs.add(perPlain);
            }
        }
        double index50 = median(indexMs);
        double plain50 = median(plainMs);
        System.out.printf("faces=%d of %d numbers, rounds=%d, probes/round=%d (half listed, half not)%n", entries, dimensions, rounds,
            probes);
        System.out.printf("watchlist index: median %.2f ms per face probe (%.0f probes/s on one thread)%n", index50, 1e3 / index50);
        double group50 = median(groupMs);
        System.out.printf("the same %d probes matched as one group: median %.2f ms per probe; ratio %.2f%n", probes, group50,
            group50 / plain50);
        System.out.printf("plain scan baseline: median %.2f ms per probe; ratio %.2f%n", plain50, index50 / plain50);
        System.out.printf("(faces found: %d by the index one by one, %d as groups, %d by the plain scan, %d listed probes)%n",
            foundByIndex, foundByGroup, foundByPlain, (rounds + 1) * probes / 2);
    }

    static String plate(Random random, int i) {
        return "" + LETTERS.charAt(random.nextInt(20)) + LETTERS.charAt(random.nextInt(20)) + LETTERS.charAt(random.nextInt(20))
            + (1000 + random.nextInt(9000)) + i % 10;
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
