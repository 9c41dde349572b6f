package org.safecity.cluster;

import org.springframework.stereotype.Component;

/**
 * Whether a scheduled job runs on this instance: only where the scheduled role is played, and then on
 * one instance of the cluster, the one holding the job's lease. Every instance's scheduler fires the job;
 * each asks {@link #mine} first and goes on only if it answers true. The first to ask keeps the job
 * until it dies; the next run on another instance then takes it over.
 */
@Component
public class OncePerCluster {

    private final InstanceRoles roles;
    private final ClusterLease lease;

    public OncePerCluster(InstanceRoles roles, ClusterLease lease) {
        this.roles = roles;
        this.lease = lease;
    }

    public boolean mine(String job) {
        return roles.has(Role.SCHEDULED) && lease.take("job " + job);
    }
}
