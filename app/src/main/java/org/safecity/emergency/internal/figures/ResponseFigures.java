package org.safecity.emergency.internal.figures;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.safecity.emergency.internal.incidents.Priority;

/**
 * The response figures (KPIs) of a set of incidents, grouped by city, zone and day (the day in
 * Pakistan time): how many of each type and priority, the median and 90th percentile of
 * call-to-dispatch and dispatch-to-arrival, and the targets missed.
 * Percentiles interpolate linearly between the two nearest ranks (as PostgreSQL's
 * {@code percentile_cont} and a spreadsheet's PERCENTILE.INC do).
 */
final class ResponseFigures {

    private ResponseFigures() {
    }

    /** One incident's times, as the figures need them. */
    record Row(long incidentId, String type, Priority priority, String cityCode, String zoneCode, Instant openedAt,
               Instant dispatchedAt, Instant arrivedAt, int callToDispatchBreaches, int dispatchToArrivalBreaches) {
    }

    record Spread(int count, Double medianSeconds, Double p90Seconds) {
    }

    record Group(String cityCode, String zoneCode, LocalDate day, int incidents, Map<String, Integer> byType,
                 Map<String, Integer> byPriority, Spread callToDispatch, Spread dispatchToArrival,
                 int callToDispatchBreaches, int dispatchToArrivalBreaches) {
    }

    static List<Group> byCityZoneDay(List<Row> rows, ZoneId dayZone) {
        record Key(String city, String zone, LocalDate day) {
        }
        Map<Key, List<Row>> grouped = rows.stream().collect(Collectors.groupingBy(
            r -> new Key(r.cityCode(), r.zoneCode() == null ? "" : r.zoneCode(), r.openedAt().atZone(dayZone).toLocalDate())));
        List<Group> groups = new ArrayList<>();
        grouped.forEach((key, list) -> groups.add(summarise(key.city(), key.zone().isEmpty() ? null : key.zone(), key.day(), list)));
        groups.sort(Comparator.comparing(Group::day).thenComparing(Group::cityCode)
            .thenComparing(g -> g.zoneCode() == null ? "" : g.zoneCode()));
        return groups;
    }

    static Group summarise(String city, String zone, LocalDate day, List<Row> rows) {
        return new Group(city, zone, day, rows.size(), count(rows, Row::type), count(rows, r -> r.priority().name()),
            spread(rows.stream().filter(r -> r.dispatchedAt() != null)
                .map(r -> Duration.between(r.openedAt(), r.dispatchedAt())).toList()),
            spread(rows.stream().filter(r -> r.dispatchedAt() != null && r.arrivedAt() != null)
                .map(r -> Duration.between(r.dispatchedAt(), r.arrivedAt())).toList()),
            rows.stream().mapToInt(Row::callToDispatchBreaches).sum(),
            rows.stream().mapToInt(Row::dispatchToArrivalBreaches).sum());
    }

    static Spread spread(List<Duration> durations) {
        double[] seconds = durations.stream().mapToDouble(d -> d.toMillis() / 1000.0).sorted().toArray();
        if (seconds.length == 0) {
            return new Spread(0, null, null);
        }
        return new Spread(seconds.length, percentile(seconds, 0.5), percentile(seconds, 0.9));
    }

    /** The p-th percentile of sorted values, linear between closest ranks; rounded to a tenth of a second. */
    static double percentile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        double value = sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
        return Math.round(value * 10) / 10.0;
    }

    private static Map<String, Integer> count(List<Row> rows, Function<Row, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.summingInt(r -> 1)));
    }
}
