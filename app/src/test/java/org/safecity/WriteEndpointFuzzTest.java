package org.safecity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.safecity.detections.Reporting;
import org.safecity.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every write endpoint the OpenAPI document lists (found at run time, so a new endpoint is covered
 * without touching this test) is sent what careless devices and attackers send: NUL, lone
 * surrogates, right-to-left overrides, oversize text, numbers beyond {@code long}, negative and
 * unreadable ids, malformed JSON, wrong types, broken CSV and multipart. Each is called as a role it
 * admits, so the input reaches the endpoint. SafeCity must never answer 5xx, must answer every error
 * as problem+json, must refuse every such input, and a refused request must change no table of its
 * module or of identity (accounts, the audit trail).
 */
class WriteEndpointFuzzTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ROLE_LIST = Pattern.compile("hasRole\\('(\\w+)'\\)|hasAnyRole\\(([^)]*)\\)");
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    /** Preferred caller when an endpoint admits several roles: the widest jurisdiction and rights first. */
    private static final List<Role> PREFERENCE = List.of(Role.ADMIN, Role.SUPERVISOR, Role.INVESTIGATOR, Role.DISPATCHER,
        Role.OPERATOR, Role.TRAFFIC_REVIEWER, Role.FIELD_UNIT, Role.PARTNER, Role.AUDITOR, Role.DEVICE);
    private static final String BEYOND_LONG = "123456789012345678901234567890";
    /** Placeholders swapped for JSON escapes after writing: a JSON writer would not write a lone surrogate. */
    private static final Map<String, String> HOSTILE = Map.of(
        "@@NUL@@", "before\\u0000after",
        "@@SURROGATE@@", "before\\ud800after",
        "@@OVERRIDE@@", "invoice\\u202egpj.exe",
        "@@CONTROL@@", "bell\\u0007ring");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    private final Map<Role, SafeCityApi> callers = new EnumMap<>(Role.class);
    private final List<String> failures = new ArrayList<>();
    private JsonNode components;
    private int sent;
    /** What the operation being sent answers with, as its OpenAPI document says. */
    private String accept;

    @Test
    void no_write_endpoint_answers_hostile_input_with_a_server_error_a_non_problem_answer_or_a_change() {
        PREFERENCE.forEach(this::caller); // all callers first: a request wrongly accepted must not stop the others signing in
        JsonNode document = anonymous.get("/v3/api-docs").json();
        components = document.path("components").path("schemas");
        var handlers = handlers();
        int operations = 0;
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (!WRITES.contains(operation.getKey())) {
                    continue;
                }
                String method = operation.getKey().toUpperCase();
                var handler = handlers.get(method + " " + path.getKey());
                assertThat(handler).as("the handler of " + method + " " + path.getKey()).isNotNull();
                operations++;
                fuzz(method, path.getKey(), operation.getValue(), caller(handler), schemasOf(handler));
            }
        }

        assertThat(operations).as("write operations in the OpenAPI document").isGreaterThan(50);
        assertThat(sent).isGreaterThan(operations * 3);
        assertThat(failures).as("hostile requests answered wrongly (" + failures.size() + " of " + sent + ")").isEmpty();
    }

    /**
     * Sends the endpoint its hostile requests. A table that changed meanwhile may be another test's
     * follow-up landing at that moment (an escalation, a clip's hold), so the requests are sent once more:
     * a refused request that writes does so every time, a follow-up seldom twice at the same moment.
     */
    private void fuzz(String method, String pattern, JsonNode operation, SafeCityApi caller, List<String> schemas) {
        int refusedBefore = failures.size();
        var changed = attempt(method, pattern, operation, caller, schemas);
        if (!changed.isEmpty() && failures.size() == refusedBefore) {
            changed = attempt(method, pattern, operation, caller, schemas);
        }
        if (!changed.isEmpty() && failures.size() == refusedBefore) {
            failures.add(method + " " + pattern + ": refused requests changed " + changed);
        }
    }

    /** The tables the requests changed, when every answer was right and the tables were quiet after; else none. */
    private List<String> attempt(String method, String pattern, JsonNode operation, SafeCityApi caller, List<String> schemas) {
        accept = SafeCityApi.accepting(operation);
        var before = settled(schemas);
        int refusedBefore = failures.size();
        var parameters = operation.path("parameters");
        for (var variant : pathVariants(pattern, parameters)) {
            send(caller, method, variant, null, null, "path " + variant);
        }
        String path = concrete(pattern);
        for (var parameter : parameters) {
            if ("query".equals(parameter.path("in").asString())) {
                String name = parameter.path("name").asString();
                for (String value : List.of("%00", "x%E2%80%AEy", BEYOND_LONG, "%ED%A0%80")) {
                    send(caller, method, path + "?" + name + "=" + value, null, null, "query " + name + "=" + value);
                }
            }
        }
        var content = operation.path("requestBody").path("content");
        if (content.has("application/json")) {
            for (var body : jsonVariants(schema(content.path("application/json").path("schema")))) {
                send(caller, method, path, "application/json", body, "json " + abbreviate(body));
            }
        }
        if (content.has("text/csv")) {
            for (String csv : List.of("name,reason\n\"never closed,x\n", "name,reason\na,\"b\"c\n", "plate,reason\nABC123,before\u0000after\n",
                "plate,reason\nABC123,invoice\u202Egpj.exe\n", "\"a\",\"a\"\n1,2\n")) {
                send(caller, method, path, "text/csv", csv, "csv " + abbreviate(csv));
            }
        }
        if (content.has("multipart/form-data")) {
            for (var multipart : multipartVariants()) {
                send(caller, method, path, multipart[0], multipart[1], "multipart " + abbreviate(multipart[1]));
            }
        }
        var after = rowCounts(schemas);
        var changed = new ArrayList<String>();
        if (failures.size() == refusedBefore && !after.equals(before) && quiet(schemas, after)) {
            after.forEach((table, rows) -> {
                if (!rows.equals(before.get(table))) {
                    changed.add(table + " " + before.get(table) + " -> " + rows);
                }
            });
        }
        return changed;
    }

    /**
     * The tables an endpoint may write: its module's schema, and identity's (accounts, the audit trail).
     * Other modules' follow-ups of earlier tests sharing the database go on meanwhile and are not its doing.
     */
    private static List<String> schemasOf(HandlerMethod handler) {
        String[] packages = handler.getBeanType().getPackageName().split("\\.");
        return packages.length > 2 ? List.of(packages[2], "identity") : List.of("identity");
    }

    /** The counts once they hold still for a moment (at most two seconds): a module may still be busy with an earlier test's work. */
    private Map<String, Long> settled(List<String> schemas) {
        var counts = rowCounts(schemas);
        for (int i = 0; i < 10; i++) {
            pause();
            var again = rowCounts(schemas);
            if (again.equals(counts)) {
                return again;
            }
            counts = again;
        }
        return counts;
    }

    /** Whether the tables stay as they are with no request sent: if not, a change may not be the requests' doing. */
    private boolean quiet(List<String> schemas, Map<String, Long> counts) {
        pause();
        return rowCounts(schemas).equals(counts);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(SafeCityApi caller, String method, String path, String contentType, String body, String what) {
        sent++;
        SafeCityApi.Response response;
        try {
            response = caller.send(method, path, contentType, body, Map.of("Accept", accept));
        } catch (IllegalStateException e) {
            failures.add(method + " " + path + " (" + what + "): no answer: " + e.getMessage());
            return;
        }
        String where = method + " " + path + " (" + what + ") -> " + response.status() + " " + abbreviate(response.body());
        if (response.status() >= 500) {
            failures.add("server error: " + where);
        } else if (response.status() < 400) {
            failures.add("accepted: " + where);
        } else if (!response.isProblem()) {
            failures.add("not problem+json (" + response.contentType() + "): " + where);
        } else if (response.body().contains("tools.jackson") || response.body().contains("java.") || response.body().contains("org.safecity")) {
            failures.add("internals in the answer: " + where);
        }
    }

    /** Unusable ids in each path variable in turn (the others a plain 1). */
    private static List<String> pathVariants(String pattern, JsonNode parameters) {
        var variants = new ArrayList<String>();
        var names = new ArrayList<String>();
        var matcher = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        for (String name : names) {
            for (String value : List.of("-1", BEYOND_LONG, "x%E2%80%AEy", "a%00b", "a%2Fb", "%ED%A0%80")) {
                variants.add(pattern.replace("{" + name + "}", value).replaceAll("\\{\\w+}", "1"));
            }
        }
        return variants;
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\w+}", "1");
    }

    /** A body of the schema's shape, then the same with each hostile value in turn, and bodies that are not JSON of that shape. */
    private List<String> jsonVariants(JsonNode schema) {
        var variants = new ArrayList<String>(List.of("{\"a\":", "[1,2", "\"just text\""));
        JsonNode sample = sample(schema, 0);
        if (!(sample instanceof ObjectNode object)) {
            return variants;
        }
        if (object.isEmpty()) { // free-form JSON, read as a tree: hostile text at any depth
            object.put("note", "@@NUL@@").putArray("items").addObject().put("text", "@@OVERRIDE@@");
        }
        var strings = new ArrayList<List<Object>>();
        var numbers = new ArrayList<List<Object>>();
        leaves(schema, object, new ArrayList<>(), strings, numbers, 0);
        var hostile = List.copyOf(HOSTILE.keySet());
        for (int i = 0; i < strings.size(); i++) {
            var leaf = strings.get(i);
            // every hostile value on the first text field; one each, in turn, on the others
            var values = i == 0 ? hostile : List.of(hostile.get(i % hostile.size()));
            for (String value : values) {
                variants.add(withLeaf(object, leaf, JSON.getNodeFactory().stringNode(value)));
            }
            variants.add(withLeaf(object, leaf, JSON.getNodeFactory().stringNode("x".repeat(100_001))));
            variants.add(withLeaf(object, leaf, JSON.createObjectNode().put("nested", "object")));
        }
        for (var leaf : numbers) {
            variants.add(withLeaf(object, leaf, JSON.getNodeFactory().numberNode(new java.math.BigInteger(BEYOND_LONG))));
            variants.add(withLeaf(object, leaf, JSON.getNodeFactory().stringNode("not a number")));
        }
        return variants;
    }

    private static String withLeaf(ObjectNode body, List<Object> path, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) path.get(i));
        }
        Object last = path.getLast();
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        String text = JSON.writeValueAsString(copy);
        for (var hostile : HOSTILE.entrySet()) {
            text = text.replace(hostile.getKey(), hostile.getValue());
        }
        return text;
    }

    /** The paths of the text and whole-number fields of a sample body (objects and the first element of lists). */
    private void leaves(JsonNode schema, JsonNode node, List<Object> path, List<List<Object>> strings, List<List<Object>> numbers, int depth) {
        if (depth > 4) {
            return;
        }
        schema = schema(schema);
        if (node.isObject()) {
            for (var field : node.properties()) {
                var next = new ArrayList<>(path);
                next.add(field.getKey());
                leaves(schema.path("properties").path(field.getKey()), field.getValue(), next, strings, numbers, depth + 1);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            var next = new ArrayList<>(path);
            next.add(0);
            leaves(schema.path("items"), node.get(0), next, strings, numbers, depth + 1);
        } else if (node.isString() && !schema.has("enum") && schema.path("format").isMissingNode()) {
            strings.add(path);
        } else if ("integer".equals(schema.path("type").asString())) {
            numbers.add(path);
        }
    }

    /** A plausible value of the schema's shape. */
    private JsonNode sample(JsonNode schema, int depth) {
        schema = schema(schema);
        var factory = JSON.getNodeFactory();
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "");
        return switch (type) {
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                if (depth < 4) {
                    for (var property : schema.path("properties").properties()) {
                        object.set(property.getKey(), sample(property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = JSON.createArrayNode();
                if (depth < 4) {
                    array.add(sample(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> factory.numberNode(1);
            case "number" -> factory.numberNode(1.5);
            case "boolean" -> factory.booleanNode(true);
            case "string" -> switch (schema.path("format").asString("")) {
                case "date-time" -> factory.stringNode(Instant.now().toString());
                case "date" -> factory.stringNode(LocalDate.now().toString());
                case "uuid" -> factory.stringNode("00000000-0000-0000-0000-000000000001");
                default -> factory.stringNode("Sample text");
            };
            default -> factory.stringNode("Sample text");
        };
    }

    private JsonNode schema(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : components.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** {content type, body}: hostile field text and file names, and a body that is not multipart at all. */
    private static List<String[]> multipartVariants() {
        String boundary = "fuzzboundary";
        String type = "multipart/form-data; boundary=" + boundary;
        var variants = new ArrayList<String[]>();
        variants.add(new String[] {type, part(boundary, "description", null, "before\u0000after") + part(boundary, "file", "a.txt", "content")
            + "--" + boundary + "--\r\n"});
        variants.add(new String[] {type, part(boundary, "file", "invoice\u202Egpj.exe", "content") + "--" + boundary + "--\r\n"});
        variants.add(new String[] {type, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nnever ends"});
        variants.add(new String[] {"multipart/form-data", "no boundary at all"});
        return variants;
    }

    private static String part(String boundary, String name, String fileName, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
            + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n"
            + (fileName == null ? "" : "Content-Type: text/plain\r\n") + "\r\n" + value + "\r\n";
    }

    /** Rows of every table of these schemas (partitions counted in their parent). */
    private Map<String, Long> rowCounts(List<String> schemas) {
        List<String> tables = jdbc.sql("""
                select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = any(?)
                order by 1""").param(schemas.toArray(String[]::new)).query(String.class).list();
        var counts = new LinkedHashMap<String, Long>();
        if (tables.isEmpty()) {
            return counts;
        }
        var select = new StringBuilder("select ");
        for (int i = 0; i < tables.size(); i++) {
            select.append(i == 0 ? "" : ", ").append("(select count(*) from ").append(tables.get(i))
                .append(BACKGROUND_ROWS.getOrDefault(tables.get(i), "")).append(")");
        }
        jdbc.sql(select.toString()).query(rs -> {
            for (int i = 0; i < tables.size(); i++) {
                counts.put(tables.get(i), rs.getLong(i + 1));
            }
        });
        counts.keySet().removeAll(BACKGROUND);
        return counts;
    }

    /**
     * Tables written for every request by design, refused or not (the citizen portal's throttle counts each
     * one), or by scheduled work alone (the response-target watch records breaches every 15 s).
     */
    private static final Set<String> BACKGROUND = Set.of("traffic.portal_request", "emergency.target_breach");
    /** Rows of a table that scheduled work writes beside requests, left out of its count: the watch's breach notes. */
    private static final Map<String, String> BACKGROUND_ROWS = Map.of("emergency.timeline_entry", " where kind <> 'BREACH'");

    private Map<String, HandlerMethod> handlers() {
        var all = new HashMap<String, HandlerMethod>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    all.put(method.name() + " " + pattern, handler);
                }
            }
        });
        return all;
    }

    /** A caller the endpoint admits: its most capable named role, a device for devices, anyone for public ones. */
    private SafeCityApi caller(HandlerMethod handler) {
        var annotation = handler.getMethodAnnotation(PreAuthorize.class);
        if (annotation == null) {
            annotation = handler.getBeanType().getAnnotation(PreAuthorize.class);
        }
        String expression = annotation == null ? "" : annotation.value();
        if (expression.contains("permitAll")) {
            return anonymous;
        }
        var roles = java.util.EnumSet.noneOf(Role.class);
        var matcher = ROLE_LIST.matcher(expression);
        while (matcher.find()) {
            String list = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            for (String role : list.split(",")) {
                roles.add(Role.valueOf(role.strip().replace("'", "")));
            }
        }
        return caller(PREFERENCE.stream().filter(roles::contains).findFirst().orElse(Role.ADMIN));
    }

    private SafeCityApi caller(Role role) {
        return callers.computeIfAbsent(role, r -> r == Role.DEVICE
            ? Reporting.camera(admin(), anonymous, "KHT", 33.58, 71.44).device()
            : r == Role.ADMIN ? admin() : as(r));
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\n", "\\n").replace("\r", "\\r");
        return flat.length() > 100 ? flat.substring(0, 100) + "..." : flat;
    }
}
