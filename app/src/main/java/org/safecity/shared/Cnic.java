package org.safecity.shared;

/** A Computerised National Identity Card number: 13 digits, shown {@code XXXXX-XXXXXXX-X}. */
public record Cnic(String digits) {

    public Cnic {
        if (digits == null || !digits.matches("\\d{13}")) {
            throw new IllegalArgumentException("a CNIC has 13 digits, written 12345-1234567-1");
        }
    }

    public static Cnic of(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a CNIC is required");
        }
        String stripped = text.strip();
        if (!stripped.matches("\\d{13}|\\d{5}-\\d{7}-\\d")) {
            throw new IllegalArgumentException("a CNIC has 13 digits, written 12345-1234567-1");
        }
        return new Cnic(stripped.replace("-", ""));
    }

    public String display() {
        return digits.substring(0, 5) + "-" + digits.substring(5, 12) + "-" + digits.substring(12);
    }

    @Override
    public String toString() {
        return display();
    }
}
