package org.safecity.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this instance takes part in its cluster ({@code safecity.cluster.*}).
 *
 * @param roles what this instance does ({@code SAFECITY_ROLES}, see {@link Role#parse})
 * @param instance this instance's name, unique among the instances on one database ({@code SAFECITY_INSTANCE});
 *                 empty = the host's name. A recording node that comes back under its name gets its cameras back.
 * @param name the cluster: instances on one database with the same name share its leases. Always {@code safecity}
 *             in production; the test suite gives each application context a cluster of its own.
 * @param beatInterval how often an instance says it is alive
 * @param aliveFor an instance not heard from for this long is taken for dead, its cameras recorded by the others
 * @param unfinishedEventsAfter an event whose listener has not finished this long after it was published is taken for
 *                              one its instance died with, and handed to the listener again by one instance of the cluster
 */
@ConfigurationProperties("safecity.cluster")
public record ClusterSettings(@DefaultValue("all") String roles,
                              @DefaultValue("") String instance,
                              @DefaultValue("safecity") String name,
                              @DefaultValue("5s") Duration beatInterval,
                              @DefaultValue("15s") Duration aliveFor,
                              @DefaultValue("1m") Duration unfinishedEventsAfter) {
}
