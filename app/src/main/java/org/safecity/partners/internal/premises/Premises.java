package org.safecity.partners.internal.premises;

import java.time.Instant;
import java.time.LocalDate;
import org.safecity.identity.Jurisdiction;
import org.safecity.partners.internal.compliance.Compliance;
import org.safecity.shared.GeoPoint;

/**
 * A commercial premises the Act applies to, with its standing as last evaluated.
 *
 * @param owner the owner's CNIC (a person) or NTN (a company), as {@link Owner}
 * @param zoneCode the police station area, null when not known
 * @param actAppliesFrom the day from which the Act's requirements bind this premises
 */
public record Premises(long id, String name, String category, Owner owner, String address, String cityCode, String zoneCode,
                GeoPoint location, String licenceNumber, Contact contact, LocalDate actAppliesFrom, Registration registration,
                Compliance.Status status, String reasonsJson, Instant statusSince, Instant evaluatedAt) {

    public Jurisdiction place() {
        return new Jurisdiction(cityCode, zoneCode);
    }

    /** Who owns the premises: a person by CNIC or a business by its National Tax Number. */
    record Owner(Kind kind, String number) {
        enum Kind { CNIC, NTN }
    }

    public record Contact(String name, String phone, String email) {
    }
}
