package org.safecity.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.identity.Role;
import org.safecity.traffic.Roadside;
import tools.jackson.databind.JsonNode;

/**
 * Weak keys only propose a link, which an analyst confirms (and may undo); the link view steps from a
 * person to their vehicle and FIR; a profile goes into an evidence case as a sealed extract.
 */
class LinkingTest extends IntegrationTest {

    private static final String PURPOSE = "purpose=FIR+55/2026+enquiry";

    @Test
    void a_missing_person_report_without_cnic_is_proposed_as_the_known_person_confirmed_and_the_merge_undone() {
        var admin = admin();
        String cnic = Roadside.cnic();
        String father = "Gul " + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        long persons = DepartmentFeedsTest.source(admin, DepartmentFeedsTest.code("persons"), List.of("PERSON"), Map.of(), Map.of());
        admin.post("/api/v1/records/sources/" + persons + "/imports", Map.of("records", List.of(
            Map.of("id", "K-1", "cnic", cnic, "name", "Muhammad Khan", "fatherName", father, "dateOfBirth", "1990-01-02"))));
        long rescue = DepartmentFeedsTest.source(admin, DepartmentFeedsTest.code("rescue"), List.of("MISSING_PERSON"), Map.of(), Map.of());
        admin.post("/api/v1/records/sources/" + rescue + "/imports", Map.of("records", List.of(
            Map.of("id", "M-1", "name", "Mohammad Khaan", "fatherName", father, "status", "OPEN"))));
        var analyst = as(Role.INVESTIGATOR);
        String personId = personOf(analyst, cnic);

        JsonNode proposal = find(analyst.get("/api/v1/records/link-proposals").json(), p -> p.get("personId").asString().equals(personId));
        var withoutReason = analyst.post("/api/v1/records/link-proposals/" + proposal.get("id").asLong() + "/confirm", Map.of());
        var confirmed = analyst.post("/api/v1/records/link-proposals/" + proposal.get("id").asLong() + "/confirm",
            Map.of("reason", "same father and village, verified by phone"));
        var merged = analyst.get("/api/v1/persons/" + personId + "?" + PURPOSE).json();
        var undone = analyst.post("/api/v1/records/links/" + confirmed.json().get("linkId").asLong() + "/undo",
            Map.of("reason", "the family says it is a cousin"));
        var apart = analyst.get("/api/v1/persons/" + personId + "?" + PURPOSE).json();

        assertThat(proposal.get("reason").asString()).contains("father's name");
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(merged.get("records").toString()).contains("MISSING_PERSON", "same father and village");
        assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
        assertThat(apart.get("records").toString()).doesNotContain("MISSING_PERSON");
    }

    @Test
    void the_link_view_steps_from_a_person_to_their_vehicle_and_fir_and_on_to_the_vehicle_s_people() {
        var admin = admin();
        String cnic = Roadside.cnic();
        String plate = Roadside.plate();
        long excise = DepartmentFeedsTest.source(admin, DepartmentFeedsTest.code("excise"), List.of("VEHICLE"), Map.of(), Map.of());
        admin.post("/api/v1/records/sources/" + excise + "/imports", "text/csv",
            "id,plate,ownerName,ownerCnic,ownerPhone\nL-1," + plate + ",Sher Khan," + cnic + ",0333-1234567\n");
        long police = DepartmentFeedsTest.source(admin, DepartmentFeedsTest.code("fir"), List.of("FIR"), Map.of(), Map.of());
        admin.post("/api/v1/records/sources/" + police + "/imports", Map.of("records", List.of(Map.of("id", "LF-1", "policeStation", "Saddar",
            "year", "2026", "number", "55", "accusedCnic", cnic, "accusedName", "Sher Khan", "complainantName", "Bashir Ahmad", "plate", plate))));
        var investigator = as(Role.INVESTIGATOR);
        String personId = personOf(investigator, cnic);

        var fromPerson = investigator.get("/api/v1/records/links?from=person:" + personId + "&" + PURPOSE);
        var fromVehicle = investigator.get("/api/v1/records/links?from=vehicle:" + plate + "&" + PURPOSE).json();
        var asReviewer = as(Role.TRAFFIC_REVIEWER).get("/api/v1/records/links?from=person:" + personId + "&" + PURPOSE).json();

        assertThat(fromPerson.status()).as(fromPerson.toString()).isEqualTo(200);
        assertThat(fromPerson.json().get("nodes").toString()).contains("vehicle:" + plate, "phone:3331234567", "FIR 55/2026 Saddar");
        assertThat(fromVehicle.get("nodes").toString()).contains("person:" + personId, "Bashir Ahmad").doesNotContain("vehicle:" + plate);
        assertThat(asReviewer.get("nodes").toString()).contains("vehicle:" + plate).doesNotContain("FIR");
    }

    @Test
    void a_person_s_profile_goes_into_an_evidence_case_as_a_sealed_extract() {
        var admin = admin();
        String cnic = Roadside.cnic();
        long persons = DepartmentFeedsTest.source(admin, DepartmentFeedsTest.code("persons"), List.of("PERSON"), Map.of(), Map.of());
        admin.post("/api/v1/records/sources/" + persons + "/imports", Map.of("records", List.of(Map.of("id", "X-1", "cnic", cnic, "name", "Noor Gul"))));
        var investigator = as("PSH", Role.INVESTIGATOR);
        var kase = investigator.post("/api/v1/cases", Map.of("firNumber", "FIR-" + System.nanoTime() % 100000 + "/2026", "policeStation", "Saddar",
            "offence", "robbery"));
        assertThat(kase.status()).as(kase.toString()).isEqualTo(201);
        String caseId = kase.json().get("id").asString();
        String personId = personOf(investigator, cnic);

        var extract = investigator.post("/api/v1/persons/" + personId + "/extracts", Map.of("caseId", caseId, "purpose", "case file of the robbery"));
        var notOnTheCase = as("PSH", Role.INVESTIGATOR).post("/api/v1/persons/" + personId + "/extracts",
            Map.of("caseId", caseId, "purpose", "case file of the robbery"));
        var file = investigator.get("/api/v1/cases/" + caseId);

        assertThat(extract.status()).as(extract.toString()).isEqualTo(201);
        assertThat(extract.json().get("sha256").asString()).hasSize(64);
        assertThat(notOnTheCase.status()).isEqualTo(404);
        assertThat(file.body()).contains(extract.json().get("id").asString(), "records-person-" + personId + ".json");
    }

    private static String personOf(SafeCityApi reader, String cnic) {
        var found = reader.get("/api/v1/search?q=" + cnic + "&" + PURPOSE).json();
        for (JsonNode g : found.get("groups")) {
            if (g.get("type").asString().equals("person")) {
                return g.get("results").get(0).get("id").asString();
            }
        }
        throw new AssertionError("no person for " + cnic + ": " + found);
    }

    private static JsonNode find(JsonNode items, java.util.function.Predicate<JsonNode> wanted) {
        for (JsonNode item : items) {
            if (wanted.test(item)) {
                return item;
            }
        }
        throw new AssertionError("none matched in " + items);
    }
}
