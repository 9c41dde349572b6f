package org.safecity.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether this installation shows the Peshawar demo ({@code SAFECITY_DEMO}): the network, its moving
 * units and street cameras, watchlist, traffic cases, premises and department feeds. The one place its
 * defaults are set, for every module that adds a part of the demo.
 *
 * @param demo load the Peshawar demo on first start
 * @param demoUnits with the demo: twelve Peshawar units whose AVL a demo feed moves along patrol routes (and to the
 *                  incidents they are sent to)
 * @param demoWatchedPlate with the demo: the plate the demo watchlist holds and the demo street camera shows, so a
 *                         fresh demo raises a watchlist alert within a minute
 */
@ConfigurationProperties("safecity")
public record DemoSettings(@DefaultValue("true") boolean demo,
                           @DefaultValue("true") boolean demoUnits,
                           @DefaultValue("PR 4417") String demoWatchedPlate) {
}
