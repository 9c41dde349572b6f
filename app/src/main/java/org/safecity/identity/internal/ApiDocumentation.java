package org.safecity.identity.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The OpenAPI description's title and its one sign-in scheme: a bearer token or device key. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static {
        // A body or field that is free JSON is an object to the reader. springdoc would otherwise introspect
        // Jackson's node classes as beans, fail on their overloaded setters and log a stack trace per load.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema())
            .replaceWithSchema(ObjectNode.class, new ObjectSchema());
    }

    @Bean
    OpenAPI safeCityApi() {
        return new OpenAPI()
            .info(new Info().title("SafeCity API").version("v1")
                .description("""
                    The Safe City Authority's platform: camera network and rollout, identification, emergency
                    response, e-challan, evidence. Sign in with POST /api/v1/auth/token and send the token as
                    `Authorization: Bearer <token>`; machines send their device key the same way. Errors are
                    RFC 9457 application/problem+json.""")
                .license(new License().name("Apache-2.0")))
            .components(new Components().addSecuritySchemes("bearer",
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("An access token from POST /api/v1/auth/token, or a device key")))
            .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
