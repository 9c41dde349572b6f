package org.safecity.records.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Department feeds ({@code safecity.records.*}), read by placeholder in {@link PullingSources} and
 * {@link KeepingForRetention}.
 *
 * @param pullMaxBytes the largest answer a department's endpoint may give one pull, in bytes
 * @param pullCheck how often sources due for a pull are looked for
 * @param retentionInterval how often records past their source's retention are deleted
 */
@ConfigurationProperties("safecity.records")
record RecordsSettings(@DefaultValue("67108864") long pullMaxBytes,
                       @DefaultValue("PT1M") Duration pullCheck,
                       @DefaultValue("PT6H") Duration retentionInterval) {
}
