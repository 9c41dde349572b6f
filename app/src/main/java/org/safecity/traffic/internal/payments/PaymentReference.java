package org.safecity.traffic.internal.payments;

import java.math.BigInteger;

/**
 * A challan's payment reference: a 10-digit serial and two ISO 7064 MOD 97-10 check digits (as in an
 * IBAN), so a mistyped reference is caught by the bank and by the callback before any lookup.
 */
public final class PaymentReference {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private PaymentReference() {
    }

    public static String of(long serial) {
        String base = String.format("%010d", serial);
        int check = 98 - new BigInteger(base + "00").mod(NINETY_SEVEN).intValue();
        return base + String.format("%02d", check);
    }

    static boolean valid(String reference) {
        return reference != null && reference.matches("\\d{12}") && new BigInteger(reference).mod(NINETY_SEVEN).intValue() == 1;
    }
}
