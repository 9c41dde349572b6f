package org.safecity.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.safecity.traffic.Roadside;
import tools.jackson.databind.JsonNode;

/**
 * One search finds persons by spelling variants and Urdu script, by CNIC with or without dashes, by
 * phone and FIR number, vehicles by a plate read with confused characters; it needs a purpose, is
 * audited, and shows each role only what it may see.
 */
class OneSearchTest extends IntegrationTest {

    private String cnic;
    private String urduCnic;
    private String plate;
    private String firNumber;

    @BeforeEach
    void departmentsSentTheirRecords() {
        var admin = admin();
        cnic = Roadside.cnic();
        urduCnic = Roadside.cnic();
        plate = "LEB1" + (100 + java.util.concurrent.ThreadLocalRandom.current().nextInt(900));
        firNumber = Integer.toString(100 + java.util.concurrent.ThreadLocalRandom.current().nextInt(800000));
        long nadra = DepartmentFeedsTest.source(admin, DepartmentFeedsTest.code("persons"), List.of("PERSON"), Map.of(), Map.of());
        var persons = admin.post("/api/v1/records/sources/" + nadra + "/imports", Map.of("records", List.of(
            Map.of("id", "P-" + cnic, "cnic", cnic, "name", "Muhammad Khan", "fatherName", "Gul Khan", "phone", "0301-7654321"),
            Map.of("id", "P-" + urduCnic, "cnic", urduCnic, "nameUrdu", "محمد خان", "fatherName", "Sher Ali"),
            Map.of("id", "P-M-" + cnic, "cnic", Roadside.cnic(), "name", "Mehmood Khan"))));
        assertThat(persons.status()).as(persons.toString()).isEqualTo(200);
        long excise = DepartmentFeedsTest.source(admin, DepartmentFeedsTest.code("excise"), List.of("VEHICLE"), Map.of(), Map.of());
        var vehicles = admin.post("/api/v1/records/sources/" + excise + "/imports", "text/csv",
            "id,plate,make,model,colour,ownerName,ownerCnic\nR-" + plate + "," + plate + ",Suzuki,Mehran,white,Muhammad Khan," + cnic + "\n");
        assertThat(vehicles.status()).as(vehicles.toString()).isEqualTo(200);
        long police = DepartmentFeedsTest.source(admin, DepartmentFeedsTest.code("fir"), List.of("FIR"), Map.of(), Map.of());
        var firs = admin.post("/api/v1/records/sources/" + police + "/imports", Map.of("records", List.of(
            Map.of("id", "F-" + firNumber, "policeStation", "Faqirabad", "year", "2026", "number", firNumber, "sections", "411 PPC",
                "accusedName", "Muhammad Khan", "accusedCnic", cnic, "status", "CHALLAN_SUBMITTED"))));
        assertThat(firs.status()).as(firs.toString()).isEqualTo(200);
    }

    private static String search(String q) {
        return "/api/v1/search?limit=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&purpose="
            + URLEncoder.encode("FIR 417/2026 theft enquiry", StandardCharsets.UTF_8);
    }

    private static JsonNode group(JsonNode found, String type) {
        for (JsonNode g : found.get("groups")) {
            if (g.get("type").asString().equals(type)) {
                return g.get("results");
            }
        }
        return null;
    }

    private static List<String> titles(JsonNode results) {
        var titles = new ArrayList<String>();
        results.forEach(r -> titles.add(r.get("title").asString()));
        return titles;
    }

    private static List<String> ids(JsonNode results) {
        var ids = new ArrayList<String>();
        results.forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    @Test
    void mohammad_khan_finds_the_person_registered_as_muhammad_khan_and_the_one_written_in_urdu() {
        var investigator = as(Role.INVESTIGATOR);

        var found = investigator.get(search("Mohammad Khaan"));

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        var persons = group(found.json(), "person");
        assertThat(titles(persons)).contains("Muhammad Khan", "محمد خان");
        assertThat(titles(persons).indexOf("Muhammad Khan")).as("the closer spelling first").isLessThan(titles(persons).indexOf("Mehmood Khan"));
        var urdu = group(investigator.get(search("محمد خان")).json(), "person");
        assertThat(titles(urdu)).contains("Muhammad Khan", "محمد خان");
    }

    @Test
    void a_cnic_typed_without_dashes_finds_the_person_with_their_vehicle_and_fir() {
        var investigator = as(Role.INVESTIGATOR);

        var found = investigator.get(search(cnic.replace("-", ""))).json();

        var person = group(found, "person").get(0);
        assertThat(person.get("title").asString()).isEqualTo("Muhammad Khan");
        assertThat(person.get("matchedBy").toString()).contains("CNIC");
        assertThat(ids(group(found, "vehicle"))).contains(plate);
        assertThat(titles(group(found, "fir"))).anyMatch(t -> t.startsWith("FIR " + firNumber + "/2026 Faqirabad"));
        var profile = investigator.get("/api/v1/persons/" + person.get("id").asString() + "?purpose=enquiry+into+theft");
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        assertThat(profile.json().get("cnic").asString()).isEqualTo(cnic);
        assertThat(profile.json().get("facts").get("phone").get(0).get("value").asString()).isEqualTo("3017654321");
        assertThat(ids(profile.json().get("vehicles"))).contains(plate);
        assertThat(profile.json().get("firs").size()).isEqualTo(1);
    }

    @Test
    void a_plate_read_with_a_letter_for_a_digit_finds_the_vehicle() {
        String misread = "LEB-I" + plate.substring(4); // LEB1234 read as LEB-I234

        var found = as(Role.TRAFFIC_REVIEWER).get(search(misread)).json();

        assertThat(ids(group(found, "vehicle"))).containsExactly(plate);
        assertThat(group(found, "vehicle").get(0).get("subtitle").asString()).contains("Suzuki", "Muhammad Khan");
    }

    @Test
    void a_phone_and_an_fir_number_find_what_they_name() {
        var investigator = as(Role.INVESTIGATOR);

        var byPhone = investigator.get(search("+92 301 7654321")).json();
        var byFir = investigator.get(search("FIR " + firNumber + "/2026")).json();

        assertThat(titles(group(byPhone, "person"))).contains("Muhammad Khan");
        assertThat(titles(group(byFir, "fir"))).hasSize(1);
        assertThat(titles(group(byFir, "person"))).isEmpty();
    }

    @Test
    void a_traffic_reviewer_sees_vehicles_and_owners_but_not_criminal_records() {
        var reviewer = as(Role.TRAFFIC_REVIEWER);

        var found = reviewer.get(search(cnic)).json();
        var investigatorFound = as(Role.INVESTIGATOR).get(search(cnic)).json();
        String personId = group(investigatorFound, "person").get(0).get("id").asString();
        var profile = reviewer.get("/api/v1/persons/" + personId + "?purpose=challan+owner+check").json();

        assertThat(group(found, "fir")).isNull();
        assertThat(ids(group(found, "vehicle"))).contains(plate);
        assertThat(titles(group(found, "person"))).contains("Muhammad Khan");
        assertThat(profile.get("records").toString()).contains("VEHICLE").doesNotContain("\"FIR\"", "411 PPC");
        assertThat(profile.get("firs").size()).isZero();
    }

    @Test
    void a_search_without_a_purpose_is_refused_and_one_with_a_purpose_is_in_the_audit_trail() {
        var investigator = as(Role.INVESTIGATOR);
        String q = cnic.replace("-", "");

        var refused = investigator.get("/api/v1/search?q=" + q);
        var done = investigator.get(search(q));
        var trail = as(Role.AUDITOR).get("/api/v1/audit?action=records.searched&targetId=" + q).json().get("items");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("purpose");
        assertThat(done.status()).isEqualTo(200);
        assertThat(trail.size()).isGreaterThanOrEqualTo(1);
        assertThat(trail.get(0).get("reason").asString()).isEqualTo("FIR 417/2026 theft enquiry");
        assertThat(trail.get(0).get("actor").asString()).startsWith("test.investigator");
    }

    @Test
    void the_data_protection_officer_s_report_lists_the_records_and_who_looked_and_why() {
        as(Role.INVESTIGATOR).get(search(cnic));

        var report = as(Role.AUDITOR).get("/api/v1/records/subject-access/" + cnic + "?purpose=subject+access+request+42");
        var notForInvestigators = as(Role.INVESTIGATOR).get("/api/v1/records/subject-access/" + cnic + "?purpose=curious");

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().get("records").size()).isEqualTo(3);
        assertThat(report.json().get("accesses").toString()).contains("records.searched", "FIR 417/2026 theft enquiry");
        assertThat(notForInvestigators.status()).isEqualTo(403);
    }
}
