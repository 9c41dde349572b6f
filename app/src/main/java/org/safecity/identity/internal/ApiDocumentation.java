package org.safecity.identity.internal;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.safecity.identity.Writes;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI description's title and its one sign-in scheme: a bearer token or device key. Each
 * operation also says who may call it, read from the same {@code @PreAuthorize} the server
 * enforces ({@code x-roles}; absent when any signed-in person or anyone may), and for a change,
 * what part of the province it reaches ({@code x-jurisdiction}, see {@link Writes}). Its operationId,
 * public operations and problem+json refusals follow {@link ApiConventions}; docs/api.md has the rules.
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
                .license(new License().name("Apache License 2.0").identifier("Apache-2.0")))
            // relative: the document is right wherever SafeCity is reached (SAFECITY_PUBLIC_BASE_URL, a proxy, a test port)
            .servers(List.of(new Server().url("/").description("the SafeCity this document was read from")))
            .components(new Components().addSecuritySchemes("bearer",
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("An access token from POST /api/v1/auth/token, or a device key")))
            .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Public operations, problem+json refusals and tags, the same for every endpoint: see {@link ApiConventions}. */
    @Bean
    OpenApiCustomizer conventions() {
        return ApiConventions::apply;
    }

    /**
     * Free JSON ({@code JsonNode} and its kinds, e.g. an {@code ObjectNode} answer) is an object to the
     * reader. This converter must come before springdoc's own, which would introspect {@code ObjectNode}
     * as a bean, fail on its overloaded setters and log the failure on every build of the document; they
     * are registered in front of the chain as springdoc starts, so this one is put in front after them.
     */
    @Bean
    SmartInitializingSingleton freeJsonIsAnObject() {
        ModelConverter converter = new ModelConverter() {
            @Override
            public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
                if (isFreeJson(type.getType())) {
                    return new ObjectSchema();
                }
                return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            }
        };
        return () -> {
            ModelConverters.getInstance(true).addConverter(converter);
            ModelConverters.getInstance(false).addConverter(converter);
        };
    }

    private static boolean isFreeJson(Type type) {
        Class<?> raw = type instanceof Class<?> c ? c
            : type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c
            : type instanceof com.fasterxml.jackson.databind.JavaType j ? j.getRawClass()
            : null;
        return raw != null && JsonNode.class.isAssignableFrom(raw);
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
            var named = handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
            if (named == null || named.operationId().isBlank()) {
                operation.setOperationId(ApiConventions.operationId(handler.getBeanType(), handler.getMethod()));
            }
            return operation;
        };
    }
}
