package org.safecity.partners.internal.premises;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.safecity.shared.GeoPoint;

/**
 * Synthetic commercial premises for the Peshawar demo: made-up names, owners and licence numbers
 * (every licence starts {@code DEMO-}, every NTN is {@code 00}-prefixed), scattered around commercial
 * areas of the city. Never real businesses. The same seed makes the same premises on every machine.
 */
public final class DemoPremises {

    static final int COUNT = 300;
    private static final long SEED = 20261205L;

    private record Area(String name, String zoneCode, GeoPoint centre) {
    }

    private static final List<Area> AREAS = List.of(
        new Area("Saddar Road", "ECT", new GeoPoint(33.9985, 71.5420)),
        new Area("University Road", "UNC", new GeoPoint(34.0025, 71.4905)),
        new Area("Hayatabad Phase 3", "HYT", new GeoPoint(33.9830, 71.4480)),
        new Area("Khyber Bazaar", "KTW", new GeoPoint(34.0075, 71.5650)),
        new Area("GT Road Gulbahar", "GLB", new GeoPoint(34.0160, 71.5950)),
        new Area("Ring Road Pishtakhara", "PSK", new GeoPoint(33.9800, 71.5320)),
        new Area("Tehkal Bala", "TKL", new GeoPoint(34.0050, 71.5030)),
        new Area("Charsadda Road", "FQB", new GeoPoint(34.0330, 71.5740)));

    /** Shares of each category, as a city's commercial premises roughly divide (for the demo's look only). */
    private static final String[] CATEGORIES = {"PLAZA", "PLAZA", "MARKET", "MARKET", "PETROL_STATION", "PETROL_STATION", "BANK",
        "BANK", "HOTEL", "HOSPITAL", "SCHOOL", "SCHOOL", "MARRIAGE_HALL", "FACTORY"};

    private static final String[] WORDS = {"Noor", "Sitara", "Zam Zam", "Khyber", "Frontier", "Al Madina", "Gulshan", "Shama", "Falcon",
        "Crescent", "Silk Route", "Mehran", "Saffron", "Pamir", "Hindukush", "Afaq", "Rehmat", "Sunrise"};

    private DemoPremises() {
    }

    /** One in ten is only listed and one in fifteen has applied but waits; the Act applies to most from the start of 2026. */
    public static List<PremisesDraft> plan() {
        var random = new Random(SEED);
        List<PremisesDraft> drafts = new ArrayList<>();
        for (int i = 1; i <= COUNT; i++) {
            Area area = AREAS.get(random.nextInt(AREAS.size()));
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            String name = WORDS[random.nextInt(WORDS.length)] + " " + label(category) + " " + i + " (demo)";
            GeoPoint where = area.centre().offset(50 + random.nextDouble() * 900, random.nextDouble() * 360);
            var owner = new Premises.Owner(Premises.Owner.Kind.NTN, String.format("00%05d%d", i, i % 10));
            int roll = random.nextInt(30);
            Registration registration = roll < 3 ? Registration.LISTED : roll < 5 ? Registration.APPLIED : Registration.REGISTERED;
            LocalDate applies = roll == 29 ? LocalDate.of(2027, 7, 1) : LocalDate.of(2026, 1, 1);
            drafts.add(new PremisesDraft(name, category, owner, area.name() + ", Peshawar", "PSH", area.zoneCode(), where,
                String.format("DEMO-PSH-%05d", i), new Premises.Contact("Demo manager " + i, null, null), applies, registration));
        }
        return drafts;
    }

    private static String label(String category) {
        return switch (category) {
            case "PETROL_STATION" -> "Filling Station";
            case "MARRIAGE_HALL" -> "Marriage Hall";
            default -> category.charAt(0) + category.substring(1).toLowerCase(java.util.Locale.ROOT);
        };
    }
}
