package org.safecity.shared;

import java.util.Optional;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string Jackson reads into a request's fields passes {@link TextPolicy} as it is read, so a
 * NUL, a lone surrogate or an override character is refused with the field's name before any
 * controller sees it (and never reaches a store). The kind of text, hence its maximum length, is
 * taken from the field's name ({@link TextPolicy#kindOf}); a field that needs a tighter rule checks
 * it itself. Bodies read as a tree ({@code JsonNode}) are checked where they are read, item by item.
 */
@Configuration(proxyBeanMethods = false)
public class TextPolicyJson {

    /** No string in any JSON body is read past this, whatever its field: bounds memory before the policy looks. */
    static final int MAX_STRING = TextPolicy.Kind.DETAILS.maxLength();

    @Bean
    JsonMapperBuilderCustomizer textPolicyOnEveryString() {
        return builder -> builder.addModule(new SimpleModule("safecity-text-policy").addDeserializer(String.class, new CheckedString()));
    }

    @Bean
    JsonFactoryBuilderCustomizer boundedStrings() {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING).build());
    }

    /**
     * For bodies read as a tree ({@code JsonNode}), which no deserializer of strings sees: the first name
     * or string, at any depth, that the policy refuses, with its path ({@code plate.colour},
     * {@code notes[2].text}); strings are judged by their field's name, as in typed bodies.
     */
    public static Optional<InvalidInput.FieldError> firstRefusal(JsonNode tree) {
        return Optional.ofNullable(refusal(tree, null));
    }

    /** The refusal with its path relative to this node, built only on the way back from a refusal (the intake's hot path). */
    private static InvalidInput.FieldError refusal(JsonNode node, String field) {
        switch (node.getNodeType()) {
            case STRING -> {
                String text = node.stringValue();
                if (TextPolicy.isPlain(text)) {
                    return null;
                }
                return TextPolicy.refusal(text, TextPolicy.kindOf(field)).map(reason -> new InvalidInput.FieldError("", reason)).orElse(null);
            }
            case ARRAY -> {
                for (int i = 0; i < node.size(); i++) {
                    var refused = refusal(node.get(i), field);
                    if (refused != null) {
                        return new InvalidInput.FieldError("[" + i + "]" + refused.field(), refused.problem());
                    }
                }
            }
            case OBJECT -> {
                for (var property : node.properties()) {
                    String name = property.getKey();
                    if (!TextPolicy.isPlain(name)) {
                        var badName = TextPolicy.refusal(name, TextPolicy.Kind.IDENTIFIER);
                        if (badName.isPresent()) {
                            return new InvalidInput.FieldError("", "has a field name that " + badName.get());
                        }
                    }
                    JsonNode value = property.getValue();
                    if (!value.isContainer() && !value.isString()) {
                        continue; // numbers, booleans, null: nothing to read as text
                    }
                    var refused = refusal(value, name);
                    if (refused != null) {
                        String below = refused.field();
                        return new InvalidInput.FieldError(name + (below.isEmpty() || below.startsWith("[") ? below : "." + below),
                            refused.problem());
                    }
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    /** Throws {@link InvalidInput} naming the first name or string of the tree that the policy refuses. */
    public static JsonNode require(JsonNode tree) {
        firstRefusal(tree).ifPresent(refused -> {
            throw new InvalidInput(java.util.List.of(refused));
        });
        return tree;
    }

    /** The text a field refused, with the reason; Jackson adds the field's path as the refusal travels up. */
    public static final class RefusedText extends MismatchedInputException {
        RefusedText(JsonParser parser, String reason) {
            super(parser, reason, String.class);
        }
    }

    private static final class CheckedString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (value == null || TextPolicy.isPlain(value)) {
                return value;
            }
            var refused = TextPolicy.refusal(value, TextPolicy.kindOf(fieldName(p)));
            if (refused.isPresent()) {
                throw new RefusedText(p, refused.get());
            }
            return value;
        }

        @Override
        public boolean isCachable() {
            return false;
        }

        /** The property the string belongs to; for an element of a list of strings, the list's property. */
        private static String fieldName(JsonParser p) {
            TokenStreamContext context = p.streamReadContext();
            if (context != null && context.inArray()) {
                context = context.getParent();
            }
            return context == null ? null : context.currentName();
        }
    }
}
