package org.safecity.alerts.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert timing ({@code safecity.alerts.*}).
 *
 * @param repeatWindow a repeat of the same plate, list and camera within this raises the count of the open alert
 * @param acknowledgeHigh a HIGH alert nobody acknowledged within this is escalated to supervisors
 * @param acknowledgeMedium the same for MEDIUM
 * @param acknowledgeLow the same for LOW
 * @param streamTimeout a live feed connection is closed after this; the console reconnects with Last-Event-ID
 * @param overdueCheck how often unacknowledged alerts are looked at for escalation
 */
@ConfigurationProperties("safecity.alerts")
record AlertSettings(@DefaultValue("5m") Duration repeatWindow,
                     @DefaultValue("2m") Duration acknowledgeHigh,
                     @DefaultValue("10m") Duration acknowledgeMedium,
                     @DefaultValue("30m") Duration acknowledgeLow,
                     @DefaultValue("30m") Duration streamTimeout,
                     @DefaultValue("1s") Duration overdueCheck) {

    Duration acknowledgeWithin(org.safecity.alerts.AlertPriority priority) {
        return switch (priority) {
            case HIGH -> acknowledgeHigh;
            case MEDIUM -> acknowledgeMedium;
            case LOW -> acknowledgeLow;
        };
    }
}
