package org.safecity.anchors.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Anchoring ({@code safecity.anchors.*}).
 *
 * @param interval how often every log is sealed and its head anchored (only when it moved): the most
 *     of the newest history that could be removed unnoticed
 * @param tsaUrl an RFC 3161 time-stamping authority that also vouches for each anchor; empty = none
 * @param tsaTimeout how long to wait for the TSA; the anchor is kept without a time-stamp if it does not answer
 */
@ConfigurationProperties("safecity.anchors")
record AnchorSettings(@DefaultValue("PT1M") Duration interval, URI tsaUrl, @DefaultValue("10s") Duration tsaTimeout) {
}
