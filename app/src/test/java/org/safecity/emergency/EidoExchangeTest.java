package org.safecity.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.identity.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * NENA EIDO both ways: every document written validates against NENA's EIDO schema, and every
 * document that validates is taken in, keeping what it says that SafeCity has a place for and
 * naming the fields it did not use.
 */
class EidoExchangeTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void an_export_validates_against_nenas_schema_and_re_imports_to_the_same_incident_adding_nothing() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        long unit = scene.unit("FIRE_TENDER", scene.at(700, 0));
        long id = scene.incident("FIRE", scene.spot).get("id").asLong();
        scene.dispatch(id, List.of(unit));
        dispatcher.post("/api/v1/incidents/" + id + "/notes", Map.of("text", "second floor of the plaza"));
        int entries = dispatcher.get("/api/v1/incidents/" + id).json().get("timeline").size();

        var eido = exported(dispatcher, id);

        assertThat(eido.get("eidoVersion").asString()).isEqualTo("1.0");
        assertThat(eido.get("$id").asString()).startsWith("urn:emergency:uid:incidentid:" + id + ":");
        var incident = eido.get("incidentComponent");
        assertThat(incident.isObject()).isTrue();
        assertThat(incident.get("incidentTypeInternalCode").asString()).isEqualTo("FIRE");
        assertThat(incident.get("incidentStatusCommonRegistryText").get(0).asString()).isEqualTo("Dispatched");
        assertThat(incident.get("locationReference").get(0).get("$ref").asString())
            .isEqualTo(eido.get("locationComponent").get(0).get("$id").asString());
        assertThat(eido.get("locationComponent").get(0).get("locationByValue").asString())
            .contains("<gml:pos>" + scene.spot.lat() + " " + scene.spot.lon() + "</gml:pos>");
        assertThat(eido.get("callComponent").get(0).get("callStartTimestamp").asString()).isNotBlank();
        assertThat(eido.get("emergencyResourceComponent").get(0).get("emergencyResourceTypeInternalText").asString())
            .isEqualTo("FIRE_TENDER");
        assertThat(eido.get("notesComponent").valueStream().map(n -> n.get("notesActionComments").asString()))
            .contains("second floor of the plaza");
        assertThat(eido.toString()).doesNotContain("0300-1234567", "Gul Khan");

        var imported = dispatcher.post("/api/v1/incidents/eido", eido);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("id").asLong()).isEqualTo(id);
        assertThat(imported.json().get("created").asBoolean()).isFalse();
        assertThat(dispatcher.get("/api/v1/incidents/" + id).json().get("timeline").size()).isEqualTo(entries);
    }

    @Test
    void an_export_from_another_centre_opens_the_same_incident_here() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        var original = scene.incident("ROAD_ACCIDENT", scene.spot);
        long id = original.get("id").asLong();
        dispatcher.post("/api/v1/incidents/" + id + "/notes", Map.of("text", "two cars, one overturned"));
        var eido = (ObjectNode) exported(dispatcher, id);
        String elsewhere = "urn:emergency:uid:incidentid:" + Scene.unique("R1122") + ":rescue1122.kp.gov.pk";
        eido.put("$id", elsewhere);

        var imported = dispatcher.post("/api/v1/incidents/eido", eido);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        long copy = imported.json().get("id").asLong();
        assertThat(copy).isNotEqualTo(id);
        var received = dispatcher.get("/api/v1/incidents/" + copy).json();
        for (String field : List.of("type", "priority", "cityCode", "address", "description", "openedAt")) {
            assertThat(received.get(field).asString()).as(field).isEqualTo(original.get(field).asString());
        }
        assertThat(received.get("location").get("lat").asDouble()).isEqualTo(scene.spot.lat());
        assertThat(received.get("location").get("lon").asDouble()).isEqualTo(scene.spot.lon());
        assertThat(received.get("trackingId").asString()).isEqualTo(elsewhere);
        assertThat(received.get("source").asString()).isEqualTo("EIDO");
        assertThat(received.get("calls")).hasSize(1);
        assertThat(received.get("timeline").valueStream().map(e -> e.get("text").asString()))
            .contains("two cars, one overturned")
            .anyMatch(t -> t.contains("status at the sender: NEW"));
        var again = exported(dispatcher, copy);
        assertThat(again.get("$id").asString()).isEqualTo(elsewhere);
        assertThat(again.get("incidentComponent").get("incidentTypeInternalCode").asString()).isEqualTo("ROAD_ACCIDENT");
    }

    @Test
    void nenas_sample_is_taken_in_at_the_city_named_keeping_the_call_and_the_civic_street_and_naming_what_was_not_used() throws Exception {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var sample = (ObjectNode) JSON.readTree(EidoSchemaTest.sample());
        String tracking = "urn:emergency:uid:incidentid:" + Scene.unique("PA") + ":bcf.state.pa.us";
        sample.put("$id", tracking);
        assertThat(EidoSchema.problems(sample.toString())).isEmpty();

        var imported = dispatcher.post("/api/v1/incidents/eido?cityCode=" + Scene.CITY, sample);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        var received = dispatcher.get("/api/v1/incidents/" + imported.json().get("id").asLong()).json();
        assertThat(received.get("trackingId").asString()).isEqualTo(tracking);
        assertThat(received.get("cityCode").asString()).isEqualTo(Scene.CITY);
        assertThat(received.get("address").asString()).isEqualTo("42 W Cellular Street");
        assertThat(received.get("openedAt").asString()).isEqualTo("2021-04-30T18:40:00Z");
        assertThat(received.get("calls")).hasSize(1);
        assertThat(received.get("timeline").valueStream().map(e -> e.get("text").asString()))
            .anyMatch(t -> t.contains("from state.pa.us") && t.contains("placed at the city's centre"));
        var unused = imported.json().get("unused").valueStream().map(JsonNode::asString).toList();
        assertThat(unused).contains("/callbackComponent", "/additionalDataComponent", "/personComponent", "/locationComponent/1",
            "/callComponent/0/queueIdentifier", "/agentComponent");
        assertThat(unused).doesNotContain("/callComponent/0/callStartTimestamp", "/locationComponent/0/locationByValue",
            "/locationComponent/0", "/$id");
    }

    @Test
    void a_valid_document_keeps_its_notes_civic_street_status_and_a_gml_point_under_any_prefix() throws Exception {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        var sample = (ObjectNode) JSON.readTree(EidoSchemaTest.sample());
        sample.put("$id", "urn:emergency:uid:incidentid:" + Scene.unique("PA") + ":bcf.state.pa.us");
        var location = (ObjectNode) sample.get("locationComponent").get(0);
        location.put("locationByValue", location.get("locationByValue").asString().replace("</civicAddress>",
            "<LMK>Kohat Tunnel toll plaza</LMK></civicAddress><p:Point xmlns:p=\"http://www.opengis.net/gml\""
                + " srsName=\"urn:ogc:def:crs:EPSG::4326\"><p:pos>" + scene.spot.lat() + " " + scene.spot.lon() + "</p:pos></p:Point>"));
        var incident = sample.putObject("incidentComponent");
        incident.put("$id", "urn:emergency:uid:compid:incident-1:state.pa.us");
        incident.put("lastUpdateTimeStamp", "2021-04-30T14:43:49.439-04:00");
        incident.putObject("updatedByAgencyReference").put("$ref", "state.pa.us");
        incident.put("incidentTypeCommonRegistryText", "Road traffic accident");
        incident.putArray("incidentStatusCommonRegistryText").add("Dispatched");
        incident.putArray("locationReference").addObject().put("$ref", location.get("$id").asString());
        incident.putArray("notesReference").addObject().put("$ref", "note-1");
        var notes = sample.putArray("notesComponent");
        for (var text : List.of("Car against the barrier, driver trapped", "Trooper on scene, lane closed")) {
            var note = notes.addObject();
            note.put("$id", "note-" + notes.size());
            note.put("lastUpdateTimeStamp", "2021-04-30T14:4" + notes.size() + ":00-04:00");
            note.putObject("updatedByAgencyReference").put("$ref", "state.pa.us");
            note.put("notesActionComments", text);
        }
        assertThat(EidoSchema.problems(sample.toString())).isEmpty();

        var imported = dispatcher.post("/api/v1/incidents/eido", sample);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        var received = dispatcher.get("/api/v1/incidents/" + imported.json().get("id").asLong()).json();
        assertThat(received.get("type").asString()).isEqualTo("ROAD_ACCIDENT");
        assertThat(received.get("location").get("lat").asDouble()).isEqualTo(scene.spot.lat());
        assertThat(received.get("location").get("lon").asDouble()).isEqualTo(scene.spot.lon());
        assertThat(received.get("address").asString()).isEqualTo("42 W Cellular Street");
        assertThat(received.get("landmark").asString()).isEqualTo("Kohat Tunnel toll plaza");
        assertThat(received.get("description").asString()).isEqualTo("Car against the barrier, driver trapped");
        assertThat(received.get("timeline").valueStream().map(e -> e.get("text").asString()))
            .contains("Trooper on scene, lane closed")
            .anyMatch(t -> t.contains("status at the sender: Dispatched"));
        assertThat(imported.json().get("unused").valueStream().map(JsonNode::asString))
            .doesNotContain("/notesComponent/1/notesActionComments", "/incidentComponent/incidentStatusCommonRegistryText/0");
        exported(dispatcher, imported.json().get("id").asLong());
    }

    @Test
    void a_duplicate_merged_into_another_incident_is_exported_as_replaced_by_it_and_still_validates() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        long survivor = scene.incident("FIRE", scene.spot).get("id").asLong();
        long duplicate = scene.incident("FIRE", scene.at(50, 90)).get("id").asLong();
        var merged = dispatcher.post("/api/v1/incidents/" + survivor + "/merge", Map.of("duplicateId", duplicate));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);

        var eido = exported(dispatcher, duplicate);

        var merge = eido.get("mergeComponent").get(0);
        assertThat(merge.get("incidentMergeDirectionCode").asString()).isEqualTo("REPLACED");
        assertThat(merge.get("incidentTrackingIdentifier").asString()).isEqualTo(exported(dispatcher, survivor).get("$id").asString());
    }

    @Test
    void a_valid_document_whose_location_cannot_be_read_is_taken_in_at_the_city_and_the_location_named_unused() throws Exception {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var sample = (ObjectNode) JSON.readTree(EidoSchemaTest.sample());
        sample.put("$id", "urn:emergency:uid:incidentid:" + Scene.unique("PA") + ":bcf.state.pa.us");
        ((ObjectNode) sample.get("locationComponent").get(0)).put("locationByValue", "<presence><gml:pos>34 71</presence>");
        assertThat(EidoSchema.problems(sample.toString())).isEmpty();

        var imported = dispatcher.post("/api/v1/incidents/eido", sample);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("unused").valueStream().map(JsonNode::asString)).contains("/locationComponent");
        var received = dispatcher.get("/api/v1/incidents/" + imported.json().get("id").asLong()).json();
        assertThat(received.get("cityCode").asString()).isEqualTo(Scene.CITY);
        assertThat(received.get("timeline").valueStream().map(e -> e.get("text").asString()))
            .anyMatch(t -> t.contains("its location was not read"));
    }

    @Test
    void a_document_naming_no_incident_is_refused() {
        var refused = as(Scene.CITY, Role.DISPATCHER).post("/api/v1/incidents/eido", Map.of("eidoVersion", "1.0"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("$id");
    }

    /** The incident's EIDO, after checking it against NENA's schema. */
    static JsonNode exported(SafeCityApi api, long id) {
        var response = api.get("/api/v1/incidents/" + id + "/eido");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(EidoSchema.problems(response.body())).as(response.body()).isEmpty();
        return response.json();
    }
}
