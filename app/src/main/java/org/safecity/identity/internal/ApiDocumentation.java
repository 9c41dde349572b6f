package org.safecity.identity.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's title and its one sign-in scheme: a bearer token or device key. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

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
