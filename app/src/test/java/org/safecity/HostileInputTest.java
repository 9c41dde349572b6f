package org.safecity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.safecity.detections.Reporting;
import org.safecity.identity.Role;
import org.safecity.shared.TextPolicy;
import org.safecity.storage.StorageSettings;
import org.safecity.traffic.Roadside;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Text and numbers from outside are checked in one place before any store sees them: what PostgreSQL
 * cannot hold, what reads differently from what it holds, what is too long or too large, is refused
 * with a problem+json naming the field, in words (never Jackson's), and nothing is written.
 */
class HostileInputTest extends IntegrationTest {

    private static final String BEYOND_LONG = "123456789012345678901234567890";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StorageSettings storage;

    @Test
    void a_nul_in_free_text_is_refused_with_its_field_named_and_nothing_is_stored() {
        var operator = as(Role.OPERATOR);
        long before = jdbc.sql("select count(*) from emergency.incident").query(Long.class).single();

        var refused = operator.post("/api/v1/incidents", "application/json", """
            {"type": "ROAD_ACCIDENT", "cityCode": "PSH", "location": {"lat": 34.0, "lon": 71.5},
             "description": "two cars\\u0000 collided"}""");

        assertRefused(refused, "description", "NUL");
        assertThat(jdbc.sql("select count(*) from emergency.incident").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void a_lone_surrogate_in_a_password_or_a_nul_in_a_user_name_is_refused_at_sign_in_not_a_server_error() {
        var surrogate = anonymous.post("/api/v1/auth/token", "application/json", "{\"username\": \"admin\", \"password\": \"pass\\ud800word\"}");
        var nulName = anonymous.post("/api/v1/auth/token", "application/json", "{\"username\": \"ad\\u0000min\", \"password\": \"x\"}");
        var nulOnTheForm = anonymous.send("POST", "/login", "application/x-www-form-urlencoded", "username=ad%00min&password=x",
            Map.of("Accept", "application/json"));

        assertRefused(surrogate, "password", "surrogate");
        assertRefused(nulName, "username", "NUL");
        assertRefused(nulOnTheForm, "username", "NUL");
    }

    @Test
    void a_caller_name_of_a_hundred_thousand_characters_is_refused() {
        var operator = as(Role.OPERATOR);

        var refused = operator.post("/api/v1/incidents", Map.of("type", "ROAD_ACCIDENT", "cityCode", "PSH",
            "location", Map.of("lat", 34.0, "lon", 71.5), "caller", Map.of("name", "G".repeat(100_000), "number", "03001234567")));

        assertRefused(refused, "caller.name", "too long");
    }

    @Test
    void right_to_left_overrides_are_refused_in_statements_and_file_names() {
        var statement = anonymous.post("/api/public/challans/KP-0000001/contest", Map.of("plate", "ABC123", "cnic", "1730112345671",
            "statement", "I paid \u202Eon the spot"));
        var investigator = as(Role.INVESTIGATOR);
        String caseId = investigator.post("/api/v1/cases", Map.of("firNumber", "FIR-" + System.nanoTime() + "/2026",
            "policeStation", "Gulbahar", "offence", "theft of a motorcycle")).json().get("id").asString();
        long items = jdbc.sql("select count(*) from evidence.item").query(Long.class).single();
        var fileName = investigator.post("/api/v1/cases/" + caseId + "/items", "multipart/form-data; boundary=b",
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo\u202Egpj.exe\"\r\nContent-Type: image/png\r\n\r\n"
                + "not really a png\r\n--b--\r\n");

        assertRefused(statement, "statement", "bidirectional");
        assertRefused(fileName, "file name", "bidirectional");
        assertThat(jdbc.sql("select count(*) from evidence.item").query(Long.class).single()).isEqualTo(items);
    }

    @Test
    void a_number_beyond_long_or_of_the_wrong_type_is_explained_in_words_without_jackson_s_internals() {
        var admin = admin();

        var beyond = admin.post("/api/v1/devices", "application/json", "{\"name\": \"NVR\", \"cameraIds\": [" + BEYOND_LONG + "]}");
        var wrongType = admin.post("/api/v1/devices", "application/json", "{\"name\": \"NVR\", \"cameraIds\": [\"first\"]}");
        var broken = admin.post("/api/v1/devices", "application/json", "{\"name\": \"NVR\",");
        var notJson = admin.post("/api/v1/devices", "application/json", "{name: NVR}");

        assertRefused(beyond, "cameraIds[0]", "out of range");
        assertRefused(wrongType, "cameraIds[0]", "whole number");
        assertRefused(broken, "body", "not valid JSON");
        assertRefused(notJson, "body", "not valid JSON (line 1, column");
        for (var answer : List.of(beyond, wrongType, broken, notJson)) {
            assertThat(answer.body()).doesNotContain("tools.jackson", "java.", "org.safecity", "JsonToken", "`");
        }
    }

    @Test
    void a_bank_callback_with_an_amount_beyond_long_or_a_nul_in_its_transaction_is_refused() {
        String beyond = "{\"paymentReference\": \"000000000000\", \"amountPkr\": " + BEYOND_LONG + ", \"paidAt\": \""
            + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\", \"bankTransactionId\": \"TXN-1\"}";
        String nul = "{\"paymentReference\": \"000000000000\", \"amountPkr\": 2000, \"paidAt\": \""
            + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\", \"bankTransactionId\": \"TXN\\u00001\"}";

        var tooLarge = anonymous.send("POST", "/api/v1/payments/callback", "application/json", beyond,
            Map.of("X-Signature", Roadside.sign(storage.dataDir(), beyond)));
        var withNul = anonymous.send("POST", "/api/v1/payments/callback", "application/json", nul,
            Map.of("X-Signature", Roadside.sign(storage.dataDir(), nul)));

        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("amountPkr");
        assertThat(withNul.status()).as(withNul.body()).isEqualTo(400);
        assertThat(withNul.body()).contains("bankTransactionId", "NUL");
    }

    @Test
    void an_encoded_slash_a_nul_or_an_override_in_a_path_is_answered_as_a_problem_not_the_container_s_page() {
        var admin = admin();

        for (String path : List.of("/api/v1/cameras/1%2F2", "/api/v1/cameras/1%002", "/api/v1/cameras/1%E2%80%AE2", "/api/v1/cameras/1;x=2")) {
            var answer = admin.get(path);
            assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(400);
            assertThat(answer.isProblem()).as(path + " " + answer.contentType() + " " + answer.body()).isTrue();
            assertThat(answer.body()).doesNotContain("<html", "Tomcat");
        }
    }

    @Test
    void what_ends_on_the_container_s_error_page_is_answered_as_a_problem_to_programs() {
        var answer = anonymous.send("GET", "/error", null, null, Map.of("Accept", "application/json"));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
        assertThat(answer.json().get("detail").asString()).contains("server log");
    }

    @Test
    void a_nul_in_a_query_parameter_is_refused_with_the_parameter_named() {
        var refused = as(Role.INVESTIGATOR).get("/api/v1/sightings?plate=AB%00C&purpose=FIR+12%2F2026+theft");

        assertRefused(refused, "plate", "NUL");
    }

    @Test
    void a_purpose_of_a_dot_says_nothing_and_is_refused() {
        var investigator = as(Role.INVESTIGATOR);

        var dot = investigator.get("/api/v1/sightings?plate=ABC123&purpose=.");
        var words = investigator.get("/api/v1/sightings?plate=ABC123&purpose=FIR+12%2F2026+theft");

        assertRefused(dot, "purpose", "letters");
        assertThat(words.status()).as(words.body()).isEqualTo(200);
    }

    @Test
    void malformed_csv_is_refused_in_words_on_every_import_and_nothing_is_stored() {
        var admin = admin();
        long list = admin.post("/api/v1/watchlists", Map.of("name", Reporting.unique("Stolen"), "kind", "VEHICLE", "type", "STOLEN_VEHICLE",
            "priority", "HIGH", "fuzzy", false)).json().get("id").asLong();
        long sites = jdbc.sql("select count(*) from registry.site").query(Long.class).single();
        String unclosed = "\"never closed,and so on\n";

        var answers = List.of(
            admin.post("/api/v1/imports/sites", "text/csv", "name,kind,lat,lon,city,phase\n" + unclosed),
            admin.post("/api/v1/imports/cameras", "text/csv", "site_id,name,make,model,resolution,type,main_stream\n" + unclosed),
            admin.post("/api/v1/traffic/fines.csv", "text/csv", "effective_from,offence_code,offence,motorcycle,car_jeep,ltv,htv\n" + unclosed),
            admin.post("/api/v1/watchlists/" + list + "/entries.csv", "text/csv", "plate,reason\n" + unclosed));
        var nul = admin.post("/api/v1/watchlists/" + list + "/entries.csv", "text/csv", "plate,reason\nABC123,stolen\u0000\n");

        for (var answer : answers) {
            assertRefused(answer, "file", "not valid CSV");
        }
        assertRefused(nul, "row 2", "NUL");
        assertThat(jdbc.sql("select count(*) from registry.site").query(Long.class).single()).isEqualTo(sites);
        assertThat(jdbc.sql("select count(*) from watchlists.entry where list_id = ?").param(list).query(Long.class).single()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_nul_or_oversize_details_in_one_detection_item_refuse_that_item_alone_and_the_rest_are_stored() {
        var field = Reporting.camera(admin(), anonymous, "KHT", 33.59, 71.45);
        Instant now = Instant.now().minusSeconds(5);
        var clean = Reporting.plateRead(field.cameraId(), "KHT1234", now);
        var poisoned = Reporting.plateRead(field.cameraId(), "KHT1235", now);
        ((Map<String, Object>) poisoned.get("plate")).put("colour", "white\u0000");
        var oversize = Reporting.plateRead(field.cameraId(), "KHT1236", now);
        ((Map<String, Object>) oversize.get("plate")).put("notes", "n".repeat(100_000));
        var beyond = Reporting.plateRead(field.cameraId(), "KHT1237", now);
        var items = new ArrayList<Object>(List.of(clean, poisoned, oversize));

        var answer = field.device().post("/api/v1/detections", Reporting.batch(items));
        var beyondLong = field.device().post("/api/v1/detections", "application/json",
            "{\"detections\": [" + JsonText.of(beyond).replace("\"cameraId\":" + field.cameraId(), "\"cameraId\":" + BEYOND_LONG) + "]}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
        JsonNode rejected = answer.json().get("rejected");
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).get("reason").asString()).contains("plate.colour", "NUL");
        assertThat(rejected.get(1).get("index").asInt()).isEqualTo(2);
        assertThat(rejected.get(1).get("reason").asString()).contains("plate.notes", "too long");
        var fiveMegabytes = Reporting.plateRead(field.cameraId(), "KHT1238", now);
        ((Map<String, Object>) fiveMegabytes.get("plate")).put("notes", "n".repeat(5 * 1024 * 1024));
        var tooLarge = field.device().post("/api/v1/detections", Reporting.batch(List.of(fiveMegabytes)));
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(400);
        assertThat(tooLarge.isProblem()).isTrue();
        assertThat(tooLarge.body()).contains("too large");
        assertThat(beyondLong.status()).as(beyondLong.body()).isEqualTo(202);
        assertThat(beyondLong.json().get("rejected").get(0).get("reason").asString()).contains("cameraId");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_evidence_image_sent_inline_is_taken_up_to_its_limit_and_a_larger_one_refuses_its_item_alone() {
        var field = Reporting.camera(admin(), anonymous, "KHT", 33.59, 71.45);
        Instant now = Instant.now().minusSeconds(5);
        var scene = new byte[600 * 1024]; // a 1080p scene JPEG's size
        new java.util.Random(7).nextBytes(scene);
        var withScene = Reporting.plateRead(field.cameraId(), "KHT2234", now);
        ((Map<String, Object>) withScene.get("plate")).put("sceneImage", java.util.Base64.getEncoder().encodeToString(scene));
        var withHuge = Reporting.plateRead(field.cameraId(), "KHT2235", now);
        ((Map<String, Object>) withHuge.get("plate")).put("sceneImage", "A".repeat(TextPolicy.Kind.ENCODED.maxLength() + 4));

        var answer = field.device().post("/api/v1/detections", Reporting.batch(List.of(withScene, withHuge)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.json().get("rejected")).hasSize(1);
        assertThat(answer.json().get("rejected").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(answer.json().get("rejected").get(0).get("reason").asString()).contains("sceneImage", "too long");
    }

    @Test
    void five_identical_bank_callbacks_at_once_are_all_answered_200_and_the_challan_is_paid_once() throws Exception {
        var admin = admin();
        String number = Roadside.issue(admin, anonymous, "Sher Ali");
        var challan = admin.get("/api/v1/challans/" + number).json();
        String body = Roadside.callback(challan.get("paymentReference").asString(), challan.get("amountDuePkr").asLong(),
            Instant.now().truncatedTo(ChronoUnit.SECONDS), "TXN-RACE-" + number);
        String signature = Roadside.sign(storage.dataDir(), body);

        var answers = new ArrayList<SafeCityApi.Response>();
        try (var pool = Executors.newFixedThreadPool(5)) {
            var calls = new ArrayList<Callable<SafeCityApi.Response>>();
            for (int i = 0; i < 5; i++) {
                calls.add(() -> anonymous.send("POST", "/api/v1/payments/callback", "application/json", body, Map.of("X-Signature", signature)));
            }
            for (var done : pool.invokeAll(calls)) {
                answers.add(done.get());
            }
        }

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(200));
        assertThat(answers.stream().filter(a -> !a.json().get("repeated").asBoolean()).count()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from traffic.payment where challan_number = ?").param(number).query(Long.class).single())
            .isEqualTo(1);
    }

    private static void assertRefused(SafeCityApi.Response answer, String field, String reason) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
        JsonNode errors = answer.json().path("errors");
        assertThat(errors.isArray() && !errors.isEmpty()).as("errors in " + answer.body()).isTrue();
        assertThat(errors.get(0).get("field").asString()).as(answer.body()).isEqualTo(field);
        assertThat(errors.get(0).get("problem").asString()).as(answer.body()).contains(reason);
    }

    /** JSON text of a test's map, without a client library that would refuse to write a lone surrogate. */
    private static final class JsonText {
        static String of(Object value) {
            return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
        }
    }
}
