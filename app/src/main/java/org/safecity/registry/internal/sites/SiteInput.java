package org.safecity.registry.internal.sites;

import java.time.LocalDate;

/**
 * A site as a person sends it, in the API or as a file row, before it is checked.
 *
 * @param city     the city's code ({@code PSH}) or name
 * @param zone     the zone's code within the city, or empty
 * @param status   PLANNED (the default), SURVEYED, INSTALLED or COMMISSIONED
 * @param statusOn the day the status was reached; today when empty
 */
public record SiteInput(String name, String kind, Double lat, Double lon, String city, String zone, Integer phase, String status,
                 LocalDate statusOn) {
}
