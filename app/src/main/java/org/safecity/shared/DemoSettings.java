package org.safecity.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether this installation shows the Peshawar demo ({@code SAFECITY_DEMO}): the network, its moving
 * units and street cameras, watchlist, traffic cases, premises and department feeds. The one place its
 * default is set, for every module that adds a part of the demo.
 */
@ConfigurationProperties("safecity")
public record DemoSettings(@DefaultValue("true") boolean demo) {
}
