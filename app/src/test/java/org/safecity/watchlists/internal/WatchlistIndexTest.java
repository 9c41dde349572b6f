package org.safecity.watchlists.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.safecity.watchlists.WatchlistHit;

class WatchlistIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final WatchlistIndex index = new WatchlistIndex();
    private long ids;

    private Watchlist list(boolean fuzzy, Instant expires) {
        var list = new Watchlist(++ids, "list " + ids, WatchlistHit.ListType.STOLEN_VEHICLE, Watchlist.Kind.VEHICLE, "admin", null,
            WatchlistHit.Priority.HIGH, fuzzy, 0.8, expires, NOW);
        index.putList(list);
        return list;
    }

    private Entry plate(Watchlist list, String plate) {
        var entry = new Entry(++ids, list.id(), plate, plate, null, null, null, null, "stolen", null, "admin", NOW);
        index.add(entry);
        return entry;
    }

    @Test
    void an_exact_list_matches_only_the_exact_plate() {
        var list = list(false, null);
        plate(list, "PRA1234");

        assertThat(index.matchPlate("PRA1234", NOW)).extracting(WatchlistIndex.Match::matchedBy).containsExactly(WatchlistHit.MatchedBy.EXACT);
        assertThat(index.matchPlate("PRA1Z34", NOW)).isEmpty();
        assertThat(index.matchPlate("PRA124", NOW)).isEmpty();
    }

    @Test
    void a_fuzzy_list_forgives_confusable_characters_and_one_missing_or_extra_character() {
        var list = list(true, null);
        var entry = plate(list, "LEB1234");

        assertThat(index.matchPlate("1E81234", NOW)).extracting(m -> m.entry().id()).containsExactly(entry.id());
        assertThat(index.matchPlate("LEB124", NOW)).extracting(WatchlistIndex.Match::matchedBy).containsExactly(WatchlistHit.MatchedBy.FUZZY);
        assertThat(index.matchPlate("LEB12345", NOW)).hasSize(1);
        assertThat(index.matchPlate("LEB12", NOW)).isEmpty();
        assertThat(index.matchPlate("LEB1299", NOW)).isEmpty();
    }

    @Test
    void the_exact_plate_scores_higher_than_a_tolerant_reading() {
        var list = list(true, null);
        plate(list, "LEB1234");

        assertThat(index.matchPlate("LEB1234", NOW).getFirst().score()).isEqualTo(1.0);
        assertThat(index.matchPlate("LE81234", NOW).getFirst().score()).isLessThan(1.0);
    }

    @Test
    void an_expired_list_or_entry_matches_nothing() {
        var expired = list(false, NOW.minusSeconds(1));
        plate(expired, "ABC123");
        var live = list(false, null);
        index.add(new Entry(++ids, live.id(), "XYZ789", "XYZ789", null, null, null, null, "old", NOW.minusSeconds(60), "admin", NOW));

        assertThat(index.matchPlate("ABC123", NOW)).isEmpty();
        assertThat(index.matchPlate("XYZ789", NOW)).isEmpty();
    }

    @Test
    void a_removed_entry_stops_matching() {
        var list = list(true, null);
        var entry = plate(list, "KHT777");

        index.remove(entry);

        assertThat(index.matchPlate("KHT777", NOW)).isEmpty();
    }

    @Test
    void faces_match_by_cosine_similarity_above_the_list_threshold_and_only_within_one_model() {
        var persons = new Watchlist(++ids, "wanted", WatchlistHit.ListType.WANTED_PERSON, Watchlist.Kind.PERSON, "admin", null,
            WatchlistHit.Priority.HIGH, false, 0.9, null, NOW);
        index.putList(persons);
        float[] face = new float[128];
        for (int i = 0; i < face.length; i++) {
            face[i] = (float) Math.sin(i);
        }
        index.add(new Entry(++ids, persons.id(), null, null, "1730112345671", "Wanted Person", face, "arcface", "FIR 12/2026", null,
            "admin", NOW));
        float[] similar = face.clone();
        similar[0] += 0.2f;
        float[] other = new float[128];
        for (int i = 0; i < other.length; i++) {
            other[i] = (float) Math.cos(i * 7);
        }

        assertThat(index.matchFace(similar, "arcface", NOW)).singleElement().satisfies(m -> {
            assertThat(m.matchedBy()).isEqualTo(WatchlistHit.MatchedBy.FACE);
            assertThat(m.score()).isGreaterThan(0.9);
        });
        assertThat(index.matchFace(other, "arcface", NOW)).isEmpty();
        assertThat(index.matchFace(similar, "facenet", NOW)).isEmpty();
    }

    @Test
    void a_face_s_score_is_its_cosine_similarity_whatever_the_embedding_s_length() {
        var persons = new Watchlist(++ids, "wanted", WatchlistHit.ListType.WANTED_PERSON, Watchlist.Kind.PERSON, "admin", null,
            WatchlistHit.Priority.HIGH, false, 0.1, null, NOW);
        index.putList(persons);
        for (int length : new int[] {16, 129, 130, 131, 512}) {
            float[] listed = new float[length];
            float[] probe = new float[length];
            double dot = 0;
            double listedNorm = 0;
            double probeNorm = 0;
            for (int i = 0; i < length; i++) {
                listed[i] = (float) Math.sin(i + 1.0);
                probe[i] = (float) Math.sin(i + 1.0) + (float) Math.cos(3.0 * i) / 2;
                dot += (double) listed[i] * probe[i];
                listedNorm += (double) listed[i] * listed[i];
                probeNorm += (double) probe[i] * probe[i];
            }
            double cosine = dot / Math.sqrt(listedNorm * probeNorm);
            String model = "model-" + length;
            index.add(new Entry(++ids, persons.id(), null, null, null, "Person " + length, listed, model, "FIR", null, "admin", NOW));

            assertThat(index.matchFace(probe, model, NOW)).as("%d numbers", length).singleElement()
                .satisfies(m -> assertThat(m.score()).isCloseTo(cosine, org.assertj.core.data.Offset.offset(1e-5)));
        }
    }

    @Test
    void faces_matched_as_a_group_find_what_each_finds_alone_each_within_its_own_model() {
        var persons = new Watchlist(++ids, "wanted", WatchlistHit.ListType.WANTED_PERSON, Watchlist.Kind.PERSON, "admin", null,
            WatchlistHit.Priority.HIGH, false, 0.8, null, NOW);
        index.putList(persons);
        var random = new java.util.Random(11);
        var probes = new java.util.ArrayList<WatchlistIndex.FaceProbe>();
        for (int i = 0; i < 30; i++) {
            String model = i % 3 == 0 ? "facenet" : "arcface";
            float[] face = new float[i % 3 == 0 ? 128 : 512];
            for (int d = 0; d < face.length; d++) {
                face[d] = (float) random.nextGaussian();
            }
            index.add(new Entry(++ids, persons.id(), null, null, null, "Person " + i, face, model, "FIR", null, "admin", NOW));
            if (i % 2 == 0) { // every other listed face is seen again, slightly changed; the rest are strangers
                float[] seen = face.clone();
                seen[0] += 0.05f;
                probes.add(new WatchlistIndex.FaceProbe(seen, model, NOW));
            } else {
                float[] stranger = new float[face.length];
                for (int d = 0; d < stranger.length; d++) {
                    stranger[d] = (float) random.nextGaussian();
                }
                probes.add(new WatchlistIndex.FaceProbe(stranger, model, NOW));
            }
        }

        var together = index.matchFaces(probes);

        assertThat(together).hasSize(probes.size());
        for (int p = 0; p < probes.size(); p++) {
            var alone = index.matchFace(probes.get(p).embedding(), probes.get(p).model(), NOW);
            assertThat(together.get(p)).as("probe %d", p).extracting(m -> m.entry().id()).containsExactlyElementsOf(
                alone.stream().map(m -> m.entry().id()).toList());
            assertThat(together.get(p)).as("probe %d", p).hasSize(p % 2 == 0 ? 1 : 0);
        }
        assertThat(index.matchFaces(java.util.List.of())).isEmpty();
    }

    /** How fast this is, is measured by {@link WatchlistMatchBenchmark} (docs/BENCHMARKS.md), not here. */
    @Test
    void a_million_listed_plates_are_each_found_and_an_unlisted_plate_is_not() {
        var exact = list(false, null);
        var fuzzy = list(true, null);
        var random = new Random(7);
        String[] plates = new String[1_000_000];
        for (int i = 0; i < plates.length; i++) {
            plates[i] = WatchlistMatchBenchmark.plate(random, i);
            index.add(new Entry(i + 1_000L, i % 10 == 0 ? fuzzy.id() : exact.id(), plates[i], plates[i], null, null, null, null,
                "stolen", null, "admin", NOW));
        }

        for (int i = 0; i < 100_000; i++) {
            int listed = random.nextInt(plates.length);
            assertThat(index.matchPlate(plates[listed], NOW)).as(plates[listed])
                .anySatisfy(m -> assertThat(m.entry().id()).isEqualTo(listed + 1_000L));
            // Three characters shorter than any listed plate: beyond even the fuzzy list's one-character forgiveness.
            assertThat(index.matchPlate("K" + (1000 + i % 9000), NOW)).isEmpty();
        }
    }
}
