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

/** OASIS CAP 1.2 for public warnings (NENA EIDO is in {@link EidoExchangeTest}). */
class StandardsTest extends IntegrationTest {

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
    @Test
    void an_issued_warning_is_updated_then_cancelled_each_message_referring_to_every_earlier_one() throws Exception {
        var supervisor = as("PSH", Role.SUPERVISOR);
        var issued = supervisor.post("/api/v1/warnings", Map.of("kind", "FLOOD", "headline", "Kabul River rising at Nowshera bridge",
            "areaDesc", "Kabul River banks, Peshawar", "cityCode", "PSH"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String first = identifier(issued);
        String firstSent = text(issued.body(), "sent");

        var updated = supervisor.post("/api/v1/warnings/" + first + "/update", Map.of("kind", "FLOOD",
            "headline", "Kabul River over its banks at Nowshera bridge", "areaDesc", "Kabul River banks, Peshawar",
            "instruction", "Leave the river bank now."));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(201);
        assertValidCap(updated.body());
        String second = identifier(updated);
        assertThat(text(updated.body(), "msgType")).isEqualTo("Update");
        assertThat(text(updated.body(), "status")).isEqualTo("Actual");
        assertThat(text(updated.body(), "references")).isEqualTo("ccc@safecity.kp.gov.pk," + first + "," + firstSent);
        assertThat(updated.body()).contains("<headline>Kabul River over its banks at Nowshera bridge</headline>");

        var cancelled = supervisor.post("/api/v1/warnings/" + second + "/cancel", Map.of("note", "Water has gone down."));

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(201);
        assertValidCap(cancelled.body());
        assertThat(text(cancelled.body(), "msgType")).isEqualTo("Cancel");
        assertThat(text(cancelled.body(), "note")).isEqualTo("Water has gone down.");
        assertThat(text(cancelled.body(), "references")).isEqualTo("ccc@safecity.kp.gov.pk," + first + "," + firstSent
            + " ccc@safecity.kp.gov.pk," + second + "," + text(updated.body(), "sent"));
        assertThat(supervisor.get("/api/v1/warnings/" + identifier(cancelled)).body()).isEqualTo(cancelled.body());
        var listed = supervisor.get("/api/v1/warnings").json().valueStream()
            .filter(w -> w.get("identifier").asString().equals(first)).findFirst().orElseThrow();
        assertThat(listed.get("supersededBy").asString()).isEqualTo(second);

        var again = supervisor.post("/api/v1/warnings/" + first + "/cancel", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains(second);
        assertThat(supervisor.post("/api/v1/warnings/" + identifier(cancelled) + "/update", Map.of("kind", "FLOOD",
            "headline", "x", "areaDesc", "y")).status()).isEqualTo(409);
    }

    @Test
    void a_warning_of_another_city_cannot_be_updated_or_cancelled_from_here() {
        var issued = as("PSH", Role.SUPERVISOR).post("/api/v1/warnings", Map.of("kind", "CURFEW", "headline", "Curfew in Saddar",
            "areaDesc", "Saddar, Peshawar", "cityCode", "PSH"));
        String identifier = identifier(issued);
        var elsewhere = as("MRD", Role.SUPERVISOR);

        assertThat(elsewhere.post("/api/v1/warnings/" + identifier + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(elsewhere.post("/api/v1/warnings/" + identifier + "/update", Map.of("kind", "CURFEW", "headline", "Lifted",
            "areaDesc", "Saddar")).status()).isEqualTo(404);
        assertThat(as("PSH", Role.OPERATOR).post("/api/v1/warnings/" + identifier + "/cancel", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void coordinates_and_radii_are_plain_decimal_degrees_however_small() throws Exception {
        var issued = as(Role.SUPERVISOR).post("/api/v1/warnings", Map.of("kind", "OTHER", "event", "Survey marker",
            "headline", "Marker test", "areaDesc", "Null Island",
            "polygon", List.of(Map.of("lat", 0.0001, "lon", 0.00005), Map.of("lat", 0.0002, "lon", 0.0001),
                Map.of("lat", 0.0001, "lon", 0.0002)),
            "circle", Map.of("lat", 0.00001, "lon", 71.5, "radiusKm", 0.0005)));

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertValidCap(issued.body());
        assertThat(text(issued.body(), "polygon")).isEqualTo("0.0001,0.00005 0.0002,0.0001 0.0001,0.0002 0.0001,0.00005");
        assertThat(text(issued.body(), "circle")).isEqualTo("0.00001,71.5 0.0005");
        assertThat(issued.body()).doesNotContain("E-");
    }

    private static void assertValidCap(String xml) throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(new StreamSource(StandardsTest.class.getResourceAsStream("/standards/CAP-v1.2.xsd")));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static String identifier(org.safecity.SafeCityApi.Response issued) {
        return issued.headers().get("location").substring("/api/v1/warnings/".length());
    }

    private static String text(String xml, String element) {
        var m = java.util.regex.Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        assertThat(m.find()).as(element + " in " + xml).isTrue();
        return m.group(1);
    }
}
