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
 */
@ConfigurationProperties("safecity.partners")
record PartnersSettings(@DefaultValue("PT15M") Duration silenceAllowed,
                        @DefaultValue("P7D") Duration uptimeWindow,
                        @DefaultValue("PT1M") Duration evaluationInterval,
                        @DefaultValue("5") int applicationsPerHour,
                        @DefaultValue("P14D") Duration noticeDeadline,
                        @DefaultValue("PT5M") Duration escalationInterval) {
}
