package org.safecity.partners.internal.premises;

import java.time.LocalDate;
import org.safecity.shared.GeoPoint;

/** A premises that passed {@link PremisesRules}, ready to store. */
public record PremisesDraft(String name, String category, Premises.Owner owner, String address, String cityCode, String zoneCode,
                     GeoPoint location, String licenceNumber, Premises.Contact contact, LocalDate actAppliesFrom,
                     Registration registration) {
}
