package org.safecity.traffic.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-challan settings ({@code safecity.traffic.*}); see README.md.
 *
 * @param dueDays days from issue to pay before the late surcharge applies
 * @param lateSurchargePercent surcharge on the fine, in percent, once the due date has passed
 * @param reviewConfidence a reading below this is flagged and never issued automatically, whatever the offence's policy
 * @param duplicateWindow the same plate, offence and site within this is one violation
 * @param unpaidLimit a vehicle with more unpaid overdue challans than this goes onto the unpaid-challans watchlist
 * @param unpaidCheck how often overdue challans are counted
 * @param bankSecret the HMAC-SHA256 secret of payment callbacks; empty = generated once under the data dir
 * @param paymentWindow a callback whose paidAt is further than this from now is refused as stale
 * @param portalRequestsPerMinute public portal requests allowed per client address and minute
 * @param linkValidity how long an evidence or notice link given to a citizen works
 * @param signalMemory a signal phase older than this is not trusted for a plate read
 * @param sectionTime the longest time an average-speed section is followed for one vehicle
 */
@ConfigurationProperties("safecity.traffic")
public record TrafficSettings(@DefaultValue("30") int dueDays,
                       @DefaultValue("20") int lateSurchargePercent,
                       @DefaultValue("0.8") double reviewConfidence,
                       @DefaultValue("10m") Duration duplicateWindow,
                       @DefaultValue("3") int unpaidLimit,
                       @DefaultValue("1h") Duration unpaidCheck,
                       String bankSecret,
                       @DefaultValue("3d") Duration paymentWindow,
                       @DefaultValue("60") int portalRequestsPerMinute,
                       @DefaultValue("1h") Duration linkValidity,
                       @DefaultValue("10m") Duration signalMemory,
                       @DefaultValue("2h") Duration sectionTime) {

    public long surchargeOn(long finePkr) {
        return finePkr * lateSurchargePercent / 100;
    }
}
