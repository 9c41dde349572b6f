package org.safecity.emergency.internal;

import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;
import org.safecity.shared.TimeConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public warnings (a road closure, a curfew, a flood) as OASIS CAP 1.2 messages. A kind fills in
 * sensible CAP values; the request may set each one. The message is validated against the CAP 1.2
 * schema before it is issued and kept exactly as issued.
 */
@Service
class IssuingWarnings {

    static final String SENDER = "ccc@safecity.kp.gov.pk";
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    /** What a kind of warning means in CAP terms, unless the request says otherwise. */
    enum Kind {
        ROAD_CLOSURE("Transport", "Road closure", "Avoid", "Expected", "Moderate", "Observed"),
        CURFEW("Security", "Curfew", "Shelter", "Immediate", "Severe", "Observed"),
        FLOOD("Met", "Flood", "Evacuate", "Immediate", "Severe", "Likely"),
        OTHER("Other", null, null, "Unknown", "Unknown", "Unknown");

        final String category;
        final String event;
        final String responseType;
        final String urgency;
        final String severity;
        final String certainty;

        Kind(String category, String event, String responseType, String urgency, String severity, String certainty) {
            this.category = category;
            this.event = event;
            this.responseType = responseType;
            this.urgency = urgency;
            this.severity = severity;
            this.certainty = certainty;
        }
    }

    static final Set<String> STATUSES = Set.of("Actual", "Exercise", "System", "Test", "Draft");
    static final Set<String> CATEGORIES = Set.of("Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env",
        "Transport", "Infra", "CBRNE", "Other");
    static final Set<String> URGENCIES = Set.of("Immediate", "Expected", "Future", "Past", "Unknown");
    static final Set<String> SEVERITIES = Set.of("Extreme", "Severe", "Moderate", "Minor", "Unknown");
    static final Set<String> CERTAINTIES = Set.of("Observed", "Likely", "Possible", "Unlikely", "Unknown");
    static final Set<String> RESPONSE_TYPES = Set.of("Shelter", "Evacuate", "Prepare", "Execute", "Avoid", "Monitor", "Assess",
        "AllClear", "None");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    IssuingWarnings(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    record Circle(GeoPoint centre, double radiusKm) {
    }

    record Warning(String kind, String status, String category, String event, String responseType, String urgency,
                   String severity, String certainty, String headline, String description, String instruction,
                   String areaDesc, List<GeoPoint> polygon, Circle circle, Instant expires, String cityCode) {
    }

    record Issued(String identifier, String xml) {
    }

    @Transactional
    Issued issue(Warning w) {
        List<FieldError> errors = new ArrayList<>();
        Kind kind = kind(w.kind(), errors);
        String status = pick(w.status(), "Actual", STATUSES, "status", errors);
        String category = pick(w.category(), kind.category, CATEGORIES, "category", errors);
        String event = w.event() != null && !w.event().isBlank() ? w.event().strip() : kind.event;
        if (event == null) {
            errors.add(new FieldError("event", "is required: what the warning is about, such as 'Road closure'"));
        }
        String responseType = w.responseType() == null || w.responseType().isBlank() ? kind.responseType
            : pick(w.responseType(), null, RESPONSE_TYPES, "responseType", errors);
        String urgency = pick(w.urgency(), kind.urgency, URGENCIES, "urgency", errors);
        String severity = pick(w.severity(), kind.severity, SEVERITIES, "severity", errors);
        String certainty = pick(w.certainty(), kind.certainty, CERTAINTIES, "certainty", errors);
        if (w.headline() == null || w.headline().isBlank()) {
            errors.add(new FieldError("headline", "is required: one line people read first"));
        } else if (w.headline().length() > 160) {
            errors.add(new FieldError("headline", "should be at most 160 characters"));
        }
        if (w.areaDesc() == null || w.areaDesc().isBlank()) {
            errors.add(new FieldError("areaDesc", "is required: the area in words, such as 'GT Road, Peshawar Cantt to Saddar'"));
        }
        String polygon = w.polygon() == null ? null : polygon(w.polygon(), errors);
        if (w.circle() != null && !(w.circle().radiusKm() > 0 && w.circle().radiusKm() <= 500)) {
            errors.add(new FieldError("circle.radiusKm", "must be above 0 and at most 500"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (w.expires() != null && !w.expires().isAfter(now)) {
            errors.add(new FieldError("expires", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String identifier = "safecity.kp.gov.pk." + CAP_TIME.format(local(now)).replaceAll("[^0-9]", "").substring(0, 14)
            + "." + UUID.randomUUID().toString().substring(0, 8);
        String xml = write(identifier, now, status, category, event, responseType, urgency, severity, certainty, w,
            polygon);
        CapSchema.problems(xml).ifPresent(problem -> {
            throw new InvalidInput("warning", "does not make a valid CAP 1.2 message: " + problem);
        });
        jdbc.sql("insert into emergency.warning (identifier, event, city_code, sent_at, issued_by, cap_xml) "
                + "values (:id, :event, :city, :at, :by, :xml)")
            .param("id", identifier).param("event", event).param("city", w.cityCode()).param("at", Timestamp.from(now))
            .param("by", CurrentActor.name()).param("xml", xml).update();
        audit.record("emergency.warning-issued", "warning", identifier, null, Map.of("event", event, "status", status));
        return new Issued(identifier, xml);
    }

    List<Map<String, Object>> recent() {
        return jdbc.sql("select identifier, event, city_code, sent_at, issued_by from emergency.warning order by sent_at desc limit 100")
            .query((rs, n) -> {
                var row = new java.util.LinkedHashMap<String, Object>();
                row.put("identifier", rs.getString(1));
                row.put("event", rs.getString(2));
                row.put("cityCode", rs.getString(3));
                row.put("sentAt", rs.getTimestamp(4).toInstant());
                row.put("issuedBy", rs.getString(5));
                return (Map<String, Object>) row;
            }).list();
    }

    java.util.Optional<String> find(String identifier) {
        return jdbc.sql("select cap_xml from emergency.warning where identifier = :id").param("id", identifier)
            .query(String.class).optional();
    }

    private String write(String identifier, Instant sent, String status, String category, String event, String responseType,
                         String urgency, String severity, String certainty, Warning w, String polygon) {
        var out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("alert");
            x.writeDefaultNamespace(CapSchema.NAMESPACE);
            element(x, "identifier", identifier);
            element(x, "sender", SENDER);
            element(x, "sent", CAP_TIME.format(local(sent)));
            element(x, "status", status);
            element(x, "msgType", "Alert");
            element(x, "scope", "Public");
            x.writeStartElement("info");
            element(x, "language", "en-PK");
            element(x, "category", category);
            element(x, "event", event);
            if (responseType != null) {
                element(x, "responseType", responseType);
            }
            element(x, "urgency", urgency);
            element(x, "severity", severity);
            element(x, "certainty", certainty);
            if (w.expires() != null) {
                element(x, "expires", CAP_TIME.format(local(w.expires().truncatedTo(ChronoUnit.SECONDS))));
            }
            element(x, "senderName", "Khyber Pakhtunkhwa Safe City Authority");
            element(x, "headline", w.headline().strip());
            if (w.description() != null && !w.description().isBlank()) {
                element(x, "description", w.description().strip());
            }
            if (w.instruction() != null && !w.instruction().isBlank()) {
                element(x, "instruction", w.instruction().strip());
            }
            element(x, "contact", "Police 15 / Rescue 1122");
            x.writeStartElement("area");
            element(x, "areaDesc", w.areaDesc().strip());
            if (polygon != null) {
                element(x, "polygon", polygon);
            }
            if (w.circle() != null) {
                element(x, "circle", w.circle().centre().lat() + "," + w.circle().centre().lon() + " " + w.circle().radiusKm());
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** CAP polygons are "lat,lon" pairs separated by spaces, closed (first point again last), four pairs at least. */
    static String polygon(List<GeoPoint> points, List<FieldError> errors) {
        if (points.size() < 3) {
            errors.add(new FieldError("polygon", "needs at least three points"));
            return null;
        }
        var closed = new ArrayList<>(points);
        if (!closed.getFirst().equals(closed.getLast())) {
            closed.add(closed.getFirst());
        }
        if (closed.size() < 4) {
            errors.add(new FieldError("polygon", "needs at least three distinct points"));
            return null;
        }
        return String.join(" ", closed.stream().map(p -> p.lat() + "," + p.lon()).toList());
    }

    private static OffsetDateTime local(Instant instant) {
        return instant.atZone(TimeConfiguration.DISPLAY_ZONE).toOffsetDateTime();
    }

    private static Kind kind(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return Kind.OTHER;
        }
        try {
            return Kind.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "must be ROAD_CLOSURE, CURFEW, FLOOD or OTHER"));
            return Kind.OTHER;
        }
    }

    private static String pick(String given, String otherwise, Set<String> allowed, String field, List<FieldError> errors) {
        String value = given == null || given.isBlank() ? otherwise : given.strip();
        if (value == null || !allowed.contains(value)) {
            errors.add(new FieldError(field, "must be one of " + new java.util.TreeSet<>(allowed)));
        }
        return value;
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }
}
