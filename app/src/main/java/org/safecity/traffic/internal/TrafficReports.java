package org.safecity.traffic.internal;

import static org.safecity.traffic.internal.rules.RuleStore.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The figures of the traffic reports page, for violations observed (and payments made) in a period, per city or all. */
@Component
public class TrafficReports {

    private final JdbcClient jdbc;

    TrafficReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ByOffence(String offence, String offenceName, long count) {
    }

    record BySite(String siteName, long count) {
    }

    record ByDay(String day, long count) {
    }

    record Collection(String day, long amountPkr, long payments) {
    }

    record Throughput(String reviewer, long approved, long rejected) {
    }

    record Totals(long violations, long challans, long paid, long collectedPkr, long outstandingPkr) {
    }

    public record Report(List<ByOffence> byOffence, List<BySite> bySite, List<ByDay> byDay, List<Collection> collection, double contestRate,
                  List<Throughput> reviewerThroughput, Totals totals) {
    }

    public Report report(Instant from, Instant to, String city) {
        var params = new ArrayList<Object>(List.of(ts(from), ts(to)));
        String cityClause = "";
        if (city != null) {
            cityClause = " and city_code = ?";
            params.add(city);
        }
        String challans = " from traffic.challan where observed_at >= ? and observed_at < ?" + cityClause;
        String violations = " from traffic.violation where observed_at >= ? and observed_at < ?" + cityClause;
        var byOffence = jdbc.sql("select offence, min(offence_name) as name, count(*) as n" + challans + " group by offence order by n desc")
            .params(params).query((rs, n) -> new ByOffence(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        var bySite = jdbc.sql("select coalesce(site_name, '(unknown)'), count(*) as n" + challans + " group by 1 order by n desc limit 50")
            .params(params).query((rs, n) -> new BySite(rs.getString(1), rs.getLong(2))).list();
        var byDay = jdbc.sql("select to_char(observed_at at time zone 'Asia/Karachi', 'YYYY-MM-DD') as d, count(*)" + challans
                + " group by d order by d")
            .params(params).query((rs, n) -> new ByDay(rs.getString(1), rs.getLong(2))).list();
        var collection = jdbc.sql("""
                select to_char(p.paid_at at time zone 'Asia/Karachi', 'YYYY-MM-DD') as d, sum(p.amount_pkr), count(*)
                from traffic.payment p join traffic.challan c on c.number = p.challan_number
                where p.paid_at >= ? and p.paid_at < ?""" + cityClause.replace("city_code", "c.city_code") + " group by d order by d")
            .params(params).query((rs, n) -> new Collection(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        long issued = jdbc.sql("select count(*)" + challans).params(params).query(Long.class).single();
        long contested = jdbc.sql("select count(distinct challan_number) from traffic.contest where challan_number in (select number"
            + challans + ")").params(params).query(Long.class).single();
        var throughput = jdbc.sql("""
                select s.by_whom, count(*) filter (where s.what = 'APPROVED' or s.what = 'FIRST_APPROVAL'),
                  count(*) filter (where s.what = 'REJECTED')
                from traffic.violation_step s join traffic.violation v on v.id = s.violation_id
                where s.at >= ? and s.at < ? and s.what in ('APPROVED', 'FIRST_APPROVAL', 'REJECTED')"""
                + cityClause.replace("city_code", "v.city_code") + " group by s.by_whom order by 2 desc")
            .params(params).query((rs, n) -> new Throughput(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        long violationCount = jdbc.sql("select count(*)" + violations).params(params).query(Long.class).single();
        long paid = jdbc.sql("select count(*)" + challans + " and status = 'PAID'").params(params).query(Long.class).single();
        long collected = jdbc.sql("select coalesce(sum(paid_pkr), 0)" + challans + " and status = 'PAID'").params(params)
            .query(Long.class).single();
        long outstanding = jdbc.sql("select coalesce(sum(fine_pkr), 0)" + challans + " and status in ('ISSUED', 'NO_OWNER', 'CONTESTED')")
            .params(params).query(Long.class).single();
        return new Report(byOffence, bySite, byDay, collection, issued == 0 ? 0.0 : (double) contested / issued, throughput,
            new Totals(violationCount, issued, paid, collected, outstanding));
    }
}
