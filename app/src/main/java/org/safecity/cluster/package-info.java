/**
 * Several SafeCity instances on one database: which roles this instance plays
 * ({@link org.safecity.cluster.InstanceRoles}), what only one instance of the cluster may do at a time
 * ({@link org.safecity.cluster.ClusterLease}: the sighting writer, each scheduled job), and which
 * instances are alive ({@link org.safecity.cluster.LiveInstances}: recording nodes share the cameras
 * among those).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cluster")
package org.safecity.cluster;
