package org.safecity.evidence.internal.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.safecity.identity.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cases and their teams in {@code evidence.case_file} and {@code evidence.case_member}. */
@Repository
public class CaseStore {

    private static final String COLUMNS =
        "id, fir_number, police_station, offence, status, investigating_officer_id, investigating_officer_name, opened_at, city_code, zone_code";
    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean firExists(String policeStation, String firNumber) {
        return jdbc.sql("select count(*) from evidence.case_file where lower(police_station) = lower(?) and lower(fir_number) = lower(?)")
            .params(policeStation, firNumber).query(Long.class).single() > 0;
    }

    void insert(CaseFile file) {
        jdbc.sql("insert into evidence.case_file (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(file.id(), file.firNumber(), file.policeStation(), file.offence(), file.status().name(),
                file.investigatingOfficerId(), file.investigatingOfficer(), Timestamp.from(file.openedAt()), file.cityCode(),
                file.zoneCode())
            .update();
    }

    public Optional<CaseFile> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from evidence.case_file where id = ?").param(id)
            .query((rs, row) -> map(rs)).optional();
    }

    /**
     * The cases this person is on and, for a supervisor ({@code supervised} not null), every case opened
     * within that jurisdiction; newest first.
     */
    List<CaseFile> visibleTo(long accountId, Jurisdiction supervised, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + """
                 from evidence.case_file
                where (:supervisor and (cast(:city as text) is null or city_code = :city)
                                   and (cast(:zone as text) is null or zone_code = :zone))
                   or investigating_officer_id = :account
                   or id in (select case_id from evidence.case_member where account_id = :account)
                order by opened_at desc limit :limit offset :offset""")
            .param("supervisor", supervised != null).param("city", supervised == null ? null : supervised.cityCode())
            .param("zone", supervised == null ? null : supervised.zoneCode()).param("account", accountId)
            .param("limit", limit).param("offset", offset)
            .query((rs, row) -> map(rs)).list();
    }

    void changeStatus(UUID id, CaseStatus status) {
        jdbc.sql("update evidence.case_file set status = ? where id = ?").params(status.name(), id).update();
    }

    void addMember(UUID caseId, long accountId, String name, Instant at, String by) {
        jdbc.sql("""
                insert into evidence.case_member (case_id, account_id, name, added_at, added_by) values (?, ?, ?, ?, ?)
                on conflict do nothing""")
            .params(caseId, accountId, name, Timestamp.from(at), by).update();
    }

    boolean removeMember(UUID caseId, long accountId) {
        return jdbc.sql("delete from evidence.case_member where case_id = ? and account_id = ?").params(caseId, accountId).update() > 0;
    }

    private CaseFile map(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        var members = jdbc.sql("select account_id, name, added_at, added_by from evidence.case_member where case_id = ? order by added_at")
            .param(id).query((m, row) -> new CaseFile.Member(m.getLong(1), m.getString(2), m.getTimestamp(3).toInstant(), m.getString(4)))
            .list();
        return new CaseFile(id, rs.getString("fir_number"), rs.getString("police_station"), rs.getString("offence"),
            CaseStatus.valueOf(rs.getString("status")), rs.getLong("investigating_officer_id"),
            rs.getString("investigating_officer_name"), rs.getTimestamp("opened_at").toInstant(), rs.getString("city_code"),
            rs.getString("zone_code"), members);
    }
}
