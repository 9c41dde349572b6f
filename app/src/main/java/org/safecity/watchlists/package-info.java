/**
 * Hotlists of vehicles and persons (stolen, wanted, unpaid challans, wanted persons, custom), their
 * entries and CSV imports, and the matching of every accepted detection against them. A match is
 * published as {@link org.safecity.watchlists.WatchlistHit}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Watchlists and matching")
package org.safecity.watchlists;
