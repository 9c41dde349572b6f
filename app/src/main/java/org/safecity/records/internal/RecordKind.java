package org.safecity.records.internal;

import java.util.Locale;
import java.util.Optional;

/** The kinds of record a department sends, and how sensitive each is (which roles may see it, see {@link Visibility}). */
public enum RecordKind {
    PERSON(Category.IDENTITY),
    VEHICLE(Category.VEHICLE),
    LICENCE(Category.IDENTITY),
    STOLEN_VEHICLE(Category.VEHICLE),
    MISSING_PERSON(Category.IDENTITY),
    FIR(Category.CRIMINAL),
    ARREST(Category.CRIMINAL),
    PRISONER(Category.CRIMINAL),
    PROCLAIMED_OFFENDER(Category.CRIMINAL);

    /** What reading a kind reveals: a vehicle and its owner, who a person is, or their criminal history. */
    enum Category { VEHICLE, IDENTITY, CRIMINAL }

    private final Category category;

    RecordKind(Category category) {
        this.category = category;
    }

    Category category() {
        return category;
    }

    public static Optional<RecordKind> named(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (var kind : values()) {
            if (kind.name().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
