package org.safecity.registry.internal;

/** A site's way through the rollout; it only moves forward (see {@link SiteProgressPolicy}). */
enum SiteStatus {
    PLANNED, SURVEYED, INSTALLED, COMMISSIONED
}
