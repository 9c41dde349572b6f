package org.safecity.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * A request body that could not be read, told in words a person can act on: which field, what it
 * must be. Jackson's own messages name Java classes and internal positions; none of that is passed on.
 */
final class UnreadableBody {

    private UnreadableBody() {
    }

    static InvalidInput explain(HttpMessageNotReadableException e) {
        JacksonException jackson = find(e);
        if (jackson == null) {
            return new InvalidInput("body", "is missing or is not in the form this request takes");
        }
        if (jackson instanceof StreamConstraintsException) {
            return new InvalidInput(field(jackson, "body"), "is too large: a text value may have at most "
                + TextPolicyJson.MAX_STRING + " characters, and a number at most 1000 digits");
        }
        if (jackson instanceof InputCoercionException coercion) {
            return new InvalidInput(field(jackson, "body"), "is out of range: it must be " + describe(coercion.getTargetType()));
        }
        if (jackson instanceof UnexpectedEndOfInputException) {
            return new InvalidInput("body", "is not complete JSON: it ends in the middle of a value");
        }
        if (jackson instanceof StreamReadException read && !(jackson instanceof MismatchedInputException)) {
            var at = read.getLocation();
            return new InvalidInput("body", "is not valid JSON" + (at == null || at.getLineNr() < 1 ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        String field = field(jackson, null);
        if (jackson instanceof TextPolicyJson.RefusedText) {
            return new InvalidInput(field == null ? "body" : field, jackson.getOriginalMessage());
        }
        if (jackson instanceof PropertyBindingException unknown) {
            return new InvalidInput(field == null ? unknown.getPropertyName() : field, "is not a field this request takes");
        }
        if (jackson instanceof ValueInstantiationException && jackson.getCause() instanceof InvalidInput invalid) {
            return invalid; // the value's own check said what is wrong
        }
        if (jackson instanceof ValueInstantiationException && jackson.getCause() instanceof IllegalArgumentException wrong
            && wrong.getMessage() != null) {
            return new InvalidInput(field == null ? "body" : field, wrong.getMessage());
        }
        if (jackson instanceof MismatchedInputException mismatch) {
            String expected = "must be " + describe(mismatch.getTargetType());
            return field == null ? new InvalidInput("body", expected) : new InvalidInput(field, expected);
        }
        return new InvalidInput(field == null ? "body" : field, "is not understood");
    }

    private static JacksonException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    /** The path of the field, as a person writes it: {@code units[2].callSign}. */
    private static String field(JacksonException e, String otherwise) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? otherwise : path.toString();
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.of(Integer.class, int.class, Short.class, short.class, Byte.class, byte.class).contains(type)) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a UTC time such as 2026-11-25T09:30:00Z";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-11-25";
        }
        if (type == LocalTime.class) {
            return "a time such as 09:30";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a value of another kind";
    }
}
