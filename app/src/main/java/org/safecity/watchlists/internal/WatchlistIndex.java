package org.safecity.watchlists.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.safecity.detections.OcrConfusion;
import org.safecity.watchlists.WatchlistHit;

/**
 * Every active entry in memory, so matching a plate is a few hash lookups whatever the size of the
 * lists: exact plates by their normalised text; the plates of fuzzy lists also under their folded
 * form and each folded form with one character left out (a reading with a character missing or extra
 * then shares a key with the listed plate); faces as unit vectors compared by cosine similarity.
 */
final class WatchlistIndex {

    /** A match of one detection with one entry. */
    record Match(Watchlist list, Entry entry, WatchlistHit.MatchedBy matchedBy, double score) {
    }

    private final Map<Long, Watchlist> lists = new ConcurrentHashMap<>();
    private final Map<String, List<Entry>> exact = new ConcurrentHashMap<>();
    private final Map<String, List<Entry>> tolerant = new ConcurrentHashMap<>();
    private final Map<Long, Entry> faces = new ConcurrentHashMap<>();

    void putList(Watchlist list) {
        lists.put(list.id(), list);
    }

    Map<Long, Watchlist> lists() {
        return lists;
    }

    synchronized void add(Entry entry) {
        Watchlist list = lists.get(entry.listId());
        if (list == null) {
            throw new IllegalStateException("entry " + entry.id() + " of unknown list " + entry.listId());
        }
        if (entry.plate() != null) {
            append(exact, entry.plate(), entry);
            if (list.fuzzy()) {
                for (String key : tolerantKeys(entry.plate())) {
                    append(tolerant, key, entry);
                }
            }
        }
        if (entry.embedding() != null) {
            faces.put(entry.id(), new Entry(entry.id(), entry.listId(), entry.plate(), entry.plateAsWritten(), entry.cnic(),
                entry.personName(), unit(entry.embedding()), entry.faceModel(), entry.reason(), entry.expiresAt(), entry.addedBy(),
                entry.createdAt()));
        }
    }

    synchronized void remove(Entry entry) {
        if (entry.plate() != null) {
            detach(exact, entry.plate(), entry.id());
            for (String key : tolerantKeys(entry.plate())) {
                detach(tolerant, key, entry.id());
            }
        }
        faces.remove(entry.id());
    }

    int size() {
        return exact.values().stream().mapToInt(List::size).sum() + faces.size();
    }

    /** The entries a plate reading matches, best first; each entry at most once. */
    List<Match> matchPlate(String normalised, Instant at) {
        var matches = new ArrayList<Match>();
        var seen = new HashSet<Long>();
        for (Entry entry : exact.getOrDefault(normalised, List.of())) {
            Watchlist list = lists.get(entry.listId());
            if (inService(list, entry, at)) {
                seen.add(entry.id());
                matches.add(new Match(list, entry, WatchlistHit.MatchedBy.EXACT, 1.0));
            }
        }
        if (tolerant.isEmpty()) {
            return matches;
        }
        String folded = OcrConfusion.fold(normalised);
        var keys = new ArrayList<String>();
        keys.add(folded);
        keys.addAll(OcrConfusion.deletions(folded));
        for (String key : keys) {
            for (Entry entry : tolerant.getOrDefault(key, List.of())) {
                if (seen.contains(entry.id())) {
                    continue;
                }
                String listed = OcrConfusion.fold(entry.plate());
                if (!OcrConfusion.withinOneInsertOrDelete(folded, listed)) {
                    continue; // shares a key only through a substitution, which is not a known misread
                }
                Watchlist list = lists.get(entry.listId());
                if (inService(list, entry, at)) {
                    seen.add(entry.id());
                    matches.add(new Match(list, entry, WatchlistHit.MatchedBy.FUZZY, listed.equals(folded) ? 0.9 : 0.8));
                }
            }
        }
        return matches;
    }

    /** A face seen, to be matched: its embedding, the model that made it, and when. */
    record FaceProbe(float[] embedding, String model, Instant at) {
    }

    /** The person entries whose face is at least their list's threshold similar to this embedding. */
    List<Match> matchFace(float[] embedding, String model, Instant at) {
        return matchFaces(List.of(new FaceProbe(embedding, model, at))).getFirst();
    }

    /**
     * Each probe's matches, best first, in the probes' order. The listed faces are read once for all
     * the probes: past some tens of thousands of faces the scan is bound by reading them from memory,
     * so a group's faces are matched together (at 100,000 faces, 13 ms a probe in a group of 20
     * against 48 ms one by one; docs/BENCHMARKS.md).
     */
    List<List<Match>> matchFaces(List<FaceProbe> probes) {
        var matches = new ArrayList<List<Match>>(probes.size());
        float[][] units = new float[probes.size()][];
        for (int p = 0; p < probes.size(); p++) {
            matches.add(new ArrayList<>());
            units[p] = unit(probes.get(p).embedding());
        }
        if (probes.isEmpty()) {
            return matches;
        }
        for (Entry entry : faces.values()) {
            Watchlist list = lists.get(entry.listId());
            if (list == null) {
                continue;
            }
            float[] listed = entry.embedding();
            for (int p = 0; p < units.length; p++) {
                var probe = probes.get(p);
                if (!entry.faceModel().equals(probe.model()) || listed.length != units[p].length) {
                    continue; // embeddings of different models are not comparable
                }
                double similarity = dot(units[p], listed);
                if (similarity >= list.faceThreshold() && inService(list, entry, probe.at())) {
                    matches.get(p).add(new Match(list, entry, WatchlistHit.MatchedBy.FACE, similarity));
                }
            }
        }
        for (var found : matches) {
            found.sort((a, b) -> Double.compare(b.score(), a.score()));
        }
        return matches;
    }

    /** A match counts only while its list and its entry are both in service (neither expired, the list known). */
    private static boolean inService(Watchlist list, Entry entry, Instant at) {
        return list != null && list.activeAt(at) && entry.activeAt(at);
    }

    private static Set<String> tolerantKeys(String plate) {
        String folded = OcrConfusion.fold(plate);
        var keys = new HashSet<String>();
        keys.add(folded);
        keys.addAll(OcrConfusion.deletions(folded));
        return keys;
    }

    private static void append(Map<String, List<Entry>> index, String key, Entry entry) {
        index.merge(key, List.of(entry), (old, add) -> {
            if (old.stream().anyMatch(e -> e.id() == entry.id())) {
                return old; // loaded at start and added after its commit: kept once
            }
            var joined = new ArrayList<Entry>(old.size() + 1);
            joined.addAll(old);
            joined.addAll(add);
            return List.copyOf(joined);
        });
    }

    private static void detach(Map<String, List<Entry>> index, String key, long entryId) {
        index.computeIfPresent(key, (k, old) -> {
            var kept = old.stream().filter(e -> e.id() != entryId).toList();
            return kept.isEmpty() ? null : kept;
        });
    }

    static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = norm == 0 ? 0 : (float) (vector[i] / norm);
        }
        return unit;
    }

    /**
     * Four running sums that do not wait for one another: with one, each addition waits for the one
     * before it, and a scan of many faces runs at the adder's latency rather than its throughput.
     */
    private static double dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (int end = a.length - 3; i < end; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (double) s0 + s1 + s2 + s3;
    }
}
