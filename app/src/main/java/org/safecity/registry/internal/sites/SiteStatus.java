package org.safecity.registry.internal.sites;

/** A site's way through the rollout; it only moves forward (see {@link SiteProgressPolicy}). */
public enum SiteStatus {
    PLANNED, SURVEYED, INSTALLED, COMMISSIONED
}
