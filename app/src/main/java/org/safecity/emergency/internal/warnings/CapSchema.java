package org.safecity.emergency.internal.warnings;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** The OASIS CAP 1.2 XML Schema ({@code standards/CAP-v1.2.xsd}), and validation of a message against it. */
final class CapSchema {

    static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final Schema SCHEMA = load();

    private CapSchema() {
    }

    /** Empty when the message is valid CAP 1.2; else the validator's first complaint. */
    static Optional<String> problems(String xml) {
        try {
            var validator = SCHEMA.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new StringReader(xml)));
            return Optional.empty();
        } catch (SAXException e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema load() {
        try (var in = CapSchema.class.getResourceAsStream("/standards/CAP-v1.2.xsd")) {
            if (in == null) {
                throw new IllegalStateException("standards/CAP-v1.2.xsd is missing from the classpath");
            }
            var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newSchema(new StreamSource(in));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("cannot load the CAP 1.2 schema", e);
        }
    }
}
