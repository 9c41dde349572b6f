package org.safecity.shared;

import java.util.List;

/** A request a person must correct: each error names the field (or row) and what is wrong with it. */
public class InvalidInput extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInput(String field, String problem) {
        this(List.of(new FieldError(field, problem)));
    }

    public InvalidInput(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            return "The request is not valid.";
        }
        var first = errors.getFirst();
        String text = first.field() + " " + first.problem();
        return errors.size() == 1 ? text : text + " (and " + (errors.size() - 1) + " more)";
    }

    /** What is wrong with one field; {@code field} may be a path such as {@code cameras[3].heading} or {@code row 12}. */
    public record FieldError(String field, String problem) {
    }
}
