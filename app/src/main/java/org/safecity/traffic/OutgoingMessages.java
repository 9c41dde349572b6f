package org.safecity.traffic;

import org.safecity.identity.Jurisdiction;

/**
 * Messages to people outside SafeCity (SMS, e-mail) about something other than a challan, queued in the
 * same notification outbox as challan notices: one gateway and one operator's page serve every notice.
 */
public interface OutgoingMessages {

    enum Channel { SMS, EMAIL }

    /**
     * Queues one message about {@code reference} (e.g. a notice's number) to {@code to}, in the caller's
     * transaction. Once per reference and channel: sending the same again changes nothing, so a retried
     * caller never sends twice. {@code place} limits who reads and reports the message.
     */
    void send(Channel channel, String to, String reference, Jurisdiction place, String body);
}
