/**
 * The camera network and its rollout: cities, phases (budget, deadline, planned against installed),
 * zones (police stations), sites, cameras, and the devices that report for them with their keys.
 * Other modules use {@link org.safecity.registry.CameraDirectory} and listen for
 * {@link org.safecity.registry.CameraStatusChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Camera network and rollout")
package org.safecity.registry;
