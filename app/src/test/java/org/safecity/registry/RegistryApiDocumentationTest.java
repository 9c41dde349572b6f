package org.safecity.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safecity.IntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RegistryApiDocumentationTest extends IntegrationTest {

    @Test
    void building_the_openapi_document_logs_no_error_and_free_json_is_an_object(CapturedOutput log) {
        var document = anonymous.get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        assertThat(log.getOut()).doesNotContain("Exception");
        var schemas = document.json().get("components").get("schemas");
        assertThat(schemas.has("JsonNode")).isFalse();
        assertThat(schemas.has("ObjectNode")).isFalse();
        var batch = document.json().get("paths").get("/api/v1/detections").get("post").get("requestBody").get("content")
            .get("application/json").get("schema");
        assertThat(batch.get("type").asString()).isEqualTo("object");
    }

    @Test
    void every_registry_endpoint_is_in_the_openapi_document() {
        var document = anonymous.get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        var paths = document.json().get("paths");
        assertThat(paths.has("/api/v1/cameras")).isTrue();
        assertThat(paths.has("/api/v1/cameras.geojson")).isTrue();
        assertThat(paths.has("/api/v1/cameras/{id}/retire")).isTrue();
        assertThat(paths.has("/api/v1/sites.geojson")).isTrue();
        assertThat(paths.has("/api/v1/phases/{number}")).isTrue();
        assertThat(paths.has("/api/v1/zones")).isTrue();
        assertThat(paths.has("/api/v1/devices/{id}")).isTrue();
        assertThat(paths.has("/api/v1/imports/cameras")).isTrue();
        assertThat(paths.get("/api/v1/imports/sites").get("post").get("requestBody").get("content").has("text/csv")).isTrue();
    }
}
