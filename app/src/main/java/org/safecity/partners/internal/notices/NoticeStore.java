package org.safecity.partners.internal.notices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safecity.partners.internal.premises.PremisesStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notices to premises, their penalties, and the penalty schedule ({@code partners.notice}, {@code .penalty}, {@code .penalty_rate}). */
@Repository
class NoticeStore {

    private static final String SELECT = """
        select n.*, p.name as premises_name, p.category, p.city_code, p.zone_code,
               k.amount_pkr, k.rate_from, k.demonstration, k.reason, k.imposed_at, k.imposed_by
        from partners.notice n join partners.premises p on p.id = n.premises_id
        left join partners.penalty k on k.notice_id = n.id""";

    private final JdbcClient jdbc;

    NoticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A rate of the penalty schedule: a category's amount from a day on. */
    record Rate(String category, LocalDate effectiveFrom, long amountPkr, boolean demonstration) {
    }

    /**
     * Issues a notice unless the premises already has one open or escalated; the notice that stands
     * either way. Called with the premises' row locked.
     */
    Notice issue(long premisesId, Instant at, Instant deadline, String reasonsJson) {
        var standing = openOf(premisesId);
        if (standing.isPresent()) {
            return standing.get();
        }
        long sequence = jdbc.sql("select count(*) + 1 from partners.notice where premises_id = ?").param(premisesId).query(Long.class).single();
        jdbc.sql("""
                insert into partners.notice (number, premises_id, issued_at, deadline, reasons, status)
                values (?, ?, ?, ?, ?::jsonb, 'OPEN') on conflict do nothing""")
            .params("PN-" + premisesId + "-" + sequence, premisesId, Timestamp.from(at), Timestamp.from(deadline), reasonsJson).update();
        return openOf(premisesId).orElseThrow();
    }

    Optional<Notice> openOf(long premisesId) {
        return jdbc.sql(SELECT + " where n.premises_id = ? and n.status in ('OPEN', 'ESCALATED')").param(premisesId)
            .query(NoticeStore::notice).optional();
    }

    /** Closes the premises' open or escalated notice as remedied; the number closed, if any. */
    Optional<String> remedy(long premisesId, Instant at) {
        return jdbc.sql("""
                update partners.notice set status = 'REMEDIED', closed_at = ?
                where premises_id = ? and status in ('OPEN', 'ESCALATED') returning number""")
            .params(Timestamp.from(at), premisesId).query(String.class).optional();
    }

    /** Escalates every open notice past its deadline; the notices escalated (each once, whoever runs it). */
    List<String> escalateDue(Instant now) {
        return jdbc.sql("""
                update partners.notice set status = 'ESCALATED', escalated_at = ?
                where status = 'OPEN' and deadline < ? returning number""")
            .params(Timestamp.from(now), Timestamp.from(now)).query(String.class).list();
    }

    Optional<Notice> find(String number) {
        return jdbc.sql(SELECT + " where n.number = ?").param(number).query(NoticeStore::notice).optional();
    }

    /** Notices the scope reaches, newest first; {@code overdue} only those past their deadline and not remedied. */
    List<Notice> list(PremisesStore.Scope scope, Notice.Status status, boolean overdue, Instant now, int limit, long offset) {
        var premisesWhere = PremisesStore.where(new PremisesStore.Query(null, null, null, null), scope);
        var conditions = new ArrayList<String>();
        var params = new ArrayList<Object>(premisesWhere.params());
        if (!premisesWhere.sql().isEmpty()) {
            conditions.add(premisesWhere.sql().substring(" where ".length()));
        }
        if (status != null) {
            conditions.add("n.status = ?");
            params.add(status.name());
        }
        if (overdue) {
            conditions.add("n.status <> 'REMEDIED' and n.deadline < ?");
            params.add(Timestamp.from(now));
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(SELECT + where + " order by n.issued_at desc, n.id desc limit ? offset ?").params(params)
            .query(NoticeStore::notice).list();
    }

    /** The rate of the category in force on {@code day}: the row with the latest day not after it. */
    Optional<Rate> rate(String category, LocalDate day) {
        return jdbc.sql("""
                select * from partners.penalty_rate where category = ? and effective_from <= ?
                order by effective_from desc limit 1""")
            .params(category, day).query((rs, n) -> new Rate(rs.getString("category"), rs.getObject("effective_from", LocalDate.class),
                rs.getLong("amount_pkr"), rs.getBoolean("demonstration"))).optional();
    }

    List<Rate> rates() {
        return jdbc.sql("select * from partners.penalty_rate order by category, effective_from")
            .query((rs, n) -> new Rate(rs.getString("category"), rs.getObject("effective_from", LocalDate.class),
                rs.getLong("amount_pkr"), rs.getBoolean("demonstration"))).list();
    }

    /** Imposes the penalty unless the notice has one; false when it already had one (left as it was). */
    boolean impose(long noticeId, Rate rate, String reason, Instant at, String by) {
        return jdbc.sql("""
                insert into partners.penalty (notice_id, amount_pkr, rate_from, demonstration, reason, imposed_at, imposed_by)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (notice_id) do nothing""")
            .params(noticeId, rate.amountPkr(), rate.effectiveFrom(), rate.demonstration(), reason, Timestamp.from(at), by).update() == 1;
    }

    private static Notice notice(ResultSet rs, int n) throws SQLException {
        Notice.Penalty penalty = rs.getTimestamp("imposed_at") == null ? null
            : new Notice.Penalty(rs.getLong("amount_pkr"), rs.getObject("rate_from", LocalDate.class), rs.getBoolean("demonstration"),
                rs.getString("reason"), rs.getTimestamp("imposed_at").toInstant(), rs.getString("imposed_by"));
        return new Notice(rs.getLong("id"), rs.getString("number"), rs.getLong("premises_id"), rs.getString("premises_name"),
            rs.getString("category"), rs.getString("city_code"), rs.getString("zone_code"), rs.getTimestamp("issued_at").toInstant(),
            rs.getTimestamp("deadline").toInstant(), rs.getString("reasons"), Notice.Status.valueOf(rs.getString("status")),
            instant(rs, "escalated_at"), instant(rs, "closed_at"), penalty);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
