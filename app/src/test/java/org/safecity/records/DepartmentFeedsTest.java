package org.safecity.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.traffic.Roadside;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Records arrive three ways (a file, a push with the feed's key, a pull of the department's endpoint),
 * each with a row-by-row report, and sending the same again changes nothing.
 */
public class DepartmentFeedsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    public static String code(String base) {
        return base + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
    }

    public static long source(SafeCityApi admin, String code, List<String> kinds, Map<String, String> mapping, Map<String, Object> extra) {
        var body = new java.util.HashMap<String, Object>(Map.of("code", code, "name", "Test feed " + code, "owner", "Test department",
            "description", "made by a test", "retentionDays", 3650, "kinds", kinds, "mapping", mapping));
        body.putAll(extra);
        var created = admin.post("/api/v1/records/sources", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private long records(long sourceId) {
        return jdbc.sql("select count(*) from records.record where source_id = ?").param(sourceId).query(Long.class).single();
    }

    @Test
    void a_csv_of_vehicle_registrations_lands_with_a_report_and_the_same_file_again_changes_nothing() {
        var admin = admin();
        long id = source(admin, code("excise"), List.of("VEHICLE"), Map.of("id", "reg_id", "plate", "registration_no", "ownerCnic", "owner_cnic",
            "ownerName", "owner_name"), Map.of());
        String plate = Roadside.plate();
        String cnic = Roadside.cnic();
        String csv = "reg_id,registration_no,chassis,make,model,colour,owner_name,owner_cnic,ownerPhone\n"
            + "E-1," + plate + ",NZE141-" + plate + ",Toyota,Corolla,white,Muhammad Khan," + cnic + ",+92 300 1112223\n"
            + "E-2,--,,Honda,City,black,Ali," + cnic + ",\n";

        var first = admin.post("/api/v1/records/sources/" + id + "/imports?fileName=excise.csv", "text/csv", csv);
        var again = admin.post("/api/v1/records/sources/" + id + "/imports?fileName=excise.csv", "text/csv", csv);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("added").asInt()).isEqualTo(1);
        assertThat(first.json().get("refused").asInt()).isEqualTo(1);
        JsonNode refused = first.json().get("report").get(1);
        assertThat(refused.get("row").asInt()).isEqualTo(3);
        assertThat(refused.get("problems").toString()).contains("plate");
        assertThat(again.json().get("added").asInt()).isZero();
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(records(id)).isEqualTo(1);
        var report = admin.get("/api/v1/records/imports/" + first.json().get("importId").asLong());
        assertThat(report.json().get("report").size()).isEqualTo(2);
    }

    @Test
    void a_changed_row_arrives_as_a_new_version_and_the_earlier_one_is_kept() {
        var admin = admin();
        long id = source(admin, code("excise"), List.of("VEHICLE"), Map.of(), Map.of());
        String plate = Roadside.plate();
        String cnic = Roadside.cnic();
        admin.post("/api/v1/records/sources/" + id + "/imports", "text/csv",
            "id,plate,colour,ownerName,ownerCnic\nV-1," + plate + ",white,Owner One," + cnic + "\n");
        var changed = admin.post("/api/v1/records/sources/" + id + "/imports", "text/csv",
            "id,plate,colour,ownerName,ownerCnic\nV-1," + plate + ",red,Owner One," + cnic + "\n");

        assertThat(changed.json().get("added").asInt()).isEqualTo(1);
        assertThat(records(id)).isEqualTo(2);
        var profile = as(org.safecity.identity.Role.INVESTIGATOR).get("/api/v1/vehicles/" + plate + "?purpose=checking+versions");
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        var colours = profile.json().get("facts").get("colour");
        assertThat(colours.toString()).contains("\"value\":\"red\",", "\"value\":\"white\"");
        assertThat(colours.get(0).get("source").asString()).startsWith("excise-");
    }

    @Test
    void one_import_is_taken_in_batches_as_if_row_by_row_versions_in_order_a_vehicle_once_and_the_report_in_file_order() {
        var admin = admin();
        long id = source(admin, code("excise"), List.of("VEHICLE"), Map.of(), Map.of());
        String plate = Roadside.plate();
        String other = Roadside.plate();
        String cnic = Roadside.cnic();
        admin.post("/api/v1/records/sources/" + id + "/imports", "text/csv", "id,plate,colour,ownerName,ownerCnic\nB-0," + other + ",blue,Zar Gul," + cnic + "\n");
        String csv = "id,version,plate,chassis,colour,ownerName,ownerCnic\n"
            + "B-1,1," + plate + ",,white,Owner One," + cnic + "\n"
            + "B-1,2," + plate + ",CH-" + plate + ",red,Owner One," + cnic + "\n"
            + "B-2,1," + plate + ",CH-" + plate + ",red,Owner One," + cnic + "\n"
            + "B-0,,!,,blue,Zar Gul," + cnic + "\n";

        var first = admin.post("/api/v1/records/sources/" + id + "/imports", "text/csv", csv);
        var again = admin.post("/api/v1/records/sources/" + id + "/imports", "text/csv", csv);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("report").findValuesAsString("outcome")).containsExactly("ADDED", "ADDED", "ADDED", "REFUSED");
        assertThat(first.json().get("report").findValuesAsString("sourceRecordId")).containsExactly("B-1", "B-1", "B-2", "B-0");
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select version from records.record where source_id = ? and source_record_id = 'B-1' and current").param(id)
            .query(String.class).list()).containsExactly("2");
        // The chassis B-2 brought is added to the vehicle the plate named: one vehicle, with both.
        assertThat(jdbc.sql("select count(*) from records.vehicle where plate = ? or chassis = ?").params(plate, "CH" + plate)
            .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select chassis from records.vehicle where plate = ?").param(plate).query(String.class).single()).isEqualTo("CH" + plate);
        assertThat(jdbc.sql("select count(distinct l.person_id) from records.link l join records.record r on r.id = l.record_id "
            + "where r.source_id = ? and l.role = 'owner'").param(id).query(Long.class).single()).isOne();
    }

    @Test
    void a_pushed_json_of_firs_lands_with_the_feed_s_key_and_the_same_push_again_changes_nothing() {
        var admin = admin();
        long id = source(admin, code("police-fir"), List.of("FIR"), Map.of("id", "firId"), Map.of());
        String key = admin.post("/api/v1/records/sources/" + id + "/key", Map.of()).json().get("key").asString();
        var feed = anonymous.withToken(key);
        var body = Map.of("records", List.of(
            Map.of("firId", "PS-GULBAHAR-417-2026", "policeStation", "Gulbahar", "year", "2026", "number", "417", "sections", "379 PPC",
                "complainantName", "Asad Ullah", "complainantCnic", Roadside.cnic(), "accusedName", "Sher Khan", "status", "UNDER_INVESTIGATION"),
            Map.of("firId", "PS-X-1", "policeStation", "Gulbahar", "year", "20x6", "number", "1")));

        var first = feed.post("/api/v1/records/push", body);
        var again = feed.post("/api/v1/records/push", body);
        var withoutKey = as(org.safecity.identity.Role.ADMIN).post("/api/v1/records/push", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("added").asInt()).isEqualTo(1);
        assertThat(first.json().get("report").get(1).get("problems").toString()).contains("year");
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.json().get("added").asInt()).isZero();
        assertThat(records(id)).isEqualTo(1);
        assertThat(withoutKey.status()).isEqualTo(403);
    }

    @Test
    void a_pull_of_stolen_vehicle_reports_lands_raises_the_watchlist_entry_and_closing_the_report_removes_it() throws Exception {
        String plate = Roadside.plate();
        var answer = new AtomicReference<>("[{\"id\":\"SV-1\",\"plate\":\"" + plate + "\",\"policeStation\":\"Hayatabad\",\"cityCode\":\"PSH\","
            + "\"status\":\"OPEN\"}]");
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/stolen", exchange -> {
            byte[] bytes = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            var admin = admin();
            long id = source(admin, code("stolen"), List.of("STOLEN_VEHICLE"), Map.of(), Map.of("pullUrl",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/stolen", "pullEveryMinutes", 60));

            var first = admin.post("/api/v1/records/sources/" + id + "/pull", Map.of());
            var again = admin.post("/api/v1/records/sources/" + id + "/pull", Map.of());
            JsonNode listed = Roadside.await(() -> stolenEntry(admin, plate), "the plate on the stolen-vehicles list");
            answer.set(answer.get().replace("OPEN", "RECOVERED"));
            var closed = admin.post("/api/v1/records/sources/" + id + "/pull", Map.of());

            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            assertThat(first.json().get("added").asInt()).isEqualTo(1);
            assertThat(first.json().get("via").asString()).isEqualTo("PULL");
            assertThat(again.json().get("unchanged").asInt()).isEqualTo(1);
            assertThat(listed.get("reason").asString()).contains("Stolen vehicle " + plate);
            assertThat(closed.json().get("added").asInt()).isEqualTo(1);
            Roadside.await(() -> stolenEntry(admin, plate) == null ? admin.get("/api/v1/watchlists").json() : null, "the plate off the list");
        } finally {
            server.stop(0);
        }
    }

    private static JsonNode stolenEntry(SafeCityApi admin, String plate) {
        var list = Roadside.find(admin.get("/api/v1/watchlists").json().get("items"), l -> "Stolen vehicles PSH (records)".equals(l.get("name").asString()));
        if (list == null) {
            return null;
        }
        return Roadside.find(admin.get("/api/v1/watchlists/" + list.get("id").asLong() + "/entries?size=1000").json().get("items"),
            e -> plate.equals(e.get("plate").asString()));
    }
}
