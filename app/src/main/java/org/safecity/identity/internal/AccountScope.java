package org.safecity.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Places;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;

/**
 * The jurisdiction an account is given, read from a request. It is always stated: a city (and
 * perhaps a zone) by its codes, or {@code "scope":"province"} for the whole province, so that
 * leaving a field out can never widen an account. Codes must name a real city and zone.
 */
final class AccountScope {

    static final String PROVINCE = "province";

    private AccountScope() {
    }

    static Jurisdiction read(String scope, String cityCode, String zoneCode, Places places) {
        String city = blank(cityCode) ? null : cityCode.strip().toUpperCase(Locale.ROOT);
        String zone = blank(zoneCode) ? null : zoneCode.strip();
        List<FieldError> errors = new ArrayList<>();
        if (!blank(scope)) {
            if (!PROVINCE.equalsIgnoreCase(scope.strip())) {
                errors.add(new FieldError("scope", "must be \"province\" for a province-wide account; "
                    + "for a city or zone leave it out and give cityCode (and zoneCode)"));
            } else if (city != null || zone != null) {
                errors.add(new FieldError("scope", "is the whole province, so cityCode and zoneCode must be left out"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            return Jurisdiction.PROVINCE;
        }
        if (city == null) {
            errors.add(new FieldError("cityCode", zone == null
                ? "is required: the city the account works in (such as PSH), or \"scope\":\"province\" for the whole province"
                : "is required with a zoneCode"));
        } else if (!places.isCity(city)) {
            errors.add(new FieldError("cityCode", "is not a city of the province: " + city));
        } else if (zone != null && !places.isZone(city, zone)) {
            errors.add(new FieldError("zoneCode", "is not a zone of " + city + " in use: " + zone));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Jurisdiction(city, zone);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
