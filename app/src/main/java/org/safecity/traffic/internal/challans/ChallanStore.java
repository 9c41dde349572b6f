package org.safecity.traffic.internal.challans;

import static org.safecity.traffic.internal.rules.RuleStore.instant;
import static org.safecity.traffic.internal.rules.RuleStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.PageOf;
import org.safecity.shared.PageRequest;
import org.safecity.shared.Placement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.safecity.storage.Where;

/** Challans, their history, payments and contests. */
@Repository
public class ChallanStore {

    private final JdbcClient jdbc;

    ChallanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Step(Instant at, String what, String by, String note) {
    }

    public record Payment(String bankTransactionId, String challanNumber, String paymentReference, long amountPkr, Instant paidAt,
                   String bodySha256, Instant receivedAt) {
    }

    public record Contest(long id, String challanNumber, String statement, Instant submittedAt, String status, Instant decidedAt,
                   String decidedBy, String reason) {
    }

    record Filter(String plate, String status, String city, Instant from, Instant to) {
    }

    /** The next number of a city's year: {@code PSH-2026-000123}. */
    String nextNumber(String cityCode, int year) {
        long next = jdbc.sql("""
                insert into traffic.challan_sequence (city_code, year, last) values (?, ?, 1)
                on conflict (city_code, year) do update set last = traffic.challan_sequence.last + 1 returning last""")
            .params(cityCode, year).query(Long.class).single();
        return String.format("%s-%d-%06d", cityCode, year, next);
    }

    long nextReferenceSerial() {
        return jdbc.sql("select nextval('traffic.payment_reference_seq')").query(Long.class).single();
    }

    public void insert(Challan c) {
        jdbc.sql("""
                insert into traffic.challan (number, violation_id, plate, offence, offence_name, vehicle_class, fine_pkr, observed_at,
                  issued_at, due_date, status, payment_reference, owner_name, owner_cnic, owner_phone, owner_email, city_code, zone_code,
                  camera_id, site_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(c.number(), c.violationId(), c.plate(), c.offence(), c.offenceName(), c.vehicleClass(), c.finePkr(),
                ts(c.observedAt()), ts(c.issuedAt()), c.dueDate(), c.status().name(), c.paymentReference(), c.owner().name(),
                c.owner().cnic(), c.owner().phone(), c.owner().email(), c.place().cityCode(), c.place().zoneCode(), c.place().cameraId(), c.place().siteName())
            .update();
    }

    public Optional<Challan> find(String number) {
        return jdbc.sql("select * from traffic.challan where number = ?").param(number).query(ChallanStore::challan).optional();
    }

    Optional<Challan> lock(String number) {
        return jdbc.sql("select * from traffic.challan where number = ? for update").param(number).query(ChallanStore::challan).optional();
    }

    public Optional<Challan> byReference(String reference) {
        return jdbc.sql("select * from traffic.challan where payment_reference = ? for update").param(reference)
            .query(ChallanStore::challan).optional();
    }

    /** The challans of a plate addressed to the owner with this CNIC: both must match. */
    public List<Challan> ofOwner(String plate, String cnic) {
        return jdbc.sql("select * from traffic.challan where plate = ? and owner_cnic = ? order by observed_at desc limit 200")
            .params(plate, cnic).query(ChallanStore::challan).list();
    }

    PageOf<Challan> list(Jurisdiction scope, Filter filter, PageRequest page) {
        return new Where().equal("city_code", "scopeCity", scope.cityCode()).equal("zone_code", "scopeZone", scope.zoneCode())
            .equal("plate", "plate", filter.plate()).equal("status", "status", filter.status()).equal("city_code", "city", filter.city())
            .ifGiven("observed_at >= :from", "from", ts(filter.from())).ifGiven("observed_at < :to", "to", ts(filter.to()))
            .page(jdbc, "*", "from traffic.challan", "issued_at desc, number desc", ChallanStore::challan, page);
    }

    void setStatus(String number, Challan.Status status) {
        jdbc.sql("update traffic.challan set status = ? where number = ?").params(status.name(), number).update();
    }

    void dueAgain(String number, LocalDate dueDate) {
        jdbc.sql("update traffic.challan set status = 'ISSUED', due_date = ? where number = ?").params(dueDate, number).update();
    }

    public void paid(String number, long amountPkr, Instant paidAt) {
        jdbc.sql("update traffic.challan set status = 'PAID', paid_pkr = ?, paid_at = ? where number = ?")
            .params(amountPkr, ts(paidAt), number).update();
    }

    public void step(String number, Instant at, String what, String by, String note) {
        jdbc.sql("insert into traffic.challan_step (challan_number, at, what, by_whom, note) values (?, ?, ?, ?, ?)")
            .params(number, ts(at), what, by, note).update();
    }

    public List<Step> steps(String number) {
        return jdbc.sql("select at, what, by_whom, note from traffic.challan_step where challan_number = ? order by id")
            .param(number).query((rs, n) -> new Step(instant(rs, "at"), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    public Optional<Payment> payment(String bankTransactionId) {
        return jdbc.sql("select * from traffic.payment where bank_transaction_id = ?").param(bankTransactionId)
            .query(ChallanStore::payment).optional();
    }

    public void insert(Payment p) {
        jdbc.sql("""
                insert into traffic.payment (bank_transaction_id, challan_number, payment_reference, amount_pkr, paid_at, body_sha256, received_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
            .params(p.bankTransactionId(), p.challanNumber(), p.paymentReference(), p.amountPkr(), ts(p.paidAt()), p.bodySha256(),
                ts(p.receivedAt())).update();
    }

    public List<Payment> payments(String number) {
        return jdbc.sql("select * from traffic.payment where challan_number = ? order by paid_at").param(number)
            .query(ChallanStore::payment).list();
    }

    /** The payments of challans within {@code scope}, in the time range. */
    public List<Payment> paymentsBetween(Instant from, Instant to, Jurisdiction scope) {
        return jdbc.sql("""
                select p.* from traffic.payment p join traffic.challan c on c.number = p.challan_number
                where p.paid_at >= :from and p.paid_at < :to
                  and (cast(:city as text) is null or (c.city_code = :city and (cast(:zone as text) is null or c.zone_code = :zone)))
                order by p.paid_at""")
            .param("from", ts(from)).param("to", ts(to)).param("city", scope.cityCode()).param("zone", scope.zoneCode())
            .query(ChallanStore::payment).list();
    }

    long insertContest(String number, String statement, Instant at) {
        return jdbc.sql("insert into traffic.contest (challan_number, statement, submitted_at) values (?, ?, ?) returning id")
            .params(number, statement, ts(at)).query(Long.class).single();
    }

    Optional<Contest> contest(long id) {
        return jdbc.sql("select * from traffic.contest where id = ?").param(id).query(ChallanStore::contest).optional();
    }

    /** The latest contest of a challan, open or decided. */
    public Optional<Contest> latestContest(String number) {
        return jdbc.sql("select * from traffic.contest where challan_number = ? order by id desc limit 1").param(number)
            .query(ChallanStore::contest).optional();
    }

    void decide(long id, String status, String by, String reason, Instant at) {
        jdbc.sql("update traffic.contest set status = ?, decided_by = ?, reason = ?, decided_at = ? where id = ?")
            .params(status, by, reason, ts(at), id).update();
    }

    /** Contests of challans in the jurisdiction, with the challan's plate and offence. */
    PageOf<ContestRow> contests(Jurisdiction scope, String status, PageRequest page) {
        return new Where().equal("k.status", "status", status)
            .equal("c.city_code", "scopeCity", scope.cityCode()).equal("c.zone_code", "scopeZone", scope.zoneCode())
            .page(jdbc, "k.*, c.plate, c.offence_name, c.violation_id, c.city_code, c.zone_code",
                "from traffic.contest k join traffic.challan c on c.number = k.challan_number", "k.submitted_at, k.id",
                (rs, n) -> new ContestRow(contest(rs, n), rs.getString("plate"), rs.getString("offence_name"), rs.getLong("violation_id"),
                    rs.getString("city_code"), rs.getString("zone_code")), page);
    }

    record ContestRow(Contest contest, String plate, String offenceName, long violationId, String cityCode, String zoneCode) {
    }

    static Challan challan(ResultSet rs, int n) throws SQLException {
        return new Challan(rs.getString("number"), rs.getLong("violation_id"), rs.getString("plate"), rs.getString("offence"),
            rs.getString("offence_name"), rs.getString("vehicle_class"), rs.getLong("fine_pkr"), instant(rs, "observed_at"),
            instant(rs, "issued_at"), rs.getObject("due_date", LocalDate.class), Challan.Status.valueOf(rs.getString("status")),
            rs.getString("payment_reference"), new Challan.Owner(rs.getString("owner_name"), rs.getString("owner_cnic"),
                rs.getString("owner_phone"), rs.getString("owner_email")),
            new Placement(rs.getLong("camera_id"), null, rs.getString("site_name"), rs.getString("city_code"), rs.getString("zone_code"), null),
            (Long) rs.getObject("paid_pkr"), instant(rs, "paid_at"));
    }

    private static Payment payment(ResultSet rs, int n) throws SQLException {
        return new Payment(rs.getString("bank_transaction_id"), rs.getString("challan_number"), rs.getString("payment_reference"),
            rs.getLong("amount_pkr"), instant(rs, "paid_at"), rs.getString("body_sha256"), instant(rs, "received_at"));
    }

    private static Contest contest(ResultSet rs, int n) throws SQLException {
        return new Contest(rs.getLong("id"), rs.getString("challan_number"), rs.getString("statement"), instant(rs, "submitted_at"),
            rs.getString("status"), instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("reason"));
    }
}
