package org.safecity.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The copy of NENA's EIDO schema that the exchange tests rely on judges documents as NENA's does. */
class EidoSchemaTest {

    @Test
    void nenas_own_sample_validates() throws Exception {
        assertThat(EidoSchema.problems(sample())).isEmpty();
    }

    @Test
    void a_document_without_the_required_eido_fields_does_not() {
        assertThat(EidoSchema.problems("{\"incidentComponent\": []}"))
            .anyMatch(p -> p.contains("eidoVersion"))
            .anyMatch(p -> p.contains("issuingElementIdentification"))
            .anyMatch(p -> p.contains("incidentComponent"));
    }

    static String sample() throws Exception {
        try (var in = EidoSchemaTest.class.getResourceAsStream("/standards/eido/sample-call-transfer.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
