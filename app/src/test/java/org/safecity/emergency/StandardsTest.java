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
}
