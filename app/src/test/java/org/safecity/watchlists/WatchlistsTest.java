package org.safecity.watchlists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.detections.Reporting;
import org.safecity.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class WatchlistsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    static Map<String, Object> vehicleList(String name, boolean fuzzy) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put("kind", "VEHICLE");
        body.put("type", "STOLEN_VEHICLE");
        body.put("priority", "HIGH");
        body.put("fuzzy", fuzzy);
        return body;
    }

    @Test
    void a_supervisor_makes_a_vehicle_list_and_adds_a_plate_stored_normalised() {
        var supervisor = as(Role.SUPERVISOR);
        long list = supervisor.post("/api/v1/watchlists", vehicleList(Reporting.unique("Stolen cars"), false)).json().get("id").asLong();

        var added = supervisor.post("/api/v1/watchlists/" + list + "/entries", Map.of("plate", "lep-4412", "reason", "FIR 77/2026 Gulbahar"));

        assertThat(added.status()).isEqualTo(201);
        var entries = supervisor.get("/api/v1/watchlists/" + list + "/entries").json().get("items");
        assertThat(entries.get(0).get("plate").asString()).isEqualTo("LEP4412");
        assertThat(entries.get(0).get("plateAsWritten").asString()).isEqualTo("lep-4412");
    }

    @Test
    void an_entry_without_a_reason_is_refused_and_nothing_is_stored() {
        var admin = admin();
        long list = admin.post("/api/v1/watchlists", vehicleList(Reporting.unique("Wanted"), false)).json().get("id").asLong();

        var refused = admin.post("/api/v1/watchlists/" + list + "/entries", Map.of("plate", "ABC123"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("reason");
        assertThat(jdbc.sql("select count(*) from watchlists.entry where list_id = ?").param(list).query(Long.class).single()).isZero();
    }

    @Test
    void a_csv_file_is_imported_whole_or_not_at_all_with_every_bad_row_named() {
        var admin = admin();
        long list = admin.post("/api/v1/watchlists", vehicleList(Reporting.unique("Challans"), true)).json().get("id").asLong();

        var bad = admin.post("/api/v1/watchlists/" + list + "/entries.csv", "text/csv",
            "plate,reason,expires_at\nPSH-1,unpaid,\n,unpaid,\nMRD 44,,\nKHT 9,unpaid,tomorrow\n");
        var good = admin.post("/api/v1/watchlists/" + list + "/entries.csv", "text/csv",
            "plate,reason,expires_at\nPSH-1,unpaid challan 1,\nMRD 44,unpaid challan 2,2030-01-01T00:00:00Z\n");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").toString()).contains("row 3", "row 4", "row 5").doesNotContain("row 2");
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.json().get("imported").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from watchlists.entry where list_id = ?").param(list).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void a_file_sent_again_adds_only_its_new_plates_and_names_the_rows_already_listed() {
        var admin = admin();
        long list = admin.post("/api/v1/watchlists", vehicleList(Reporting.unique("Excise feed"), false)).json().get("id").asLong();
        var first = admin.post("/api/v1/watchlists/" + list + "/entries.csv", "text/csv",
            "plate,reason\nLEB-1001,stolen (FIR 1)\nLEB-1002,stolen (FIR 2)\n");
        long listedFirst = first.json().get("imported").asInt();

        var again = admin.post("/api/v1/watchlists/" + list + "/entries.csv", "text/csv",
            "plate,reason\nLEB-1001,stolen (FIR 1)\nLEB-1002,stolen (FIR 2)\n");
        var updated = admin.post("/api/v1/watchlists/" + list + "/entries.csv", "text/csv",
            "plate,reason\nLEB-1003,stolen (FIR 3)\nleb 1002,stolen (FIR 2)\n");

        assertThat(listedFirst).isEqualTo(2);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("imported").asInt()).isZero();
        assertThat(again.json().get("alreadyListed").valueStream().map(r -> r.get("row").asInt())).containsExactly(2, 3);
        assertThat(updated.json().get("imported").asInt()).isEqualTo(1);
        assertThat(updated.json().get("alreadyListed")).singleElement().satisfies(r -> {
            assertThat(r.get("row").asInt()).isEqualTo(3);
            assertThat(r.get("plate").asString()).isEqualTo("LEB1002");
        });
        assertThat(jdbc.sql("select count(*) from watchlists.entry where list_id = ?").param(list).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void a_person_file_sent_again_adds_no_one_twice_by_cnic() {
        var admin = admin();
        var body = new HashMap<String, Object>(Map.of("name", Reporting.unique("Proclaimed offenders"), "kind", "PERSON",
            "type", "WANTED_PERSON", "priority", "HIGH"));
        long list = admin.post("/api/v1/watchlists", body).json().get("id").asLong();
        String file = "cnic,name,reason\n17301-1234567-1,Gul Khan,proclaimed offender FIR 3/2026\n,Unknown man in CCTV,robbery FIR 4/2026\n";

        var first = admin.post("/api/v1/watchlists/" + list + "/entries.csv", "text/csv", file);
        var again = admin.post("/api/v1/watchlists/" + list + "/entries.csv", "text/csv", "cnic,name,reason\n17301-1234567-1,Gul Khan,again\n");
        var single = admin.post("/api/v1/watchlists/" + list + "/entries", Map.of("cnic", "1730112345671", "reason", "again"));

        assertThat(first.json().get("imported").asInt()).isEqualTo(2);
        assertThat(again.json().get("imported").asInt()).isZero();
        assertThat(again.json().get("alreadyListed")).singleElement().satisfies(r -> {
            assertThat(r.get("cnic").asString()).isEqualTo("1730112345671");
            assertThat(r.has("plate")).isFalse();
        });
        assertThat(single.status()).isEqualTo(409);
        assertThat(single.json().get("detail").asString()).contains("CNIC 1730112345671");
        assertThat(jdbc.sql("select count(*) from watchlists.entry where list_id = ?").param(list).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void a_plate_added_again_is_refused_naming_the_entry_that_lists_it() {
        var admin = admin();
        long list = admin.post("/api/v1/watchlists", vehicleList(Reporting.unique("Wanted twice"), false)).json().get("id").asLong();
        long entry = admin.post("/api/v1/watchlists/" + list + "/entries", Map.of("plate", "PSH-7070", "reason", "FIR 70/2026"))
            .json().get("id").asLong();

        var again = admin.post("/api/v1/watchlists/" + list + "/entries", Map.of("plate", "psh 7070", "reason", "FIR 70/2026"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.json().get("detail").asString()).contains("PSH7070", "entry " + entry);
        assertThat(jdbc.sql("select count(*) from watchlists.entry where list_id = ?").param(list).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_mardan_supervisor_neither_sees_nor_keeps_a_peshawar_list() {
        long peshawar = admin().post("/api/v1/watchlists", withCity(vehicleList(Reporting.unique("Peshawar list"), false), "PSH"))
            .json().get("id").asLong();
        var mardan = as("MRD", Role.SUPERVISOR);

        assertThat(mardan.get("/api/v1/watchlists/" + peshawar).status()).isEqualTo(404);
        assertThat(mardan.post("/api/v1/watchlists/" + peshawar + "/entries", Map.of("plate", "ABC1", "reason", "x")).status()).isEqualTo(404);
        assertThat(mardan.get("/api/v1/watchlists").body()).doesNotContain("\"id\":" + peshawar + ",");
    }

    @Test
    void reading_the_entries_of_a_person_list_is_written_to_the_audit_trail() {
        var admin = admin();
        var body = new HashMap<String, Object>(Map.of("name", Reporting.unique("Wanted persons"), "kind", "PERSON", "type", "WANTED_PERSON"));
        long list = admin.post("/api/v1/watchlists", body).json().get("id").asLong();
        admin.post("/api/v1/watchlists/" + list + "/entries", Map.of("cnic", "17301-1234567-1", "name", "A. Khan", "reason", "FIR 5/2026"));

        var read = admin.get("/api/v1/watchlists/" + list + "/entries");

        assertThat(read.json().get("items").get(0).get("cnic").asString()).isEqualTo("17301-1234567-1");
        assertThat(jdbc.sql("select count(*) from identity.audit_entry where action = 'watchlists.person-entries-read' and target_id = ?")
            .param(Long.toString(list)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_plate_taken_off_the_list_raises_no_alert_any_more() throws Exception {
        var admin = admin();
        String plate = org.safecity.alerts.Sightings.plate();
        long list = org.safecity.alerts.Sightings.listWith(admin, plate, false, "HIGH");
        long entry = admin.get("/api/v1/watchlists/" + list + "/entries").json().get("items").get(0).get("id").asLong();
        var field = Reporting.mardanCamera(admin, anonymous);

        var removed = admin.delete("/api/v1/watchlists/" + list + "/entries/" + entry);
        field.device().post("/api/v1/detections", Reporting.batch(List.of(Reporting.plateRead(field.cameraId(), plate, java.time.Instant.now()))));
        Thread.sleep(1_000);

        assertThat(removed.status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/watchlists/" + list + "/entries").json().get("items").size()).isZero();
        assertThat(admin.get("/api/v1/alerts").body()).doesNotContain(plate);
    }

    private static Map<String, Object> withCity(Map<String, Object> body, String city) {
        body.put("cityCode", city);
        return body;
    }

}
