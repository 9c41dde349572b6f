package org.safecity.records.internal.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Made-up people, vehicles and FIRs for the demo and the benchmark: never real people. Every CNIC
 * starts with 9 (no province's code), every phone is in the unassigned +92 300 000xxxx block, every
 * plate carries the letters DMO or a demo series, and names are drawn from common Pashto and Urdu
 * names in their usual spellings (Muhammad, Mohammad, Muhammed; Khan, Khaan) and in Urdu script.
 */
public final class SyntheticPeople {

    public static final String[] GIVEN = {"Muhammad", "Mohammad", "Muhammed", "Ahmad", "Ahmed", "Ali", "Hamid", "Bilal", "Imran", "Sajid",
        "Noor", "Gul", "Zahid", "Fazal", "Shah", "Amir", "Tariq", "Asad", "Wali", "Jehangir"};
    public static final String[] FAMILY = {"Khan", "Khaan", "Afridi", "Yousafzai", "Shinwari", "Khattak", "Marwat", "Durrani", "Mohmand", "Orakzai"};
    /** Urdu script of some of the names above, letter for letter. */
    static final Map<String, String> URDU = Map.of("Muhammad", "محمد", "Mohammad", "محمد", "Ahmad", "احمد", "Ali", "علی",
        "Khan", "خان", "Khaan", "خان", "Gul", "گل", "Noor", "نور", "Hamid", "حامد", "Afridi", "آفریدی");
    static final String[] MAKES = {"Suzuki Mehran", "Toyota Corolla", "Honda CD70", "Suzuki Alto", "Honda City", "Toyota Hilux"};
    static final String[] COLOURS = {"white", "silver", "black", "red", "blue", "grey"};
    static final String[] STATIONS = {"Gulbahar", "Hayatabad", "Faqirabad", "Saddar", "Cantt", "University Town", "Chamkani", "Tehkal"};

    private SyntheticPeople() {
    }

    /** The n-th made-up CNIC: 13 digits starting with 9. */
    public static String cnic(long n) {
        return String.format("9%012d", n);
    }

    public static String phone(long n) {
        return String.format("+92300%07d", n % 10_000_000);
    }

    /** The n-th made-up plate: three letters of a demo series and four digits, e.g. {@code DMA1234}. */
    public static String plate(long n) {
        char second = (char) ('A' + (n / 10_000) % 26);
        char third = (char) ('A' + (n / 260_000) % 26);
        return "D" + second + third + String.format("%04d", n % 10_000);
    }

    public static Map<String, String> person(long n, Random random) {
        String given = GIVEN[random.nextInt(GIVEN.length)];
        String family = FAMILY[random.nextInt(FAMILY.length)];
        var row = new LinkedHashMap<String, String>();
        row.put("id", "P" + n);
        row.put("cnic", cnic(n));
        row.put("name", given + " " + family);
        if (URDU.containsKey(given) && URDU.containsKey(family) && random.nextBoolean()) {
            row.put("nameUrdu", URDU.get(given) + " " + URDU.get(family));
        }
        row.put("fatherName", GIVEN[random.nextInt(GIVEN.length)] + " " + family);
        row.put("dateOfBirth", String.format("%d-%02d-%02d", 1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28)));
        row.put("phone", phone(n));
        row.put("address", "House " + (1 + random.nextInt(400)) + ", Street " + (1 + random.nextInt(40)) + ", "
            + STATIONS[random.nextInt(STATIONS.length)] + ", Peshawar (synthetic)");
        return row;
    }

    public static Map<String, String> vehicle(long n, long ownerN, Random random) {
        String[] make = MAKES[random.nextInt(MAKES.length)].split(" ");
        var row = new LinkedHashMap<String, String>();
        row.put("id", "V" + n);
        row.put("plate", plate(n));
        row.put("chassis", "DEMO" + String.format("%010d", n));
        row.put("make", make[0]);
        row.put("model", make[1]);
        row.put("colour", COLOURS[random.nextInt(COLOURS.length)]);
        row.put("ownerCnic", cnic(ownerN));
        row.put("ownerName", GIVEN[(int) (ownerN % GIVEN.length)] + " " + FAMILY[(int) (ownerN % FAMILY.length)]);
        return row;
    }

    public static Map<String, String> fir(long n, long accusedN, Random random) {
        var row = new LinkedHashMap<String, String>();
        row.put("id", "F" + n);
        row.put("policeStation", STATIONS[random.nextInt(STATIONS.length)]);
        row.put("year", Integer.toString(2020 + (int) (n % 7)));
        row.put("number", Long.toString(1 + n % 100_000));
        row.put("sections", random.nextBoolean() ? "379 PPC" : "411 PPC");
        row.put("accusedCnic", cnic(accusedN));
        row.put("accusedName", GIVEN[(int) (accusedN % GIVEN.length)] + " " + FAMILY[(int) (accusedN % FAMILY.length)]);
        row.put("status", random.nextInt(4) == 0 ? "CLOSED" : "UNDER_INVESTIGATION");
        return row;
    }
}
