package org.safecity.identity.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.safecity.identity.Writes;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI description's title and its one sign-in scheme: a bearer token or device key. Each
 * operation also says who may call it, read from the same {@code @PreAuthorize} the server
 * enforces ({@code x-roles}; absent when any signed-in person or anyone may), and for a change,
 * what part of the province it reaches ({@code x-jurisdiction}, see {@link Writes}).
 */
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

    private static final Pattern ROLES = Pattern.compile("hasRole\\('(\\w+)'\\)|hasAnyRole\\(([^)]*)\\)");

    @Bean
    OperationCustomizer whoMayCall() {
        return (operation, handler) -> {
            var preAuthorize = handler.getMethodAnnotation(PreAuthorize.class);
            if (preAuthorize != null) {
                var matcher = ROLES.matcher(preAuthorize.value());
                var roles = new TreeSet<String>();
                while (matcher.find()) {
                    String list = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                    for (String role : list.split(",")) {
                        roles.add(role.strip().replace("'", ""));
                    }
                }
                if (!roles.isEmpty()) {
                    operation.addExtension("x-roles", List.copyOf(roles));
                }
            }
            var writes = handler.getMethodAnnotation(Writes.class);
            if (writes != null) {
                operation.addExtension("x-jurisdiction", writes.value().name().toLowerCase(Locale.ROOT));
            }
            return operation;
        };
    }
}
