package org.safecity.partners.internal.premises;

import io.swagger.v3.oas.annotations.media.Schema;

/** A premises as a person or a CSV row sends it; checked by {@link PremisesRules}. */
@Schema(description = "A commercial premises. ownerCnic or ownerNtn names the owner; actAppliesFrom is a day (2026-01-31).")
public record PremisesInput(String name, String category, String ownerCnic, String ownerNtn, String address, String cityCode,
                     String zoneCode, Double lat, Double lon, String licenceNumber, String contactName, String contactPhone,
                     String contactEmail, String actAppliesFrom,
                     @Schema(description = "REGISTERED (default) or LISTED for a premises known but not yet registered") String registration) {
}
