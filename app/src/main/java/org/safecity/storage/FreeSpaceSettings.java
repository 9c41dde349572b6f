package org.safecity.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The room the data disk must keep ({@code SAFECITY_MIN_FREE_SPACE}), read by placeholder in {@link DataDirectory}
 * and {@link DataDiskHealth}.
 *
 * @param minFreeSpace a size ({@code 1GB}) or a share of the disk ({@code 2%}); below it the health check is DOWN and
 *                     SafeCity does not start, saying which disk is full
 */
@ConfigurationProperties("safecity")
record FreeSpaceSettings(@DefaultValue("1GB") String minFreeSpace) {
}
