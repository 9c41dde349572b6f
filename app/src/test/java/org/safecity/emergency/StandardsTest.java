package org.safecity.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import tools.jackson.databind.node.ObjectNode;

/** NENA EIDO for exchanging incidents, OASIS CAP 1.2 for public warnings. */
class StandardsTest extends IntegrationTest {

    @Test
    void an_eido_export_re_imports_to_the_same_incident_and_adds_nothing() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        long unit = scene.unit("FIRE_TENDER", scene.at(700, 0));
        long id = scene.incident("FIRE", scene.spot).get("id").asLong();
        scene.dispatch(id, List.of(unit));
        dispatcher.post("/api/v1/incidents/" + id + "/notes", Map.of("text", "second floor of the plaza"));
        int entries = dispatcher.get("/api/v1/incidents/" + id).json().get("timeline").size();

        var exported = dispatcher.get("/api/v1/incidents/" + id + "/eido");
        assertThat(exported.status()).isEqualTo(200);
        var eido = exported.json();
        assertThat(eido.get("eidoMessageIdentifier").asString()).startsWith("urn:emergency:uid:eidomsgid:");
        var incident = eido.get("incidentComponent").get(0);
        assertThat(incident.get("incidentTrackingIdentifier").asString()).startsWith("urn:emergency:uid:incidentid:" + id + ":");
        assertThat(incident.get("incidentTypeInternalCode").asString()).isEqualTo("FIRE");
        assertThat(incident.get("incidentStatusCommonRegistryText").get(0).asString()).isEqualTo("Dispatched");
        assertThat(eido.get("locationComponent").get(0).get("locationByValue").asString())
            .contains("<gml:pos>" + scene.spot.lat() + " " + scene.spot.lon() + "</gml:pos>");
        assertThat(eido.get("callComponent")).hasSize(1);
        assertThat(eido.get("emergencyResourceComponent").get(0).get("emergencyResourceTypeInternalCode").asString())
            .isEqualTo("FIRE_TENDER");
        assertThat(eido.get("notesComponent").valueStream().map(n -> n.get("noteText").asString()))
            .contains("second floor of the plaza");
        assertThat(eido.toString()).doesNotContain("0300-1234567", "Gul Khan");

        var imported = dispatcher.post("/api/v1/incidents/eido", eido);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("id").asLong()).isEqualTo(id);
        assertThat(imported.json().get("created").asBoolean()).isFalse();
        assertThat(dispatcher.get("/api/v1/incidents/" + id).json().get("timeline").size()).isEqualTo(entries);
    }

    @Test
    void an_eido_from_another_centre_opens_the_same_incident_here() {
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        var original = scene.incident("ROAD_ACCIDENT", scene.spot);
        long id = original.get("id").asLong();
        dispatcher.post("/api/v1/incidents/" + id + "/notes", Map.of("text", "two cars, one overturned"));
        var eido = (ObjectNode) dispatcher.get("/api/v1/incidents/" + id + "/eido").json();
        String elsewhere = "urn:emergency:uid:incidentid:" + Scene.unique("R1122") + ":rescue1122.kp.gov.pk";
        ((ObjectNode) eido.get("incidentComponent").get(0)).put("incidentTrackingIdentifier", elsewhere);

        var imported = dispatcher.post("/api/v1/incidents/eido", eido);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        long copy = imported.json().get("id").asLong();
        assertThat(copy).isNotEqualTo(id);
        var received = dispatcher.get("/api/v1/incidents/" + copy).json();
        for (String field : List.of("type", "priority", "cityCode", "address", "description")) {
            assertThat(received.get(field).asString()).as(field).isEqualTo(original.get(field).asString());
        }
        assertThat(received.get("location").get("lat").asDouble()).isEqualTo(scene.spot.lat());
        assertThat(received.get("location").get("lon").asDouble()).isEqualTo(scene.spot.lon());
        assertThat(received.get("openedAt").asString()).isEqualTo(original.get("openedAt").asString());
        assertThat(received.get("trackingId").asString()).isEqualTo(elsewhere);
        assertThat(received.get("source").asString()).isEqualTo("EIDO");
        assertThat(received.get("calls")).hasSize(1);
        assertThat(received.get("timeline").valueStream().map(e -> e.get("text").asString())).contains("two cars, one overturned");
        var again = dispatcher.get("/api/v1/incidents/" + copy + "/eido").json().get("incidentComponent").get(0);
        assertThat(again.get("incidentTrackingIdentifier").asString()).isEqualTo(elsewhere);
        assertThat(again.get("incidentTypeInternalCode").asString()).isEqualTo("ROAD_ACCIDENT");
    }

    @Test
    void an_eido_without_an_incident_component_is_refused() {
        var refused = as(Scene.CITY, Role.DISPATCHER).post("/api/v1/incidents/eido", Map.of("eidoMessageIdentifier", "x"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("incidentComponent");
    }

    @Test
    void a_road_closure_warning_is_a_cap_1_2_message_that_validates_against_the_schema() throws Exception {
        var issued = as(Role.SUPERVISOR).post("/api/v1/warnings", Map.of(
            "kind", "ROAD_CLOSURE",
            "headline", "GT Road closed between Firdous and Hashtnagri",
            "description", "Closed for a procession until 18:00.",
            "instruction", "Use Ring Road.",
            "areaDesc", "GT Road, Firdous to Hashtnagri, Peshawar",
            "polygon", List.of(Map.of("lat", 34.0080, "lon", 71.5600), Map.of("lat", 34.0100, "lon", 71.5800),
                Map.of("lat", 34.0050, "lon", 71.5850), Map.of("lat", 34.0030, "lon", 71.5650)),
            "circle", Map.of("lat", 34.0070, "lon", 71.5720, "radiusKm", 1.5),
            "cityCode", "PSH"));

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String xml = issued.body();
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(new StreamSource(getClass().getResourceAsStream("/standards/CAP-v1.2.xsd")));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"", "<status>Actual</status>",
            "<msgType>Alert</msgType>", "<scope>Public</scope>", "<category>Transport</category>", "<event>Road closure</event>",
            "<urgency>Expected</urgency>", "<severity>Moderate</severity>", "<certainty>Observed</certainty>",
            "<areaDesc>GT Road, Firdous to Hashtnagri, Peshawar</areaDesc>",
            "<polygon>34.008,71.56 34.01,71.58 34.005,71.585 34.003,71.565 34.008,71.56</polygon>",
            "<circle>34.007,71.572 1.5</circle>");
        assertThat(xml).containsPattern("<sent>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+05:00</sent>");
        String identifier = issued.headers().get("location").substring("/api/v1/warnings/".length());
        assertThat(as(Role.SUPERVISOR).get("/api/v1/warnings/" + identifier).body()).isEqualTo(xml);
    }

    @Test
    void a_warning_with_a_value_cap_does_not_allow_is_refused_before_anything_is_issued() {
        var refused = as(Role.SUPERVISOR).post("/api/v1/warnings", Map.of("kind", "CURFEW", "severity", "Catastrophic",
            "headline", "Curfew", "areaDesc", "Bannu city"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("severity");
    }

    @Test
    void the_cap_schema_refuses_a_message_that_breaks_it() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(new StreamSource(getClass().getResourceAsStream("/standards/CAP-v1.2.xsd")));
        String utcZ = """
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier><sender>s</sender>
            <sent>2026-11-25T12:00:00Z</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope></alert>""";

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> schema.newValidator().validate(new StreamSource(new StringReader(utcZ))))
            .isInstanceOf(org.xml.sax.SAXException.class);
    }
}
