package org.safecity.traffic.internal.challans;

import static org.safecity.traffic.internal.rules.RuleStore.ts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.safecity.cluster.OncePerCluster;
import org.safecity.shared.TimeConfiguration;
import org.safecity.traffic.UnpaidChallansCleared;
import org.safecity.traffic.UnpaidChallansExceeded;
import org.safecity.traffic.internal.TrafficSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts each vehicle's unpaid overdue challans: above the limit it is announced for the unpaid-challans
 * watchlist, back within it (paid, cancelled) it is announced cleared. Runs on a schedule, since a
 * challan becomes overdue by the calendar alone, and after each payment.
 */
@Component
public class WatchingUnpaidChallans {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TrafficSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ChallanStore challans;

    private final OncePerCluster oncePerCluster;

    WatchingUnpaidChallans(JdbcClient jdbc, ApplicationEventPublisher events, TrafficSettings settings,
                           TransactionTemplate transactions, Clock clock, ChallanStore challans, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.jdbc = jdbc;
        this.challans = challans;
        this.events = events;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${safecity.traffic.unpaid-check}", initialDelayString = "60s")
    void everyVehicle() {
        if (!oncePerCluster.mine("traffic unpaid-challans")) {
            return; // another instance of the cluster runs it
        }
        markOverdue();
        List<String> plates = jdbc.sql("""
                select plate from traffic.challan where status = 'ISSUED' and due_date < ? group by plate having count(*) > ?
                union select plate from traffic.unpaid_listed""")
            .params(today(), settings.unpaidLimit()).query(String.class).list();
        for (String plate : plates) {
            transactions.executeWithoutResult(status -> review(plate));
        }
    }

    /** Writes, once per due date, the step that a challan became overdue and the surcharge ({@link Challan}'s) that now applies. */
    int markOverdue() {
        LocalDate today = today();
        var overdue = jdbc.sql("""
                select * from traffic.challan c where c.status = 'ISSUED' and c.due_date < ?
                  and not exists (select 1 from traffic.challan_step s where s.challan_number = c.number and s.what = 'OVERDUE'
                                    and s.note like 'not paid by ' || c.due_date || ':%')""")
            .param(today).query(ChallanStore::challan).list();
        for (Challan c : overdue) {
            challans.step(c.number(), clock.instant(), "OVERDUE", "system",
                "not paid by " + c.dueDate() + ": late surcharge Rs " + c.surchargeOn(today, settings));
        }
        return overdue.size();
    }

    /** Announces the plate listed or cleared if its count crossed the limit; in the caller's transaction. */
    @Transactional
    public void review(String plate) {
        LocalDate today = today();
        int overdue = jdbc.sql("select count(*) from traffic.challan where plate = ? and status = 'ISSUED' and due_date < ?")
            .params(plate, today).query(Integer.class).single();
        boolean listed = jdbc.sql("select exists (select 1 from traffic.unpaid_listed where plate = ?)").param(plate)
            .query(Boolean.class).single();
        if (overdue > settings.unpaidLimit() && !listed) {
            String city = jdbc.sql("""
                    select city_code from traffic.challan where plate = ? and status = 'ISSUED' and due_date < ?
                    order by observed_at desc limit 1""").params(plate, today).query(String.class).optional().orElse(null);
            jdbc.sql("insert into traffic.unpaid_listed (plate, listed_at) values (?, ?)").params(plate, ts(clock.instant())).update();
            events.publishEvent(new UnpaidChallansExceeded(plate, city, overdue,
                overdue + " unpaid overdue challans (limit " + settings.unpaidLimit() + ")"));
        } else if (overdue <= settings.unpaidLimit() && listed) {
            jdbc.sql("delete from traffic.unpaid_listed where plate = ?").param(plate).update();
            events.publishEvent(new UnpaidChallansCleared(plate));
        }
    }

    private LocalDate today() {
        return clock.instant().atZone(TimeConfiguration.DISPLAY_ZONE).toLocalDate();
    }
}
