package org.safecity.partners.internal.compliance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.safecity.identity.Jurisdiction;
import org.safecity.partners.internal.premises.PremisesStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The compliance dashboard over 5,000 premises with 20,000 partner cameras (generated, in a database of
 * its own made and dropped on the PostgreSQL of {@code SAFECITY_DB_URL}, with SafeCity's migrations):
 * the three breakdowns and the 12-week trend that {@code GET /api/v1/premises/compliance} and
 * {@code .../trend} run, as medians of several rounds, beside {@code count(*)} of the premises in the
 * same run as the baseline.
 *
 * <pre>SAFECITY_DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres SAFECITY_DB_USER=postgres \
 * mvn -q -B -pl app test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.safecity.partners.internal.compliance.DashboardBenchmark -Dexec.args="5000 20000 9"</pre>
 */
public final class DashboardBenchmark {

    private static final String[] CITIES = {"PSH", "DIK", "BNU", "LKM", "NWZ", "KRK", "MRD", "KHT", "NSR", "SWT", "ABT", "CHS"};
    private static final String[] CATEGORIES = {"BANK", "PLAZA", "HOTEL", "PETROL_STATION", "HOSPITAL", "SCHOOL", "MARKET",
        "MARRIAGE_HALL", "FACTORY"};

    public static void main(String[] args) throws Exception {
        int premisesCount = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int cameraCount = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        String url = System.getenv().getOrDefault("SAFECITY_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getenv().getOrDefault("SAFECITY_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("SAFECITY_DB_PASSWORD", "");
        String database = "partners_bench_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection(url, user, password)) {
            admin.createStatement().execute("create database " + database);
        }
        String benchUrl = url.replaceFirst("/[^/?]*(\\?.*)?$", "/" + database + "$1");
        try {
            var source = new PGSimpleDataSource();
            source.setUrl(benchUrl);
            source.setUser(user);
            source.setPassword(password);
            Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
            var jdbc = JdbcClient.create(source);
            Instant now = Instant.now();
            generate(jdbc, premisesCount, cameraCount, now);
            jdbc.sql("analyze").update();
            var store = new PremisesStore(jdbc);
            var province = new PremisesStore.Scope(Jurisdiction.PROVINCE, null);
            var city = new PremisesStore.Scope(new Jurisdiction("PSH", null), null);
            List<Double> dashboardMs = new ArrayList<>();
            List<Double> breakdownsMs = new ArrayList<>();
            List<Double> trendMs = new ArrayList<>();
            List<Double> cityMs = new ArrayList<>();
            List<Double> walkMs = new ArrayList<>();
            List<Double> baselineMs = new ArrayList<>();
            // the first request counts the eleven past days once (then kept): timed apart
            long coldStarted = System.nanoTime();
            store.trend(province, 12, now);
            double cold = (System.nanoTime() - coldStarted) / 1e6;
            for (int round = 0; round <= rounds; round++) {
                long started = System.nanoTime();
                store.breakdowns(province);
                long trendStarted = System.nanoTime();
                store.trend(province, 12, now);
                long ended = System.nanoTime();
                long cityStarted = System.nanoTime();
                store.breakdowns(city);
                store.trend(city, 12, now);
                double cityDashboard = (System.nanoTime() - cityStarted) / 1e6;
                long walkStarted = System.nanoTime();
                for (String column : List.of("city_code", "category", "zone_code")) { // the breakdowns as they were: one query each
                    jdbc.sql("select coalesce(" + column + ", '') as key, compliance_status, count(*) as n from partners.premises p"
                        + " group by 1, 2 order by 1, 2").query((java.sql.ResultSet rs) -> { });
                }
                store.trendFromHistory(province, 12, now);
                double walk = (System.nanoTime() - walkStarted) / 1e6;
                long baseStarted = System.nanoTime();
                jdbc.sql("select count(*) from partners.premises").query(Long.class).single();
                double baseline = (System.nanoTime() - baseStarted) / 1e6;
                if (round > 0) { // the first round warms the JIT and the database's caches
                    dashboardMs.add((ended - started) / 1e6);
                    breakdownsMs.add((trendStarted - started) / 1e6);
                    trendMs.add((ended - trendStarted) / 1e6);
                    cityMs.add(cityDashboard);
                    walkMs.add(walk);
                    baselineMs.add(baseline);
                }
            }
            double d = median(dashboardMs);
            double b = median(baselineMs);
            System.out.printf("premises=%d partner cameras=%d history rows=%d rounds=%d load average %.1f%n", premisesCount, cameraCount,
                jdbc.sql("select count(*) from partners.compliance_change").query(Long.class).single(), rounds,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("dashboard, province (breakdowns + 12-week trend): median %.1f ms (min %.1f, max %.1f)%n", d,
                dashboardMs.stream().mapToDouble(x -> x).min().orElse(0), dashboardMs.stream().mapToDouble(x -> x).max().orElse(0));
            System.out.printf("  of which the breakdowns (one grouping-sets scan): median %.1f ms%n", median(breakdownsMs));
            System.out.printf("  of which the trend from the day counts: median %.1f ms (first request, counting 11 days: %.1f ms)%n",
                median(trendMs), cold);
            System.out.printf("dashboard, one city's jurisdiction: median %.1f ms%n", median(cityMs));
            System.out.printf("before (three grouped queries + walking the whole history): median %.1f ms; before / now %.1f%n",
                median(walkMs), median(walkMs) / d);
            System.out.printf("baseline count(*) of premises: median %.2f ms; dashboard ratio %.1f%n", b, d / b);
        } finally {
            try (Connection admin = DriverManager.getConnection(url, user, password)) {
                admin.createStatement().execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    private static void generate(JdbcClient jdbc, int premisesCount, int cameraCount, Instant now) {
        for (String city : CITIES) {
            jdbc.sql("insert into registry.city (code, name, district_hq, lat, lon) values (?, ?, ?, 34, 71.5)")
                .params(city, "City " + city, "HQ " + city).update();
            for (int z = 0; z < 15; z++) {
                jdbc.sql("insert into registry.zone (city_code, code, name) values (?, ?, ?)").params(city, "Z" + z, "Zone " + z).update();
            }
        }
        jdbc.sql("insert into registry.phase (number, name) values (1, 'Bench')").update();
        Instant twelveWeeks = now.minus(Duration.ofDays(84));
        jdbc.sql("""
                insert into partners.premises (name, category, owner_kind, owner_number, address, city_code, zone_code, lat, lon,
                    licence_number, act_applies_from, registration, compliance_status, compliance_since, evaluated_at)
                select 'Premises ' || g, (array[%s])[1 + g %% 9], 'NTN', lpad(g::text, 8, '0'), 'Address ' || g,
                       (array[%s])[1 + g %% 12], 'Z' || (g %% 15), 34 + random() / 10, 71.5 + random() / 10, 'BENCH-' || g,
                       date '2026-01-01', 'REGISTERED', (array['NOT_REGISTERED','PENDING','NON_COMPLIANT','COMPLIANT'])[1 + g %% 4], now(), now()
                from generate_series(1, ?) g""".formatted(quoted(CATEGORIES), quoted(CITIES)))
            .param(premisesCount).update();
        // four recorded changes per premises over the twelve weeks
        jdbc.sql("""
                insert into partners.compliance_change (premises_id, changed_at, from_status, to_status, reasons)
                select p.id, ?::timestamptz + (k * 3 + (p.id % 7)) * interval '6 days', null,
                       (array['NOT_REGISTERED','PENDING','NON_COMPLIANT','COMPLIANT'])[1 + (p.id + k) %% 4], '[]'::jsonb
                from partners.premises p cross join generate_series(0, 3) k""".replace("%%", "%"))
            .param(Timestamp.from(twelveWeeks)).update();
        jdbc.sql("""
                insert into registry.site (name, kind, lat, lon, city_code, zone_code, phase, status)
                select 'Site ' || p.id, 'bazaar', p.lat, p.lon, p.city_code, p.zone_code, 1, 'COMMISSIONED' from partners.premises p""")
            .update();
        jdbc.sql("""
                insert into registry.camera (site_id, name, make, model, resolution, type, main_stream, owner, partner_id, status)
                select s.id, 'Camera ' || g, 'Hikvision', 'DS-2CD2143G2-I', '1920x1080', 'FIXED', 'rtsp://10.0.0.1/' || g, 'PREMISES',
                       p.id, 'INSTALLED'
                from generate_series(1, ?) g
                join partners.premises p on p.id = 1 + (g - 1) %% ?
                join registry.site s on s.name = 'Site ' || p.id""".replace("%%", "%"))
            .params(cameraCount, premisesCount).update();
        jdbc.sql("""
                insert into registry.camera_presence (camera_id, from_at, until_at, closed)
                select id, now() - interval '7 days', now(), false from registry.camera""").update();
    }

    private static String quoted(String[] values) {
        var out = new StringBuilder();
        for (String v : values) {
            out.append(out.isEmpty() ? "" : ",").append('\'').append(v).append('\'');
        }
        return out.toString();
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
