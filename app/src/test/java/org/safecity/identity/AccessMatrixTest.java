package org.safecity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.emergency.Scene;
import tools.jackson.databind.JsonNode;

/**
 * The role × operation × jurisdiction matrix, drawn from the OpenAPI document the running server
 * publishes ({@code /v3/api-docs}), so an operation added tomorrow is in it without a line here.
 * For every operation and every role: a role the document does not admit gets 403, and an admitted
 * one never a server error. For every operation that addresses a record of a city: a person of
 * another city, holding every role that matters, finds nothing (404 or 403) and changes nothing.
 * {@link EndpointSecurityTest} walks the server's own mapping (anonymous callers, one wrong role);
 * this walks the published contract.
 */
class AccessMatrixTest extends IntegrationTest {

    private static final String HOME = Scene.CITY;
    private static final String OTHER = "MRD";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    /** Every role a person may hold but a partner's, which narrows what its holder sees to its premises. */
    private static final Role[] ALL_BUT_PARTNER = {Role.ADMIN, Role.OPERATOR, Role.DISPATCHER, Role.TRAFFIC_REVIEWER,
        Role.INVESTIGATOR, Role.SUPERVISOR, Role.AUDITOR};

    private final Map<Role, SafeCityApi> byRole = new EnumMap<>(Role.class);
    private List<Operation> operations;

    record Operation(String method, String path, Set<Role> roles, String jurisdiction, String contentType, String accept) {
        String key() {
            return method.toUpperCase() + " " + path;
        }

        boolean isWrite() {
            return !method.equals("get");
        }

        String with(String firstId) {
            String filled = PATH_VARIABLE.matcher(path).replaceFirst(firstId);
            return PATH_VARIABLE.matcher(filled).replaceAll("1");
        }
    }

    @BeforeEach
    void readTheDocument() {
        var document = anonymous.get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        operations = new ArrayList<>();
        document.json().get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (!METHODS.contains(entry.getKey()) || streams(path.getKey(), entry.getValue())) {
                return;
            }
            JsonNode op = entry.getValue();
            Set<Role> roles = null;
            if (op.has("x-roles")) {
                roles = EnumSet.noneOf(Role.class);
                for (JsonNode role : op.get("x-roles")) {
                    roles.add(Role.valueOf(role.asString()));
                }
            }
            String jurisdiction = op.has("x-jurisdiction") ? op.get("x-jurisdiction").asString() : null;
            operations.add(new Operation(entry.getKey(), path.getKey(), roles, jurisdiction, contentType(op), SafeCityApi.accepting(op)));
        }));
    }

    /** Live streams answer for as long as the caller listens; they are reads and are covered by EndpointSecurityTest. */
    private static boolean streams(String path, JsonNode operation) {
        return path.endsWith("/stream") || operation.toString().contains("text/event-stream");
    }

    private static String contentType(JsonNode operation) {
        var body = operation.get("requestBody");
        if (body == null || body.get("content") == null) {
            return "application/json";
        }
        var types = body.get("content").propertyNames().iterator();
        return types.hasNext() ? types.next() : "application/json";
    }

    private SafeCityApi.Response call(SafeCityApi caller, Operation op, String path) {
        return caller.send(op.method().toUpperCase(), path, op.contentType(), op.isWrite() ? "{}" : null, Map.of("Accept", op.accept()));
    }

    private SafeCityApi person(String city, Role... roles) {
        String username = "matrix." + ProcessHandle.current().pid() + "." + PEOPLE.incrementAndGet();
        var body = new LinkedHashMap<String, Object>(Map.of("username", username, "displayName", "Matrix " + username,
            "password", passwordOf(username), "roles", List.of(roles).stream().map(Enum::name).toList()));
        if (city == null) {
            body.put("scope", "province");
        } else {
            body.put("cityCode", city);
        }
        if (Set.of(roles).contains(Role.PARTNER)) {
            body.put("partnerId", 1);
        }
        var created = admin().post("/api/v1/accounts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return anonymous.signIn(username, passwordOf(username));
    }

    @Test
    void every_operation_of_the_document_names_its_roles_and_every_change_what_it_reaches() {
        assertThat(operations).hasSizeGreaterThan(50);
        var writesWithoutScope = operations.stream().filter(Operation::isWrite).filter(op -> op.jurisdiction() == null)
            .map(Operation::key).toList();
        var unrestricted = operations.stream().filter(op -> op.roles() == null).map(Operation::key).toList();

        assertThat(writesWithoutScope).as("changes that do not say what part of the province they reach").isEmpty();
        // Only sign-in, sign-out, "who am I", the bank, the citizen portal and the public key are open to every caller.
        assertThat(unrestricted).allMatch(key -> key.startsWith("POST /api/v1/auth/") || key.equals("GET /api/v1/me")
            || key.contains("/api/public/") || key.equals("POST /api/v1/payments/callback") || key.equals("GET /api/v1/evidence/public-key"),
            "open to any caller");
    }

    @Test
    void every_role_the_document_does_not_admit_gets_403_and_an_admitted_one_never_a_server_error() {
        List<String> wrong = new ArrayList<>();
        int refusals = 0;
        for (var op : operations) {
            if (op.roles() == null) {
                continue;
            }
            for (Role role : Role.values()) {
                if (role == Role.DEVICE) {
                    continue;  // a machine's key is not a person's account; EndpointSecurityTest and the intake tests cover devices
                }
                var caller = byRole.computeIfAbsent(role, r -> person(null, r));
                boolean admitted = op.roles().contains(role);
                if (admitted && op.isWrite()) {
                    continue;  // an admitted change would act; what it does is each module's own tests' business
                }
                var response = call(caller, op, op.with("999999999"));
                if (!admitted) {
                    refusals++;
                    if (response.status() != 403 || !response.isProblem()) {
                        wrong.add(op.key() + " as " + role + " (not admitted) -> " + response.status());
                    }
                } else if (response.status() >= 500) {
                    wrong.add(op.key() + " as " + role + " (admitted) -> " + response.status() + " " + response.body());
                }
            }
        }
        assertThat(refusals).isGreaterThan(300);
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_person_of_another_city_finds_no_record_of_this_city_and_changes_nothing() {
        var home = person(HOME, Role.ADMIN, Role.SUPERVISOR, Role.DISPATCHER, Role.INVESTIGATOR);
        var reader = person(null, Role.ADMIN, Role.SUPERVISOR, Role.DISPATCHER, Role.INVESTIGATOR, Role.OPERATOR, Role.TRAFFIC_REVIEWER);
        var outsider = person(OTHER, ALL_BUT_PARTNER);
        var records = homeRecords(home);

        List<String> leaks = new ArrayList<>();
        int tried = 0;
        for (var record : records.entrySet()) {
            String base = record.getKey().replace("{id}", record.getValue());
            String before = reader.get(base).body();
            for (var op : operations) {
                if (!op.path().startsWith(record.getKey()) || op.roles() == null) {
                    continue;
                }
                var response = call(outsider, op, op.with(record.getValue()));
                tried++;
                if (response.status() != 404 && response.status() != 403 && !(op.isWrite() && response.status() == 400)) {
                    leaks.add(op.key() + " -> " + response.status() + " " + response.body());
                }
            }
            assertThat(reader.get(base).body()).as("after another city's calls on " + base).isEqualTo(before);
        }
        assertThat(tried).isGreaterThan(40);
        assertThat(leaks).as("another city's records reached").isEmpty();
    }

    /** One record of each kind a city's people keep, in the home city, by the path that addresses it. */
    private Map<String, String> homeRecords(SafeCityApi home) {
        var records = new LinkedHashMap<String, String>();
        var site = admin().post("/api/v1/sites", Map.of("name", Scene.unique("Matrix site"), "kind", "junction",
            "lat", 33.59, "lon", 71.45, "city", HOME, "phase", 4));
        assertThat(site.status()).as(site.toString()).isEqualTo(201);
        records.put("/api/v1/sites/{id}", site.json().get("id").asString());
        var camera = admin().post("/api/v1/cameras", Map.of("siteId", site.json().get("id").asLong(), "name", Scene.unique("Matrix camera"),
            "make", "Hikvision", "model", "DS-2CD7A26G0/P-IZHS", "resolution", "1920x1080", "type", "ANPR", "heading", 90, "fieldOfView", 90,
            "mainStream", "rtsp://10.99.1.31:554/Streaming/Channels/101"));
        assertThat(camera.status()).as(camera.toString()).isEqualTo(201);
        String cameraId = camera.json().get("id").asString();
        records.put("/api/v1/cameras/{id}", cameraId);
        var device = home.post("/api/v1/devices", Map.of("name", "Matrix NVR", "cameraIds", List.of(Long.parseLong(cameraId))));
        assertThat(device.status()).as(device.toString()).isEqualTo(201);
        records.put("/api/v1/devices/{id}", device.json().get("id").asString());
        var account = home.post("/api/v1/accounts", Map.of("username", "matrix.home." + ProcessHandle.current().pid() + "." + PEOPLE.incrementAndGet(),
            "displayName", "Home operator", "password", "Lantern by the river 7", "roles", List.of("OPERATOR"), "cityCode", HOME));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        records.put("/api/v1/accounts/{id}", account.json().get("id").asString());
        var rule = home.post("/api/v1/traffic/rules", Map.of("cameraId", Long.parseLong(cameraId), "kind", "SPOT_SPEED", "limitKmh", 60));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        records.put("/api/v1/traffic/rules/{id}", rule.json().get("id").asString());
        var scene = Scene.fresh(home);
        records.put("/api/v1/units/{id}", Long.toString(scene.unit("POLICE_CAR", scene.at(500, 0))));
        records.put("/api/v1/incidents/{id}", scene.incident("ROBBERY", scene.spot).get("id").asString());
        var list = home.post("/api/v1/watchlists", Map.of("name", Scene.unique("Matrix list"), "kind", "VEHICLE", "type", "STOLEN_VEHICLE",
            "priority", "HIGH", "cityCode", HOME));
        assertThat(list.status()).as(list.toString()).isEqualTo(201);
        records.put("/api/v1/watchlists/{id}", list.json().get("id").asString());
        var zone = home.post("/api/v1/zones", Map.of("city", HOME, "code", "MX" + (PEOPLE.incrementAndGet() % 1000),
            "name", Scene.unique("Matrix police station"), "lat", 33.58, "lon", 71.44));
        assertThat(zone.status()).as(zone.toString()).isEqualTo(201);
        records.put("/api/v1/zones/{id}", zone.json().get("id").asString());
        var button = home.post("/api/v1/panic-buttons", Map.of("premisesName", Scene.unique("Matrix bank"), "premisesKind", "BANK",
            "address", "Bannu Road, Kohat", "location", Map.of("lat", 33.58, "lon", 71.45), "cityCode", HOME));
        assertThat(button.status()).as(button.toString()).isEqualTo(201);
        records.put("/api/v1/panic-buttons/{id}", button.json().get("id").asString());
        var kase = home.post("/api/v1/cases", Map.of("firNumber", "FIR-" + System.nanoTime() + "/2026", "policeStation", "Kohat City",
            "offence", "theft of a motorcycle"));
        assertThat(kase.status()).as(kase.toString()).isEqualTo(201);
        records.put("/api/v1/cases/{id}", kase.json().get("id").asString());
        return records;
    }
}
