package org.safecity.identity.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpMethod;

/**
 * What every operation of the API description says without its controller saying it, so an
 * endpoint added tomorrow is described like the others: its operationId, whether it is public, and
 * the problem+json refusals it can answer. docs/api.md lists what an endpoint still says itself.
 */
final class ApiConventions {

    static final String PROBLEM = "ProblemDetail";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** The refusals an operation is given when it can answer them, and what each means. */
    private static final Map<String, String> REFUSALS = Map.of(
        "400", "The request breaks a rule (a parameter, the body or a file); `detail` says which and `errors` lists each field",
        "401", "No valid bearer token or session: sign in with POST /api/v1/auth/token",
        "403", "The caller's roles or jurisdiction do not allow this",
        "404", "No such record, or none the caller may see",
        "406", "The Accept header admits none of the media types this operation answers with",
        "429", "Too many requests from this address; try again after the Retry-After header's seconds");

    private ApiConventions() {
    }

    /**
     * The operationId of a handler that does not name one: its controller and its method, e.g.
     * {@code ZoneController.create} is {@code zoneCreate}. Stable while the two names are.
     */
    static String operationId(Class<?> controller, Method method) {
        String noun = controller.getSimpleName().replaceFirst("Controller$", "");
        String name = method.getName();
        return Character.toLowerCase(noun.charAt(0)) + noun.substring(1) + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** RFC 9457's problem document, as {@code shared.ProblemResponses} writes it. */
    static Schema<?> problemSchema() {
        var error = new ObjectSchema()
            .addProperty("field", new StringSchema().description("the field, parameter or form part"))
            .addProperty("problem", new StringSchema().description("what is wrong with it"));
        return new ObjectSchema()
            .description("An RFC 9457 problem: why the request was refused, in words a person can act on")
            .addProperty("type", new StringSchema().format("uri-reference").description("identifies the kind of problem"))
            .addProperty("title", new StringSchema().description("the kind of problem, short"))
            .addProperty("status", new IntegerSchema().description("the HTTP status"))
            .addProperty("detail", new StringSchema().description("this occurrence, explained"))
            .addProperty("instance", new StringSchema().format("uri-reference").description("the request that failed"))
            .addProperty("errors", new ArraySchema().items(error).description("each invalid field, for 400"));
    }

    static void apply(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getComponents().addSchemas(PROBLEM, problemSchema());  // here: springdoc rebuilds the schemas after the bean
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean open = SecurityConfiguration.isPublic(HttpMethod.valueOf(method.name()), path);
            if (open) {
                operation.setSecurity(List.of());  // overrides the document's bearer requirement
            }
            describeRefusals(path, operation, open);
        }));
        mergeTags(api);
    }

    private static void describeRefusals(String path, Operation operation, boolean open) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        var responses = operation.getResponses();
        boolean hasInput = operation.getRequestBody() != null || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean declaresWho = operation.getExtensions() != null
            && (operation.getExtensions().containsKey("x-roles") || operation.getExtensions().containsKey("x-jurisdiction"));
        if (hasInput) {
            refusal(responses, "400");
        }
        if (!open) {
            refusal(responses, "401");
        }
        if (!open && declaresWho) {
            refusal(responses, "403");
        }
        if (path.contains("{")) {
            refusal(responses, "404");
        }
        if (answersOnlyOtherThanJson(responses)) {
            refusal(responses, "406");
        }
        if (path.startsWith("/api/public/")) {
            refusal(responses, "429");  // the citizen portal is rate-limited per client address
        }
        responses.forEach((code, response) -> {
            if (code.equals("204")) {
                response.setContent(null);  // springdoc gives it the method's return type; 204 has no body
            } else if (code.matches("[45]\\d\\d")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }

    /** A picture, a document, a stream: a caller asking for JSON is refused. */
    private static boolean answersOnlyOtherThanJson(ApiResponses responses) {
        var types = responses.entrySet().stream().filter(e -> e.getKey().startsWith("2") && e.getValue().getContent() != null)
            .flatMap(e -> e.getValue().getContent().keySet().stream()).toList();
        return !types.isEmpty() && types.stream().noneMatch(type -> type.equals("application/json") || type.equals("*/*"));
    }

    private static void refusal(ApiResponses responses, String code) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(REFUSALS.get(code)));
        }
    }

    /** One entry per tag name (several controllers may share one), in name order, with every tag an operation uses. */
    private static void mergeTags(OpenAPI api) {
        var tags = new TreeMap<String, Tag>();
        if (api.getTags() != null) {
            for (Tag tag : api.getTags()) {
                tags.merge(tag.getName(), tag, (first, second) -> first.getDescription() == null ? second : first);
            }
        }
        api.getPaths().values().stream().map(PathItem::readOperations).flatMap(List::stream)
            .filter(operation -> operation.getTags() != null).flatMap(operation -> operation.getTags().stream())
            .forEach(name -> tags.computeIfAbsent(name, n -> new Tag().name(n)));
        api.setTags(List.copyOf(new LinkedHashMap<>(tags).values()));
    }
}
