package org.safecity.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operations map's background. With no tile server the map still draws every city, site and
 * camera on a plain grid, so a control room without map tiles is never blind.
 *
 * @param tileUrl a tile server such as {@code https://tiles.example/{z}/{x}/{y}.png} ({@code SAFECITY_MAP_TILE_URL}), or empty
 * @param tileAttribution the credit the tile server's licence asks for ({@code SAFECITY_MAP_TILE_ATTRIBUTION})
 */
@ConfigurationProperties("safecity.map")
record MapSettings(@DefaultValue("") String tileUrl,
                   @DefaultValue("© OpenStreetMap contributors") String tileAttribution) {
}
