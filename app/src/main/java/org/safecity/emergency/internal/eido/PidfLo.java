package org.safecity.emergency.internal.eido;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.safecity.emergency.internal.incidents.Points;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.InvalidInput;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A location as a PIDF-LO (RFC 4119 / RFC 5491) document, the form EIDO carries locations in: a GML
 * point ({@code pos} "lat lon", WGS 84) and a civic address (RFC 5139). Elements are found by their
 * namespace, so any prefix (or a default namespace) the sender chose reads the same.
 *
 * @param point null when the sender gave a civic address only
 */
record PidfLo(GeoPoint point, String street, String landmark, String city) {

    static final String GML = "http://www.opengis.net/gml";
    static final String CIVIC = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";
    /** RFC 5139 elements that make up a street address, in the order people write them. */
    private static final List<String> STREET = List.of("HNO", "HNS", "PRD", "RD", "STS", "POD");

    static String write(String entity, GeoPoint point, String cityCode, String street, String landmark, Instant at) {
        StringBuilder civic = new StringBuilder("<ca:country>PK</ca:country><ca:A1>Khyber Pakhtunkhwa</ca:A1>");
        civic.append("<ca:A3>").append(escape(cityCode)).append("</ca:A3>");
        if (street != null) {
            civic.append("<ca:RD>").append(escape(street)).append("</ca:RD>");
        }
        if (landmark != null) {
            civic.append("<ca:LMK>").append(escape(landmark)).append("</ca:LMK>");
        }
        return "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\""
            + " xmlns:ca=\"" + CIVIC + "\" xmlns:gml=\"" + GML + "\""
            + " xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\" entity=\"pres:" + escape(entity) + "\">"
            + "<dm:device id=\"location\"><gp:geopriv><gp:location-info>"
            + "<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>" + Points.decimal(point.lat()) + " "
            + Points.decimal(point.lon()) + "</gml:pos></gml:Point><ca:civicAddress>" + civic + "</ca:civicAddress>"
            + "</gp:location-info><gp:usage-rules/><gp:method>Manual</gp:method></gp:geopriv>"
            + "<dm:timestamp>" + at + "</dm:timestamp></dm:device></presence>";
    }

    /** Reads a PIDF-LO; refuses one that is not XML, or whose point is not "lat lon" on the earth. */
    static PidfLo read(String xml, String field) {
        Document doc = parse(xml, field);
        GeoPoint point = null;
        var positions = doc.getElementsByTagNameNS(GML, "pos");
        if (positions.getLength() > 0) {
            String[] parts = positions.item(0).getTextContent().strip().split("\\s+");
            try {
                if (parts.length < 2) {
                    throw new IllegalArgumentException("gml:pos must be \"lat lon\"");
                }
                point = new GeoPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(field, "has a GML point that is not \"lat lon\" in decimal degrees: " + e.getMessage());
            }
        }
        List<String> street = new ArrayList<>();
        for (String part : STREET) {
            civic(doc, part).ifPresent(street::add);
        }
        return new PidfLo(point, street.isEmpty() ? null : String.join(" ", street), civic(doc, "LMK").orElse(null),
            civic(doc, "A3").orElse(null));
    }

    private static Optional<String> civic(Document doc, String name) {
        var found = doc.getElementsByTagNameNS(CIVIC, name);
        for (int n = 0; n < found.getLength(); n++) {
            String text = ((Element) found.item(n)).getTextContent().strip();
            if (!text.isEmpty()) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    private static Document parse(String xml, String field) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // A location from outside is data only: no DTD, no entities, nothing fetched.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml.strip())));
        } catch (SAXException | java.io.IOException e) {
            throw new InvalidInput(field, "is not a PIDF-LO XML document (" + firstLine(e.getMessage()) + ")");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
