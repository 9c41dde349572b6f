package org.safecity.registry.internal;

import java.util.List;
import org.safecity.shared.InvalidInput;

/** The outcome of checking what a person sent: a value ready to store, or what to correct. */
public sealed interface Checked<T> permits Checked.Valid, Checked.Invalid {

    record Valid<T>(T value) implements Checked<T> {
    }

    record Invalid<T>(List<InvalidInput.FieldError> errors) implements Checked<T> {
    }

    /** The value, or an {@link InvalidInput} naming every field to correct. */
    default T orThrow() {
        return switch (this) {
            case Valid<T> valid -> valid.value();
            case Invalid<T> invalid -> throw new InvalidInput(invalid.errors());
        };
    }
}
