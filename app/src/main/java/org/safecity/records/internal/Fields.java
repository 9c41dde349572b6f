package org.safecity.records.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safecity.shared.Cnic;
import org.safecity.shared.Plate;
import org.safecity.shared.TextPolicy;

/** One row's fields by record field name, read with every problem collected rather than the first thrown. */
public final class Fields {

    private final Map<String, String> values;
    private final List<String> problems = new ArrayList<>();

    public Fields(Map<String, String> values) {
        this.values = values;
    }

    public List<String> problems() {
        return problems;
    }

    String text(String field) {
        String value = values.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        TextPolicy.refusal(stripped, TextPolicy.Kind.NAME).ifPresent(reason -> problems.add(field + " " + reason));
        return stripped;
    }

    String required(String field) {
        String value = text(field);
        if (value == null) {
            problems.add(field + " is required");
        }
        return value;
    }

    String cnic(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Cnic.of(value).digits();
        } catch (IllegalArgumentException e) {
            problems.add(field + ": " + e.getMessage());
            return null;
        }
    }

    String plate(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Plate.of(value).normalised();
        } catch (IllegalArgumentException e) {
            problems.add(field + ": " + e.getMessage());
            return null;
        }
    }

    /** A phone as its national digits (the last ten: 3001234567), so +92 300 1234567 and 0300-1234567 meet. */
    String phone(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("[^0-9]", "");
        if (!value.matches("\\+?[0-9 ()-]{7,24}") || digits.length() < 7) {
            problems.add(field + " must be a phone number such as +92 300 1234567");
            return null;
        }
        return Phones.national(digits);
    }

    String email(String field) {
        String value = text(field);
        if (value != null && !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(field + " must be an e-mail address");
            return null;
        }
        return value;
    }

    LocalDate date(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(field + " must be a date written 2026-12-05");
            return null;
        }
    }

    Integer year(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        if (!value.matches("(19|20)[0-9]{2}")) {
            problems.add(field + " must be a year such as 2026");
            return null;
        }
        return Integer.parseInt(value);
    }

    /** A closed status ends what the record puts on a watchlist; anything else keeps it open. */
    boolean open(String field) {
        String value = text(field);
        return value == null || !value.toUpperCase(java.util.Locale.ROOT).matches("CLOSED|RECOVERED|FOUND|ARRESTED|CANCELLED|WITHDRAWN|RELEASED");
    }
}
