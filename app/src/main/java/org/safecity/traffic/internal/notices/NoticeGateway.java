package org.safecity.traffic.internal.notices;

/**
 * Where challan notifications go: an SMS or e-mail gateway in production; by default the outbox table
 * the operator reads ({@link OutboxNotices}), each message with its delivery status.
 */
public interface NoticeGateway {

    enum Channel { SMS, EMAIL }

    /** Hands one message over for delivery, in the caller's transaction. */
    void send(Channel channel, String to, String challanNumber, String body);
}
