/**
 * Commercial premises under the Safe Cities Authority Act (banks, plazas, hotels, petrol stations,
 * hospitals, schools, markets, marriage halls, factories): the register, what the Act requires of each
 * category, and each premises' compliance, computed from its cameras (registry cameras carrying the
 * premises' id as their partner id, read through {@link org.safecity.registry.PartnerCameras}) and
 * what SafeCity observed of them ({@link org.safecity.registry.CameraPresence}). A partner account's
 * partner id is its premises' id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commercial premises under the Act")
package org.safecity.partners;
