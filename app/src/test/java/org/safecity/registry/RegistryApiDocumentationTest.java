package org.safecity.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;

class RegistryApiDocumentationTest extends IntegrationTest {

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
