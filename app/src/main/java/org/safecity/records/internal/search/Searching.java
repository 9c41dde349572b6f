package org.safecity.records.internal.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.safecity.detections.OcrConfusion;
import org.safecity.emergency.IncidentLookup;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.records.internal.DepartmentRecord.PersonNamed;
import org.safecity.records.internal.DepartmentRecord.VehicleNamed;
import org.safecity.records.internal.DepartmentRecord;
import org.safecity.records.internal.RecordKind;
import org.safecity.records.internal.RecordStore;
import org.safecity.records.internal.StoredRecord;
import org.safecity.records.internal.Visibility;
import org.safecity.records.internal.linking.Linking;
import org.safecity.records.internal.linking.RecordKeys;
import org.safecity.records.internal.linking.SpellingKey;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.TextPolicy;
import org.safecity.traffic.ChallanLookup;
import org.safecity.watchlists.FedWatchlists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One search over everything the signed-in person may see: persons, vehicles and FIRs from the
 * records, watchlist entries and challans through their modules' exported lookups. Results come
 * grouped by type, best first; each says what it matched by. A purpose is required and every search
 * is written to the audit trail with it.
 */
@Service
public class Searching {

    static final int MOST_CANDIDATES = 500;
    static final int MOST_WORD_READS = 20_000;
    /** How many records are read for each result a group may show: a person is often named by several (their own, a vehicle's, an FIR's). */
    static final int RECORDS_A_RESULT = 3;
    /** What the very text as written adds to a name's score, above any other spelling of it. */
    private static final int EXACT = 20;

    private final RecordStore records;
    private final Linking linking;
    private final JdbcClient jdbc;
    private final FedWatchlists watchlists;
    private final ChallanLookup challans;
    private final AuditTrail audit;
    private final IncidentLookup incidents;
    private final LinkView linkView;

    Searching(RecordStore records, Linking linking, JdbcClient jdbc, FedWatchlists watchlists, ChallanLookup challans, AuditTrail audit,
              IncidentLookup incidents, LinkView links) {
        this.incidents = incidents;
        this.linkView = links;
        this.records = records;
        this.linking = linking;
        this.jdbc = jdbc;
        this.watchlists = watchlists;
        this.challans = challans;
        this.audit = audit;
    }

    record Hit(String type, String id, String title, String subtitle, int score, Set<String> matchedBy) {
    }

    record Found(String q, List<Group> groups) {
    }

    /** One type's results, a page of them; {@code more} when more were found than shown (narrow the search to see them). */
    public record Group(String type, List<Hit> results, boolean more) {

        Group(String type, List<Hit> results) {
            this(type, results, false);
        }
    }

    static void requirePurpose(String purpose) {
        TextPolicy.purposeRefusal(purpose).ifPresent(reason -> {
            throw new InvalidInput("purpose", reason);
        });
        if (purpose.length() > 500) {
            throw new InvalidInput("purpose", "must be at most 500 characters");
        }
    }

    @Transactional
    Found search(String q, String purpose, Integer limit) {
        var errors = new ArrayList<InvalidInput.FieldError>();
        if (q == null || q.isBlank()) {
            errors.add(new InvalidInput.FieldError("q", "is required: a CNIC, plate, phone, FIR number or name"));
        } else if (q.strip().length() > 200) {
            errors.add(new InvalidInput.FieldError("q", "must be at most 200 characters"));
        }
        TextPolicy.purposeRefusal(purpose).ifPresent(reason -> errors.add(new InvalidInput.FieldError("purpose", reason)));
        if (purpose != null && purpose.length() > 500) {
            errors.add(new InvalidInput.FieldError("purpose", "must be at most 500 characters"));
        }
        int most = limit == null ? 20 : limit;
        if (most < 1 || most > 100) {
            errors.add(new InvalidInput.FieldError("limit", "must be from 1 to 100"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var query = SearchQuery.of(q);
        var visibility = Visibility.of(CurrentActor.get());
        var groups = find(query, visibility, most);
        var counts = new LinkedHashMap<String, Object>();
        groups.forEach(g -> counts.put(g.type(), g.results().size()));
        audit.record("records.searched", "records-search", query.text(), purpose.strip(), counts);
        return new Found(query.text(), groups);
    }

    public List<Group> find(SearchQuery query, Visibility visibility, int most) {
        var scores = new HashMap<Long, Integer>();
        var reasons = new HashMap<Long, Set<String>>();
        collect(scores, reasons, "cnic", query.cnic() == null ? List.of() : List.of(query.cnic()), 100, "CNIC");
        collect(scores, reasons, "phone", query.phone() == null ? List.of() : List.of(query.phone()), 80, "phone");
        collect(scores, reasons, "fir", query.fir() == null ? List.of() : List.of(query.fir()), 100, "FIR number");
        collect(scores, reasons, "plate", query.plateFolded() == null ? List.of() : List.of(query.plateFolded()), 95, "plate");
        collect(scores, reasons, "plate", query.nearPlates(), 70, "plate within one character");
        collect(scores, reasons, "chassis", query.chassis() == null ? List.of() : List.of(query.chassis()), 90, "chassis");
        query.named().ifPresent(whole -> {
            // The very spelling first: found by its own key wherever it is among the many records sharing the name's key.
            String spelled = RecordKeys.spelled(query.text());
            if (!spelled.contains("|")) {
                collect(scores, reasons, "spelled", List.of(spelled), 60, "name");
            }
            int named = collect(scores, reasons, "name", List.of(whole), 60, "name");
            var words = List.copyOf(new LinkedHashSet<>(query.nameWords()));
            if (named < MOST_CANDIDATES && words.size() > 1) {
                wordMatches(words).forEach(id -> note(scores, reasons, id, 40, "name words"));
            } else if (named < MOST_CANDIDATES) {
                collect(scores, reasons, "word", words, 40, "name words");
            }
        });
        var persons = new HashMap<Long, Hit>();
        var vehicles = new HashMap<Long, Hit>();
        var firs = new ArrayList<Hit>();
        // Only a page of records is read and parsed: the best first as SQL ranks them, a few per result shown.
        var rank = new HashMap<>(scores);
        if (query.named().isPresent()) {
            spellingCloseness(query, scores.keySet()).forEach((id, closeness) -> rank.merge(id, closeness, Integer::sum));
        }
        var page = ranked(rank, visibility, most * RECORDS_A_RESULT);
        var matched = records.findAll(page.ids());
        boolean beyond = page.found() > page.ids().size();
        var links = new HashMap<String, Linking.ActiveLink>();
        linking.activeLinksOfRecords(matched.stream().map(StoredRecord::id).toList())
            .forEach(l -> links.put(l.recordId() + "/" + l.role(), l));
        for (var stored : matched) {
            var record = stored.read();
            int base = scores.get(stored.id());
            Set<String> why = reasons.get(stored.id());
            boolean anyParty = false;
            for (var party : record.parties()) {
                var link = links.get(stored.id() + "/" + party.role());
                if (link == null) {
                    continue;
                }
                if (party.person() != null && matches(query, party.person())) {
                    anyParty = true;
                    int score = base + closeness(query, party.person());
                    better(persons, link.personId(), new Hit("person", Long.toString(link.personId()), title(party.person()),
                        subtitle(party.person()), score, why));
                    if (record instanceof DepartmentRecord.VehicleRecord v && v.vehicle().plate() != null) {
                        var vehicleLink = links.get(stored.id() + "/vehicle");
                        if (vehicleLink != null) {
                            better(vehicles, vehicleLink.vehicleId(), vehicleHit(v, 50, Set.of("owner's " + String.join(", ", why))));
                        }
                    }
                }
                if (party.vehicle() != null && matches(query, party.vehicle())) {
                    anyParty = true;
                    int score = base + (query.plate() != null && query.plate().equals(party.vehicle().plate()) ? 5 : 0);
                    if (record instanceof DepartmentRecord.VehicleRecord v) {
                        better(vehicles, link.vehicleId(), vehicleHit(v, score, why));
                    } else {
                        better(vehicles, link.vehicleId(), new Hit("vehicle", plateOf(party.vehicle()), plateOf(party.vehicle()),
                            record.title(), score, why));
                    }
                }
            }
            if (record instanceof DepartmentRecord.FirRecord fir && (anyParty || why.contains("FIR number"))) {
                firs.add(new Hit("fir", Long.toString(stored.id()), fir.title(), stored.sourceName() + ", " + (fir.status() == null ? "" : fir.status()),
                    base, why));
            }
        }
        var groups = new ArrayList<Group>();
        var personPage = group("person", persons.values(), most, beyond);
        var vehiclePage = group("vehicle", vehicles.values(), most, beyond);
        groups.add(personPage);
        groups.add(vehiclePage);
        if (visibility.seesFirs()) {
            groups.add(group("fir", firs, most, beyond));
        }
        // Watchlists and challans are looked up for the persons and plates shown, not for every one found.
        var plates = new LinkedHashSet<String>();
        if (query.plate() != null) {
            plates.add(query.plate());
        }
        vehiclePage.results().forEach(v -> plates.add(v.id()));
        var cnics = new LinkedHashSet<String>();
        if (query.cnic() != null) {
            cnics.add(query.cnic());
        }
        if (!personPage.results().isEmpty()) {
            jdbc.sql("select cnic from records.person where cnic is not null and id = any(string_to_array(?, ',')::bigint[])")
                .param(String.join(",", personPage.results().stream().map(Hit::id).toList())).query(String.class).list()
                .forEach(cnics::add);
        }
        if (visibility.seesWatchlists()) {
            var entries = watchlists.listed(List.copyOf(plates), List.copyOf(cnics), query.named().isPresent() ? query.text() : null, most);
            groups.add(new Group("watchlist entry", entries.stream().map(e -> new Hit("watchlist entry", Long.toString(e.entryId()),
                e.plate() != null ? e.plate() : e.personName() != null ? e.personName() : e.cnic(), e.listName() + ": " + e.reason(), 90,
                Set.of(e.plate() != null ? "plate" : e.cnic() != null ? "CNIC" : "name"))).toList()));
        }
        if (visibility.seesChallans() && (!plates.isEmpty() || query.cnic() != null)) {
            var found = challans.find(plates, query.cnic(), most);
            groups.add(new Group("challan", found.stream().map(c -> new Hit("challan", c.number(), c.number() + " " + c.plate(),
                c.offenceName() + ", Rs " + c.finePkr() + ", " + c.status(), 80, Set.of(query.cnic() != null ? "owner's CNIC" : "plate"))).toList()));
        }
        if (visibility.seesIncidents() && query.phone() != null) {
            groups.add(new Group("incident", incidents.calledFrom(query.phone(), most).stream().map(i -> new Hit("incident", Long.toString(i.id()),
                i.type() + " " + i.status(), (i.address() == null ? i.cityCode() : i.address()) + ", called by "
                + (i.callerName() == null ? "an unnamed caller" : i.callerName()), 80, Set.of("caller's phone"))).toList()));
        }
        if (visibility.seesFirs() && query.fir() != null) {
            groups.add(new Group("case", linkView.casesOf(query.fir()).stream().limit(most).map(c -> new Hit("case", c.id().toString(),
                c.firNumber() + " " + c.policeStation(), c.offence() + ", " + c.status(), 100, Set.of("FIR number"))).toList()));
        }
        return groups;
    }

    private static Hit vehicleHit(DepartmentRecord.VehicleRecord v, int score, Set<String> why) {
        String plate = plateOf(v.vehicle());
        return new Hit("vehicle", plate, plate, String.join(" ", java.util.stream.Stream.of(v.colour(), v.make(), v.model())
            .filter(java.util.Objects::nonNull).toList()) + (v.owner().name() != null ? ", owner " + v.owner().name() : ""), score, why);
    }

    private static String plateOf(VehicleNamed v) {
        return v.plate() != null ? v.plate() : v.chassis();
    }

    /** Notes the current records found by a key; answers how many. */
    private int collect(Map<Long, Integer> scores, Map<Long, Set<String>> reasons, String kind, List<String> values, int score, String why) {
        var ids = records.byKey(kind, values, MOST_CANDIDATES);
        for (long id : ids) {
            note(scores, reasons, id, score, why);
        }
        return ids.size();
    }

    /**
     * Records naming every word of the query, in any order and among other words ("Muhammad Khan" finds
     * Muhammad Ali Khan). Read along the longest word's key (the likeliest to be rare), at most
     * {@value #MOST_WORD_READS} of its records, each checked for the other words by the key's index: bounded
     * however common the words are, at the price of missing matches past that many records.
     */
    private List<Long> wordMatches(List<String> words) {
        var sorted = words.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        var others = sorted.subList(1, sorted.size());
        return jdbc.sql("""
                select f.record_id from (select k.record_id from records.record_key k where k.kind = 'word' and k.value = ? limit ?) f
                join records.record r on r.id = f.record_id and r.current
                where (select count(*) from records.record_key o
                       where o.kind = 'word' and o.record_id = f.record_id and o.value = any(string_to_array(?, '|'))) = ?
                limit ?""")
            .params(sorted.getFirst(), MOST_WORD_READS, String.join("|", others), others.size(), MOST_CANDIDATES).query(Long.class).list();
    }

    private static void note(Map<Long, Integer> scores, Map<Long, Set<String>> reasons, long id, int score, String why) {
        scores.merge(id, score, Math::max);
        reasons.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(why);
    }

    private static boolean matches(SearchQuery q, PersonNamed p) {
        if (q.cnic() != null && q.cnic().equals(p.cnic())) {
            return true;
        }
        if (q.phone() != null && q.phone().equals(p.phone())) {
            return true;
        }
        if (q.named().isEmpty()) {
            return false;
        }
        for (String name : new String[] {p.name(), p.nameUrdu()}) {
            if (name != null && new LinkedHashSet<>(SpellingKey.words(name)).containsAll(q.nameWords())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(SearchQuery q, VehicleNamed v) {
        if (v.plate() != null && q.plateFolded() != null && OcrConfusion.withinOneInsertOrDelete(OcrConfusion.fold(v.plate()), q.plateFolded())) {
            return true;
        }
        return v.chassis() != null && q.chassis() != null && q.chassis().equals(RecordKeys.chassis(v.chassis()));
    }

    /**
     * The closer spelling first: the very text, then by how few letters differ (spelling keys drop vowels, so Mehmood
     * and Muhammad share one; the letters tell them apart).
     */
    private static int closeness(SearchQuery q, PersonNamed p) {
        int best = 0;
        for (String name : new String[] {p.name(), p.nameUrdu()}) {
            if (name != null) {
                best = Math.max(best, closeness(q, RecordKeys.spelled(name)));
            }
        }
        return best;
    }

    /** How close a name as written ({@link RecordKeys#spelled}) is to the text searched: {@value #EXACT} for the very text, else 0 to 10. */
    private static int closeness(SearchQuery q, String spelled) {
        String text = RecordKeys.spelled(q.text());
        if (spelled.equals(text)) {
            return EXACT;
        }
        int longest = Math.max(spelled.length(), text.length());
        return (int) Math.round(10.0 * (longest - distance(spelled, text)) / longest);
    }

    /**
     * Each candidate's closest spelling of the name searched, from its names as written (the {@code spelled} keys, one
     * read of the key index for all candidates; each distinct spelling compared once): what ranks the candidates
     * sharing a spelling key without reading their records.
     */
    private Map<Long, Integer> spellingCloseness(SearchQuery query, java.util.Collection<Long> ids) {
        var best = new HashMap<Long, Integer>();
        var bySpelling = new HashMap<String, Integer>();
        jdbc.sql("select record_id, value from records.record_key where kind = 'spelled' and record_id = any(cast(? as bigint[]))")
            .param(ids.toArray(Long[]::new))
            .query(rs -> {
                best.merge(rs.getLong(1), bySpelling.computeIfAbsent(rs.getString(2), spelled -> closeness(query, spelled)), Math::max);
            });
        return best;
    }

    /** Levenshtein distance: how many letters to change, add or drop. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static void better(Map<Long, Hit> hits, Long id, Hit hit) {
        if (id == null) {
            return;
        }
        hits.merge(id, hit, (a, b) -> {
            var why = new LinkedHashSet<>(a.matchedBy());
            why.addAll(b.matchedBy());
            var best = a.score() >= b.score() ? a : b;
            return new Hit(best.type(), best.id(), best.title(), best.subtitle(), best.score(), why);
        });
    }

    private static Group group(String type, java.util.Collection<Hit> hits, int most, boolean beyond) {
        return new Group(type, hits.stream().sorted(Comparator.comparingInt(Hit::score).reversed().thenComparing(Hit::title)).limit(most).toList(),
            beyond || hits.size() > most);
    }

    /** A page of candidate records, best first, and how many of the kinds the reader may see were found. */
    private record Page(List<Long> ids, long found) {
    }

    /**
     * The candidate records worth reading, at most {@code most}, best first: by their rank (the score of the key that
     * found them, for a name with its spelling's closeness), then the newest. Ranked in SQL on the ids alone, so that
     * only these records are read, parsed and followed to watchlists and challans, however many the keys found. Only
     * the kinds the reader may see.
     */
    private Page ranked(Map<Long, Integer> scores, Visibility visibility, int most) {
        if (scores.isEmpty()) {
            return new Page(List.of(), 0);
        }
        var ids = new ArrayList<>(scores.keySet());
        var kinds = java.util.Arrays.stream(RecordKind.values()).filter(visibility::sees).map(Enum::name).toArray(String[]::new);
        var rows = jdbc.sql("""
                select r.id, count(*) over () from unnest(cast(? as bigint[]), cast(? as int[])) as c(record_id, score)
                join records.record r on r.id = c.record_id and r.current and r.kind = any(cast(? as text[]))
                order by c.score desc, r.received_at desc, r.id desc
                limit ?""")
            .params(ids.toArray(Long[]::new), ids.stream().map(scores::get).toArray(Integer[]::new), kinds, most)
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        return new Page(rows.stream().map(row -> row[0]).toList(), rows.isEmpty() ? 0 : rows.getFirst()[1]);
    }

    static String title(PersonNamed p) {
        var parts = new ArrayList<String>();
        if (p.name() != null) {
            parts.add(p.name());
        }
        if (p.nameUrdu() != null) {
            parts.add(p.nameUrdu());
        }
        if (parts.isEmpty()) {
            parts.add("CNIC " + p.cnic());
        }
        return String.join(" / ", parts);
    }

    static String subtitle(PersonNamed p) {
        var parts = new ArrayList<String>();
        if (p.cnic() != null) {
            parts.add(new org.safecity.shared.Cnic(p.cnic()).display());
        }
        if (p.fatherName() != null) {
            parts.add("s/o " + p.fatherName());
        }
        if (p.dateOfBirth() != null) {
            parts.add("born " + p.dateOfBirth());
        }
        return String.join(", ", parts);
    }
}
