package org.safecity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the running server publishes ({@code /v3/api-docs}) is one tools can trust:
 * swagger-cli validates it and Redocly's recommended rules find no error and no warning in it (the
 * linters are the versions locked in {@code tools/openapi-lint}, installed there by {@code .ci/run};
 * without them the linting is skipped, except in CI, where it fails). Beside the linters, it holds
 * what they do not check: operationIds are names, not springdoc's numbered fallbacks; every refusal
 * is problem+json; the operations marked public are exactly those open without an account.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiDescriptionTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path LINTERS = Path.of("..", "tools", "openapi-lint").toAbsolutePath().normalize();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private JsonNode document;

    @BeforeEach
    void readTheDocument() {
        var answer = anonymous.get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        document = answer.json();
    }

    @Test
    void swagger_cli_validates_the_document_and_redoclys_recommended_rules_find_nothing() throws Exception {
        Path bin = LINTERS.resolve("node_modules").resolve(".bin");
        boolean installed = Files.isExecutable(bin.resolve("swagger-cli")) && Files.isExecutable(bin.resolve("redocly"));
        String missing = "The OpenAPI linters are not installed: run `npm ci` in " + LINTERS + " (Node.js 20.19 or newer)";
        if (System.getenv("CI") != null) {
            assertThat(installed).as(missing).isTrue();
        } else {
            Assumptions.assumeTrue(installed, missing + "; skipping it here.");
        }
        Path file = Files.createDirectories(Path.of("target", "openapi")).resolve("api-docs.json");
        Files.writeString(file, anonymous.get("/v3/api-docs").body());

        var validated = run(bin.resolve("swagger-cli").toString(), "validate", file.toString());
        assertThat(validated.exit()).as("swagger-cli validate %s:%n%s%s", file, validated.output(), validated.errors()).isZero();

        var linted = run(bin.resolve("redocly").toString(), "lint", "--config", LINTERS.resolve("redocly.yaml").toString(),
            "--format", "json", file.toString());
        assertThat(linted.output()).as("redocly lint printed no report:%n%s", linted.errors()).contains("\"totals\"");
        var report = JSON.readTree(linted.output().substring(linted.output().indexOf('{')));
        List<String> problems = new ArrayList<>();
        for (var problem : report.path("problems")) {
            problems.add(problem.path("severity").asString() + " " + problem.path("ruleId").asString() + ": "
                + problem.path("message").asString() + " at " + problem.path("location").path(0).path("pointer").asString());
        }
        assertThat(report.path("totals").path("errors").asInt(-1)).as("redocly lint errors:%n%s", String.join("\n", problems)).isZero();
        assertThat(problems).as("redocly lint warnings not accepted in tools/openapi-lint/redocly.yaml").isEmpty();
    }

    @Test
    void every_operation_has_a_unique_chosen_operation_id() {
        var seen = new TreeMap<String, String>();
        List<String> wrong = new ArrayList<>();
        eachOperation((key, operation) -> {
            String id = operation.path("operationId").asString("");
            // springdoc numbers a repeated method name (get_1, list_9): a name that changes when another controller is added
            if (!id.matches("[a-z][A-Za-z0-9]*") || id.matches(".*_\\d+")) {
                wrong.add(key + " is '" + id + "'");
            }
            String other = seen.put(id, key);
            if (other != null) {
                wrong.add(key + " has the operationId of " + other);
            }
        });
        assertThat(seen).hasSizeGreaterThan(100);
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_refusal_is_problem_json_and_no_answer_is_of_any_type_unless_it_says_so() {
        List<String> wrong = new ArrayList<>();
        eachOperation((key, operation) -> operation.path("responses").properties().forEach(response -> {
            String code = response.getKey();
            var types = response.getValue().path("content").propertyNames();
            if (code.startsWith("4") || code.startsWith("5")) {
                if (!Set.copyOf(types).equals(Set.of("application/problem+json"))
                    || !response.getValue().path("content").path("application/problem+json").path("schema").path("$ref").asString("")
                        .endsWith("/ProblemDetail")) {
                    wrong.add(key + " " + code + " is " + types);
                }
            } else if (types.contains("*/*") && !response.getValue().path("description").asString("").contains("media type")) {
                wrong.add(key + " " + code + " answers */* without saying why");
            }
        }));
        assertThat(wrong).isEmpty();
        assertThat(document.path("components").path("schemas").path("ProblemDetail").path("properties").propertyNames())
            .contains("type", "title", "status", "detail", "errors");
    }

    @Test
    void the_operations_marked_public_are_exactly_those_open_without_an_account() {
        List<String> open = new ArrayList<>();
        eachOperation((key, operation) -> {
            if (operation.has("security") && operation.path("security").isEmpty()) {
                open.add(key);
            }
        });
        assertThat(open).containsExactlyInAnyOrder(
            "GET /api/public/challans", "POST /api/public/challans/{number}/contest", "GET /api/public/challans/{number}/evidence.jpg",
            "GET /api/public/challans/{number}/notice.pdf", "GET /api/public/notices/verify",
            "POST /api/public/premises/applications", "GET /api/public/premises/categories",
            "GET /api/public/premises/certificates/verify",
            "POST /api/v1/auth/token", "POST /api/v1/payments/callback", "GET /api/v1/evidence/public-key");
        assertThat(document.path("security").path(0).has("bearer")).as("everything else needs the bearer scheme").isTrue();
    }

    @Test
    void documented_success_codes_are_the_ones_the_server_answers() {
        var created = admin().post("/api/v1/zones", Map.of("city", "PSH", "code", "DOC" + (System.nanoTime() % 1000),
            "name", "Documented zone " + System.nanoTime(), "lat", 33.6, "lon", 71.5));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(document.path("paths").path("/api/v1/zones").path("post").path("responses").has("201")).isTrue();
        assertThat(document.path("paths").path("/api/v1/detections").path("post").path("responses").has("202")).isTrue();
        assertThat(document.path("paths").path("/api/v1/warnings").path("post").path("responses").path("201").path("content")
            .has("application/xml")).isTrue();
        // the former address of evidence retention still answers, outside the document (it made two paths ambiguous)
        assertThat(admin().get("/api/v1/evidence/retention").status()).isEqualTo(200);
        assertThat(document.path("paths").has("/api/v1/evidence/retention")).isFalse();
    }

    @Test
    void building_the_document_logs_no_warning_or_error(CapturedOutput log) {
        // springdoc keeps one document per language; one no other test asks in makes it build it now, under this capture
        var answer = anonymous.send("GET", "/v3/api-docs", null, null, Map.of("Accept-Language", "ps-PK"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(log.getOut()).doesNotContain("Exception");
        assertThat(log.getOut().lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
            .filter(line -> line.contains("SpringDoc") || line.contains("springdoc") || line.contains("swagger")).toList()).isEmpty();
    }

    private void eachOperation(BiConsumer<String, JsonNode> check) {
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (METHODS.contains(entry.getKey())) {
                check.accept(entry.getKey().toUpperCase() + " " + path.getKey(), entry.getValue());
            }
        }));
    }

    private record Run(int exit, String output, String errors) {
    }

    /** Runs a linter with telemetry and update checks off: nothing leaves the machine. */
    private static Run run(String... command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("safecity-lint-", ".err");
        try {
            var builder = new ProcessBuilder(command).redirectError(errors.toFile());
            builder.environment().putAll(Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true", "NO_COLOR", "1"));
            var process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s finished", command[0]).isTrue();
            return new Run(process.exitValue(), output, Files.readString(errors));
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
