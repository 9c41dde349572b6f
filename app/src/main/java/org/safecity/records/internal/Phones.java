package org.safecity.records.internal;

/** Phone numbers compared by their national digits, whatever prefix they were written with. */
public final class Phones {

    private Phones() {
    }

    /** The last ten digits ({@code 3001234567}) of a number written with 0, 92, +92 or 0092 before it; shorter numbers whole. */
    public static String national(String digits) {
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }
}
