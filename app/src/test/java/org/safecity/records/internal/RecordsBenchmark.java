package org.safecity.records.internal;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.safecity.SafeCityApplication;
import org.safecity.identity.Actor;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Role;
import org.safecity.records.internal.demo.SyntheticPeople;
import org.safecity.records.internal.search.SearchQuery;
import org.safecity.records.internal.search.Searching;
import org.safecity.records.internal.sources.KeepingSources;
import org.safecity.records.internal.sources.ReceivingRecords;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads made-up persons, vehicles and FIRs ({@link SyntheticPeople}) into SafeCity's own embedded
 * PostgreSQL through the records import (keys, versions, links), measures rows/s against a raw COPY of
 * the same rows in the same run, then search latency (p50/p99) by CNIC, plate (misread), phone, FIR number and name (English
 * spellings, Urdu script, words in another order).
 *
 * <pre>
 * mvn -q -B -pl app -am install -DskipTests && mvn -q -B -pl app test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.safecity.records.internal.RecordsBenchmark -Dexec.args="--persons 100000 --vehicles 50000 --firs 20000"
 * </pre>
 * The database lives under {@code target/records-bench/} (or {@code --data-dir}); with the test classes on the
 * class path their database initializer puts it under {@code target/test-postgres/} of the working directory instead.
 *
 * <p>{@code --search-only RUN} loads nothing: it searches a store an earlier run (its number, in its sources' codes
 * {@code bench-persons-RUN}) loaded, on the server of {@code --db-url} (with {@code --db-user} and {@code --db-password},
 * the test classes' database initializer kept off the class path), for the persons, vehicles and FIRs that run stored.
 */
public final class RecordsBenchmark {

    private static final int BATCH = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        long persons = Long.parseLong(options.getOrDefault("persons", "100000"));
        long vehicles = Long.parseLong(options.getOrDefault("vehicles", "50000"));
        long firs = Long.parseLong(options.getOrDefault("firs", "20000"));
        int searches = Integer.parseInt(options.getOrDefault("searches", "500"));
        Path dataDir = Path.of(options.getOrDefault("data-dir", "target/records-bench")).toAbsolutePath();

        String searchOnly = options.get("search-only");
        var properties = new ArrayList<>(List.of("safecity.data-dir=" + dataDir, "safecity.demo=false", "safecity.video.recording=false",
            "safecity.vision.analysis=false", "server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN"));
        if (options.containsKey("db-url")) {
            properties.addAll(List.of("safecity.db.url=" + options.get("db-url"), "safecity.db.user=" + options.get("db-user"),
                "safecity.db.password=" + options.get("db-password")));
        }
        // as arguments, not the builder's default properties, which the application's own configuration overrides (its port 8080)
        var context = new SpringApplicationBuilder(SafeCityApplication.class).run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        try {
            var receiving = context.getBean(ReceivingRecords.class);
            var keeping = context.getBean(KeepingSources.class);
            var searching = context.getBean(Searching.class);
            var dataSource = context.getBean(DataSource.class);
            String run = searchOnly != null ? searchOnly : Long.toString(System.currentTimeMillis() % 1_000_000);
            long offset = (Long.parseLong(run) % 9_000) * 100_000_000L; // each run's made-up people are new ones (CNICs stay 13 digits)
            System.out.printf("records benchmark: %,d persons, %,d vehicles, %,d FIRs; %d cores; data in %s; load average %s%n", persons,
                vehicles, firs, Runtime.getRuntime().availableProcessors(), dataDir,
                java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());

            if (searchOnly == null) {
                var random = new Random(42);
                double personRate = load(keeping, receiving, dataSource, "bench-persons-" + run, "PERSON", persons,
                    n -> SyntheticPeople.person(offset + n, random));
                double vehicleRate = load(keeping, receiving, dataSource, "bench-excise-" + run, "VEHICLE", vehicles,
                    n -> SyntheticPeople.vehicle(offset + n, offset + 1 + (n * 7) % persons, random));
                double firRate = load(keeping, receiving, dataSource, "bench-fir-" + run, "FIR", firs,
                    n -> SyntheticPeople.fir(offset + n, offset + 1 + (n * 13) % persons, random));
                System.out.printf("import rows/s: persons %.0f, vehicles %.0f, FIRs %.0f%n", personRate, vehicleRate, firRate);
            }
            // what is searched for: the rows this run stored, all of them unless it loaded nothing itself
            long[] stored = searchOnly == null ? new long[] {persons, vehicles, firs} : JdbcStored.counts(dataSource, run);
            if (searchOnly != null) {
                System.out.printf("searching run %s's store: %,d persons, %,d vehicles, %,d FIRs%n", run, stored[0], stored[1], stored[2]);
            }

            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new Actor.Person(0, "benchmark", Set.of(Role.INVESTIGATOR), Jurisdiction.PROVINCE, null), null,
                List.of(new SimpleGrantedAuthority(Role.INVESTIGATOR.authority()))));
            var visibility = Visibility.of(new Actor.Person(0, "benchmark", Set.of(Role.INVESTIGATOR), Jurisdiction.PROVINCE, null));
            try (var connection = dataSource.getConnection()) {
                // What autovacuum would have done by the time anyone searches a freshly loaded store.
                connection.createStatement().execute("analyze records.record; analyze records.record_key; analyze records.link; "
                    + "analyze records.person; analyze records.vehicle");
            }
            var pick = new Random(7);
            String[] urduGiven = {"محمد", "احمد", "علی", "گل", "نور", "حامد"};
            String[] urduFamily = {"خان", "آفریدی"};
            measure("CNIC, with dashes", searches, () -> {
                String c = SyntheticPeople.cnic(offset + 1 + pick.nextLong(stored[0]));
                return c.substring(0, 5) + "-" + c.substring(5, 12) + "-" + c.substring(12);
            }, searching, visibility);
            measure("CNIC, digits only", searches, () -> SyntheticPeople.cnic(offset + 1 + pick.nextLong(stored[0])), searching, visibility);
            if (stored[1] > 0) {
                measure("plate, 1 read I and 0 read O", searches, () -> {
                    String plate = SyntheticPeople.plate(offset + 1 + pick.nextLong(stored[1]));
                    return plate.substring(0, 3) + "-" + plate.substring(3).replace('1', 'I').replace('0', 'O');
                }, searching, visibility);
            }
            measure("phone", searches, () -> "0" + SyntheticPeople.phone(offset + 1 + pick.nextLong(stored[0])).substring(3), searching, visibility);
            if (stored[2] > 0) {
                measure("FIR number", searches, () -> {
                    long n = offset + 1 + pick.nextLong(stored[2]);
                    return "FIR " + (1 + n % 100_000) + "/" + (2020 + n % 7);
                }, searching, visibility);
            }
            measure("name, any spelling", searches, () -> SyntheticPeople.GIVEN[pick.nextInt(SyntheticPeople.GIVEN.length)] + " "
                + SyntheticPeople.FAMILY[pick.nextInt(SyntheticPeople.FAMILY.length)], searching, visibility);
            measure("name, Urdu script", searches, () -> urduGiven[pick.nextInt(urduGiven.length)] + " " + urduFamily[pick.nextInt(urduFamily.length)],
                searching, visibility);
            measure("name, words reordered", searches, () -> SyntheticPeople.FAMILY[pick.nextInt(SyntheticPeople.FAMILY.length)] + " "
                + SyntheticPeople.GIVEN[pick.nextInt(SyntheticPeople.GIVEN.length)], searching, visibility);
            System.out.printf("load average at the end: %s%n", java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
        } finally {
            context.close();
        }
    }

    /** How many rows each of a run's sources holds, current ones, by kind: persons, vehicles, FIRs. */
    private static final class JdbcStored {
        static long[] counts(DataSource dataSource, String run) throws Exception {
            long[] counts = new long[3];
            String[] codes = {"bench-persons-", "bench-excise-", "bench-fir-"};
            try (var connection = dataSource.getConnection();
                 var statement = connection.prepareStatement("select count(*) from records.record r join records.source s on s.id = r.source_id "
                     + "where s.code = ? and r.current")) {
                for (int i = 0; i < 3; i++) {
                    statement.setString(1, codes[i] + run);
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        counts[i] = rows.getLong(1);
                    }
                }
            }
            return counts;
        }
    }

    interface Row {
        Map<String, String> of(long n);
    }

    /** Imports {@code count} rows through the records import in batches, then COPYs the same rows raw; answers import rows/s. */
    private static double load(KeepingSources keeping, ReceivingRecords receiving, DataSource dataSource, String code, String kind, long count,
                               Row row) throws Exception {
        var source = keeping.register(new KeepingSources.Draft(code, "Benchmark " + code, "benchmark", "made-up rows", 3650, List.of(kind),
            Map.of(), null, null));
        long importNanos = 0;
        long copyNanos = 0;
        try (var connection = dataSource.getConnection()) {
            connection.createStatement().execute("create temporary table if not exists bench_copy (source_record_id text, kind text, fields jsonb)");
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (long start = 1; start <= count; start += BATCH) {
                var rows = new ArrayList<Map<String, String>>();
                for (long n = start; n < Math.min(count + 1, start + BATCH); n++) {
                    rows.add(row.of(n));
                }
                long t0 = System.nanoTime();
                receiving.receive(source, ReceivingRecords.Via.FILE, code, rows, 0);
                long t1 = System.nanoTime();
                var text = new StringBuilder();
                for (var r : rows) {
                    text.append(csv(r.get("id"))).append(',').append(kind).append(',').append(csv(JSON.writeValueAsString(r))).append('\n');
                }
                copy.copyIn("copy bench_copy from stdin (format csv)", new StringReader(text.toString()));
                long t2 = System.nanoTime();
                importNanos += t1 - t0;
                copyNanos += t2 - t1;
                if ((start - 1 + BATCH) % 500_000 == 0) {
                    System.out.printf("  %s: %,d rows, import %,.0f rows/s so far%n", kind, start - 1 + BATCH, (start - 1 + BATCH) / (importNanos / 1e9));
                }
            }
        }
        double importRate = count / (importNanos / 1e9);
        double copyRate = count / (copyNanos / 1e9);
        System.out.printf("%-8s %,10d rows: import %,8.0f rows/s, raw COPY %,9.0f rows/s, ratio %.1f%%%n", kind, count, importRate, copyRate,
            100 * importRate / copyRate);
        return importRate;
    }

    private static String csv(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static void measure(String what, int times, java.util.function.Supplier<String> query, Searching searching, Visibility visibility) {
        long[] nanos = new long[times];
        int found = 0;
        for (int i = 0; i < times; i++) {
            String q = query.get();
            long t0 = System.nanoTime();
            var groups = searching.find(SearchQuery.of(q), visibility, 20);
            nanos[i] = System.nanoTime() - t0;
            if (groups.stream().anyMatch(g -> !g.results().isEmpty() && !g.type().equals("watchlist entry"))) {
                found++;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("search by %-30s p50 %6.1f ms, p99 %6.1f ms (%d searches, %d found something)%n", what,
            nanos[times / 2] / 1e6, nanos[Math.min(times - 1, (int) Math.ceil(times * 0.99) - 1)] / 1e6, times, found);
    }
}
