package org.safecity.partners.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Commercial premises under the Act ({@code safecity.partners.*}), read by placeholder where each is used.
 *
 * @param silenceAllowed a premises' camera that sends nothing for longer than this makes the premises non-compliant
 * @param uptimeWindow how far back a camera's offline share is measured (the Act: the last 7 days)
 * @param evaluationInterval how often every premises' compliance is evaluated and its changes recorded
 * @param applicationsPerHour applications through the partner portal allowed per client address and hour
 * @param noticeDeadline how long a premises has to remedy a notice of non-compliance before it is escalated
 * @param escalationInterval how often notices past their deadline are escalated
 * @param complianceOfficeEmail the compliance staff's address told of each escalated notice (through the outbox); unset: none
 * @param viewOnlyCheckInterval how often each view-only partner camera's stream is probed
 * @param viewOnlyChecksAtOnce how many view-only cameras are probed at once
 * @param addresses where partners' camera and device addresses may point
 */
@ConfigurationProperties("safecity.partners")
record PartnersSettings(@DefaultValue("PT15M") Duration silenceAllowed,
                        @DefaultValue("P7D") Duration uptimeWindow,
                        @DefaultValue("PT1M") Duration evaluationInterval,
                        @DefaultValue("5") int applicationsPerHour,
                        @DefaultValue("P14D") Duration noticeDeadline,
                        @DefaultValue("PT5M") Duration escalationInterval,
                        String complianceOfficeEmail,
                        @DefaultValue("PT5M") Duration viewOnlyCheckInterval,
                        @DefaultValue("2") int viewOnlyChecksAtOnce,
                        @DefaultValue Addresses addresses) {

    /**
     * @param allowed networks (CIDR, comma-separated) fetched from although a rule refuses them, e.g. a partners' VPN range
     * @param denied the Authority's own networks, never fetched from on a manager's word (loopback, link-local and
     *               metadata addresses are refused besides)
     */
    record Addresses(String allowed, String denied) {
    }
}
