package org.safecity.emergency.internal.eido;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An EIDO document being read, remembering which fields were used, so that the sender can be told
 * what was not (as JSON Pointers, RFC 6901). A component none of whose fields were used is named
 * whole; in a component that was used, its bookkeeping (its id, time and updater) counts as used.
 */
final class EidoReading {

    private static final Set<String> PROLOGUE = Set.of("$id", "lastUpdateTimeStamp", "updatedByAgencyReference",
        "updatedByAgentReference");

    private final JsonNode document;
    private final Set<String> used = new HashSet<>();

    EidoReading(JsonNode document) {
        this.document = document;
    }

    JsonNode document() {
        return document;
    }

    /** A text field of the node at {@code pointer}, marked used; null when absent or blank. */
    String text(String pointer, String field) {
        JsonNode value = document.at(pointer).get(field);
        if (value == null || value.isNull() || value.isContainer() || value.asString().isBlank()) {
            return null;
        }
        used.add(pointer + "/" + escape(field));
        return value.asString().strip();
    }

    /** The first text of a field that is a text or an array of texts, marked used; null when absent. */
    String firstText(String pointer, String field) {
        JsonNode value = document.at(pointer).get(field);
        if (value != null && value.isArray()) {
            JsonNode first = value.isEmpty() ? null : value.get(0);
            if (first == null || !first.isString() || first.asString().isBlank()) {
                return null;
            }
            used.add(pointer + "/" + escape(field) + "/0");
            return first.asString().strip();
        }
        return text(pointer, field);
    }

    /** The {@code $ref} of a reference object, or of the first in an array of them; null when absent. */
    String reference(String pointer, String field) {
        JsonNode value = document.at(pointer).get(field);
        if (value == null) {
            return null;
        }
        String at = pointer + "/" + escape(field) + (value.isArray() ? "/0" : "");
        String ref = value.isArray() ? (value.isEmpty() ? null : text(at, "$ref")) : text(at, "$ref");
        return ref == null ? null : ref.replaceFirst("^#", "");
    }

    /** Pointers to the elements of an array field of the document (one for an object given alone). */
    List<String> components(String field) {
        JsonNode value = document.get(field);
        List<String> pointers = new ArrayList<>();
        if (value != null && value.isArray()) {
            for (int n = 0; n < value.size(); n++) {
                pointers.add("/" + escape(field) + "/" + n);
            }
        } else if (value != null && value.isObject()) {
            pointers.add("/" + escape(field));
        }
        return pointers;
    }

    /** The component of {@code field} whose {@code $id} is {@code id}; null when none is. */
    String component(String field, String id) {
        if (id == null) {
            return null;
        }
        for (String pointer : components(field)) {
            JsonNode componentId = document.at(pointer).get("$id");
            if (componentId != null && id.equals(componentId.asString())) {
                return pointer;
            }
        }
        return null;
    }

    void use(String pointer) {
        used.add(pointer);
    }

    /** The fields not used, as JSON Pointers, in document order. */
    List<String> unused() {
        List<String> unused = new ArrayList<>();
        collect(document, "", unused);
        return unused;
    }

    /** Adds what under {@code pointer} was not used; answers whether anything under it was. */
    private boolean collect(JsonNode node, String pointer, List<String> unused) {
        if (used.contains(pointer)) {
            return true;
        }
        if (!node.isContainer() || node.isEmpty()) {
            unused.add(pointer);
            return false;
        }
        List<String> inner = new ArrayList<>();
        boolean any = false;
        List<String> prologue = new ArrayList<>();
        if (node.isArray()) {
            for (int n = 0; n < node.size(); n++) {
                any |= collect(node.get(n), pointer + "/" + n, inner);
            }
        } else {
            for (var entry : node.properties()) {
                String child = pointer + "/" + escape(entry.getKey());
                if (PROLOGUE.contains(entry.getKey()) && !used.contains(child)) {
                    prologue.add(child);
                    continue;
                }
                any |= collect(entry.getValue(), child, inner);
            }
        }
        if (!any && !pointer.isEmpty()) {
            unused.add(pointer);
            return false;
        }
        if (!any) {
            unused.addAll(prologue);
        }
        unused.addAll(inner);
        return any;
    }

    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }
}
