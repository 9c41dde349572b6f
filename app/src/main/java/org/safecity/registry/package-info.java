/**
 * The camera network and its rollout: cities, phases (budget, deadline, planned against installed),
 * zones (police stations), sites, cameras, and the devices that report for them with their keys.
 * Other modules use {@link org.safecity.registry.CameraDirectory}, read what is observed of each camera
 * (online, offline or unknown, and its uptime) from {@link org.safecity.registry.CameraPresence}, and listen for
 * {@link org.safecity.registry.CameraInstallationChanged}. The cameras commercial premises connected are listed by
 * {@link org.safecity.registry.PartnerCameras}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Camera network and rollout")
package org.safecity.registry;
