package org.safecity.partners.internal.premises;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.safecity.identity.Places;
import org.safecity.shared.Cnic;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;

/**
 * What makes a premises acceptable: a name, a category the Act names, exactly one owner number (CNIC
 * or NTN), an address, a known city and zone, a position, a licence number, and the day the Act applies.
 */
public final class PremisesRules {

    private static final Pattern NTN = Pattern.compile("\\d{7}-?\\d");
    private static final Pattern LICENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/ ._-]{1,59}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{6,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");

    private PremisesRules() {
    }

    /** The outcome of checking: a draft ready to store, or every problem with the input. */
    public record Checked(PremisesDraft draft, List<FieldError> errors) {
        public PremisesDraft orThrow() {
            if (draft == null) {
                throw new InvalidInput(errors);
            }
            return draft;
        }
    }

    /** @param fallback the registration when the input names none */
    public static Checked check(PremisesInput in, Set<String> categories, Places places, Registration fallback) {
        List<FieldError> errors = new ArrayList<>();
        String name = required("name", in.name(), 200, errors);
        String category = in.category() == null ? null : in.category().strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (category == null || category.isEmpty()) {
            errors.add(new FieldError("category", "is required: one of " + String.join(", ", categories.stream().sorted().toList())));
        } else if (!categories.contains(category)) {
            errors.add(new FieldError("category", "must be one of " + String.join(", ", categories.stream().sorted().toList())
                + ", not '" + category + "'"));
        }
        Premises.Owner owner = owner(in.ownerCnic(), in.ownerNtn(), errors);
        String address = required("address", in.address(), 300, errors);
        String city = in.cityCode() == null ? "" : in.cityCode().strip().toUpperCase(Locale.ROOT);
        String zone = in.zoneCode() == null || in.zoneCode().isBlank() ? null : in.zoneCode().strip().toUpperCase(Locale.ROOT);
        if (city.isEmpty()) {
            errors.add(new FieldError("cityCode", "is required: a city code such as PSH"));
        } else if (!places.isCity(city)) {
            errors.add(new FieldError("cityCode", "is not a city of the province: '" + city + "'"));
        } else if (zone != null && !places.isZone(city, zone)) {
            errors.add(new FieldError("zoneCode", "is not a police station area of " + city + " in service: '" + zone + "'"));
        }
        GeoPoint location = null;
        if (in.lat() == null || in.lon() == null) {
            errors.add(new FieldError(in.lat() == null ? "lat" : "lon", "is required: the premises' position in decimal degrees"));
        } else {
            try {
                location = new GeoPoint(in.lat(), in.lon());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("lat", "and lon must be a position on Earth: " + e.getMessage()));
            }
        }
        String licence = in.licenceNumber() == null ? "" : in.licenceNumber().strip();
        if (licence.isEmpty()) {
            errors.add(new FieldError("licenceNumber", "is required: the trade licence or registration number"));
        } else if (!LICENCE.matcher(licence).matches()) {
            errors.add(new FieldError("licenceNumber", "must be 2 to 60 letters, digits, spaces or / . _ -"));
        }
        String phone = optional(in.contactPhone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("contactPhone", "must be a telephone number such as +92 91 1234567"));
        }
        String email = optional(in.contactEmail());
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("contactEmail", "must be an e-mail address such as manager@example.pk"));
        }
        String contactName = optional(in.contactName());
        if (contactName != null && contactName.length() > 200) {
            errors.add(new FieldError("contactName", "must be at most 200 characters"));
        }
        LocalDate applies = null;
        if (in.actAppliesFrom() == null || in.actAppliesFrom().isBlank()) {
            errors.add(new FieldError("actAppliesFrom", "is required: the day from which the Act applies, e.g. 2026-01-31"));
        } else {
            try {
                applies = LocalDate.parse(in.actAppliesFrom().strip());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("actAppliesFrom", "must be a day written 2026-01-31, not '" + in.actAppliesFrom().strip() + "'"));
            }
        }
        Registration registration = fallback;
        if (in.registration() != null && !in.registration().isBlank()) {
            String given = in.registration().strip().toUpperCase(Locale.ROOT);
            if (given.equals("REGISTERED") || given.equals("LISTED")) {
                registration = Registration.valueOf(given);
            } else {
                errors.add(new FieldError("registration", "must be REGISTERED or LISTED, not '" + given + "'"));
            }
        }
        if (!errors.isEmpty()) {
            return new Checked(null, List.copyOf(errors));
        }
        return new Checked(new PremisesDraft(name, category, owner, address, city, zone, location, licence,
            new Premises.Contact(contactName, phone, email), applies, registration), List.of());
    }

    private static Premises.Owner owner(String cnic, String ntn, List<FieldError> errors) {
        boolean hasCnic = cnic != null && !cnic.isBlank();
        boolean hasNtn = ntn != null && !ntn.isBlank();
        if (hasCnic == hasNtn) {
            errors.add(new FieldError("ownerCnic", hasCnic ? "and ownerNtn are both given: name the owner by one of them"
                : "or ownerNtn is required: the owner's CNIC (12345-1234567-1) or the business's NTN (1234567-8)"));
            return null;
        }
        if (hasCnic) {
            try {
                return new Premises.Owner(Premises.Owner.Kind.CNIC, Cnic.of(cnic).digits());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("ownerCnic", "must be 13 digits, written 12345-1234567-1"));
                return null;
            }
        }
        String stripped = ntn.strip();
        if (!NTN.matcher(stripped).matches()) {
            errors.add(new FieldError("ownerNtn", "must be a National Tax Number of 8 digits, written 1234567-8"));
            return null;
        }
        return new Premises.Owner(Premises.Owner.Kind.NTN, stripped.replace("-", ""));
    }

    private static String required(String field, String text, int max, List<FieldError> errors) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return value;
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
