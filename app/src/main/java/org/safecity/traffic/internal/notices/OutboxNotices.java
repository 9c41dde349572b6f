package org.safecity.traffic.internal.notices;

import static org.safecity.traffic.internal.rules.RuleStore.instant;
import static org.safecity.traffic.internal.rules.RuleStore.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.PageOf;
import org.safecity.shared.PageRequest;
import org.safecity.traffic.OutgoingMessages;
import org.safecity.traffic.internal.challans.ChallanStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The default {@link NoticeGateway} and {@link OutgoingMessages}: messages wait as QUEUED in {@code traffic.outbox}
 * until a gateway or the operator sends them.
 */
@Component
public class OutboxNotices implements NoticeGateway, OutgoingMessages {

    private final JdbcClient jdbc;
    private final ChallanStore challans;
    private final Clock clock;

    OutboxNotices(JdbcClient jdbc, ChallanStore challans, Clock clock) {
        this.jdbc = jdbc;
        this.challans = challans;
        this.clock = clock;
    }

    /** One message: about a challan ({@code challanNumber}) or about something else ({@code reference}). */
    record Message(long id, String channel, String to, String challanNumber, String reference, String body, String status,
                   Instant createdAt, Instant sentAt) {
    }

    @Override
    public void send(NoticeGateway.Channel channel, String to, String challanNumber, String body) {
        jdbc.sql("insert into traffic.outbox (channel, recipient, challan_number, body, created_at) values (?, ?, ?, ?, ?)")
            .params(channel.name(), to, challanNumber, body, ts(clock.instant())).update();
    }

    @Override
    public void send(OutgoingMessages.Channel channel, String to, String reference, Jurisdiction place, String body) {
        jdbc.sql("""
                insert into traffic.outbox (channel, recipient, reference, city_code, zone_code, body, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (reference, channel) where reference is not null do nothing""")
            .params(channel.name(), to, reference, place.cityCode(), place.zoneCode(), body, ts(clock.instant())).update();
    }

    /**
     * Records what became of a message the operator (or a gateway) sent, and only then is its challan
     * "notified" (or its notice failed); false when there is no such message. Reporting the same outcome
     * again changes nothing.
     */
    @Transactional
    public boolean delivered(long id, boolean sent) {
        String outcome = sent ? "SENT" : "FAILED";
        var message = jdbc.sql("select channel, challan_number, status from traffic.outbox where id = ? for update").param(id)
            .query((rs, n) -> new String[] {rs.getString("channel"), rs.getString("challan_number"), rs.getString("status")}).optional();
        if (message.isEmpty()) {
            return false;
        }
        if (message.get()[2].equals(outcome)) {
            return true;
        }
        Instant now = clock.instant();
        jdbc.sql("update traffic.outbox set status = ?, sent_at = ? where id = ?").params(outcome, sent ? ts(now) : null, id).update();
        if (message.get()[1] == null) {
            return true; // not about a challan: the outbox's status is the whole record
        }
        String channel = message.get()[0].equals(NoticeGateway.Channel.SMS.name()) ? "SMS" : "e-mail";
        challans.step(message.get()[1], now, sent ? "NOTIFIED" : "NOTICE_FAILED", "gateway",
            sent ? channel + " sent" : channel + " could not be delivered");
        return true;
    }

    /** Where the notification's challan lies, if there is such a notification. */
    public Optional<Jurisdiction> place(long id) {
        return jdbc.sql("""
                select coalesce(c.city_code, o.city_code), coalesce(c.zone_code, o.zone_code)
                from traffic.outbox o left join traffic.challan c on c.number = o.challan_number
                where o.id = ?""")
            .param(id).query((rs, n) -> rs.getString(1) == null ? Jurisdiction.PROVINCE
                : new Jurisdiction(rs.getString(1), rs.getString(2))).optional();
    }

    public PageOf<Message> list(String cityCode, PageRequest page) {
        String scope = cityCode == null ? ""
            : " where (o.challan_number in (select number from traffic.challan where city_code = ?) or o.city_code = ?)";
        var params = cityCode == null ? java.util.List.of() : java.util.List.<Object>of(cityCode, cityCode);
        long total = jdbc.sql("select count(*) from traffic.outbox o" + scope).params(params).query(Long.class).single();
        var pageParams = new java.util.ArrayList<Object>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        var items = jdbc.sql("select * from traffic.outbox o" + scope + " order by id desc limit ? offset ?").params(pageParams)
            .query((rs, n) -> new Message(rs.getLong("id"), rs.getString("channel"), rs.getString("recipient"),
                rs.getString("challan_number"), rs.getString("reference"), rs.getString("body"), rs.getString("status"), instant(rs, "created_at"),
                instant(rs, "sent_at"))).list();
        return new PageOf<>(items, page.page(), page.size(), total);
    }
}
