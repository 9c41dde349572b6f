package org.safecity.emergency;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;

/**
 * NENA's EIDO JSON schema ({@code standards/eido/openapi.yaml} and its {@code NIEMComponents}, see the
 * README there for source and commit), read from the classpath only: every {@code $ref} in it is
 * relative, so nothing is fetched. The OpenAPI component schemas are checked as JSON Schema draft 7.
 */
public final class EidoSchema {

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
            builder -> builder.schemaLoaders(loaders -> loaders.add(location -> {
                if (!location.toString().startsWith("classpath:")) {
                    throw new IllegalStateException("the EIDO schema refers outside the classpath: " + location);
                }
                return null;
            })))
        .getSchema(SchemaLocation.of("classpath:standards/eido/openapi.yaml#/components/schemas/EmergencyIncidentDataObjectType"),
            // NIEM's components refer to one another in cycles: loaded as a document needs them, not all up front.
            SchemaValidatorsConfig.builder().preloadJsonSchema(false).build());

    private EidoSchema() {
    }

    /** The schema's complaints about a JSON document, one line each; empty when it validates. */
    public static List<String> problems(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(ValidationMessage::toString).sorted().toList();
    }
}
