package org.safecity.emergency.internal.warnings;

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
import org.safecity.emergency.internal.incidents.Points;
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
 * schema before it is issued and kept exactly as issued. A warning is changed by an Update and
 * withdrawn by a Cancel, each a new message whose {@code references} name every earlier message of
 * the warning; only the latest message of a warning can be followed. Coordinates are written in plain
 * decimal degrees.
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

    /**
     * A message already issued, as a later one refers to it: CAP {@code references} lists
     * "sender,identifier,sent" of each earlier message of the warning, oldest first.
     */
    record Earlier(String identifier, Instant sent, String status, String cityCode, String refersTo, String event) {

        String references() {
            String self = SENDER + "," + identifier + "," + CAP_TIME.format(local(sent));
            return refersTo == null ? self : refersTo + " " + self;
        }
    }

    @Transactional
    Issued issue(Warning w) {
        return publish(w, null);
    }

    /** The warning {@code identifier} changed (CAP Update): refers to every earlier message of it. */
    @Transactional
    Issued update(String identifier, Warning w) {
        return publish(w, latest(identifier));
    }

    /** The warning {@code identifier} withdrawn (CAP Cancel), with a note saying why. */
    @Transactional
    Issued cancel(String identifier, String note) {
        Earlier earlier = latest(identifier);
        if (note != null && note.strip().length() > 500) {
            throw new InvalidInput("note", "should be at most 500 characters");
        }
        Instant now = sentNow(earlier);
        String cancelled = identifier(now);
        String xml = write(cancelled, now, earlier.status(), "Cancel", earlier,
            note == null || note.isBlank() ? "Warning withdrawn." : note.strip(), null);
        return store(cancelled, now, earlier.status(), "Cancel", earlier.event(), earlier.cityCode(), earlier, xml);
    }

    /** Locks the warning to be changed; refuses one that a later message has already updated or cancelled. */
    private Earlier latest(String identifier) {
        record Row(Earlier earlier, String msgType, String supersededBy) {
        }
        var row = jdbc.sql("select identifier, sent_at, status, city_code, refers_to, event, msg_type, superseded_by"
                + " from emergency.warning where identifier = :id for update")
            .param("id", identifier)
            .query((rs, n) -> new Row(new Earlier(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6)), rs.getString(7), rs.getString(8)))
            .optional().orElseThrow(() -> new org.safecity.shared.NotFound("warning", identifier));
        if (row.supersededBy() != null) {
            throw new org.safecity.shared.Conflict("Warning " + identifier + " was followed by " + row.supersededBy()
                + "; change that one.");
        }
        if ("Cancel".equals(row.msgType())) {
            throw new org.safecity.shared.Conflict("Warning " + identifier + " is a cancellation; issue a new warning instead.");
        }
        return row.earlier();
    }

    /** The city of a warning already issued, for the caller's jurisdiction check; empty when there is none. */
    java.util.Optional<java.util.Optional<String>> cityOf(String identifier) {
        return jdbc.sql("select city_code from emergency.warning where identifier = :id").param("id", identifier)
            .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).optional();
    }

    private Issued publish(Warning w, Earlier earlier) {
        List<FieldError> errors = new ArrayList<>();
        Kind kind = kind(w.kind(), errors);
        String status = earlier != null && (w.status() == null || w.status().isBlank()) ? earlier.status()
            : pick(w.status(), "Actual", STATUSES, "status", errors);
        if (earlier != null && !status.equals(earlier.status())) {
            errors.add(new FieldError("status", "must stay " + earlier.status() + ", the status of the warning it updates"));
        }
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
        Instant now = sentNow(earlier);
        if (w.expires() != null && !w.expires().isAfter(now)) {
            errors.add(new FieldError("expires", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String identifier = identifier(now);
        String msgType = earlier == null ? "Alert" : "Update";
        String xml = write(identifier, now, status, msgType, earlier, null, new Info(category, event, responseType, urgency,
            severity, certainty, w, polygon));
        return store(identifier, now, status, msgType, event, earlier == null ? w.cityCode() : earlier.cityCode(), earlier, xml);
    }

    private Issued store(String identifier, Instant sent, String status, String msgType, String event, String city, Earlier earlier,
                         String xml) {
        CapSchema.problems(xml).ifPresent(problem -> {
            throw new InvalidInput("warning", "does not make a valid CAP 1.2 message: " + problem);
        });
        jdbc.sql("insert into emergency.warning (identifier, event, city_code, sent_at, issued_by, cap_xml, msg_type, refers_to, status) "
                + "values (:id, :event, :city, :at, :by, :xml, :type, :refs, :status)")
            .param("id", identifier).param("event", event).param("city", city)
            .param("at", Timestamp.from(sent)).param("by", CurrentActor.name()).param("xml", xml).param("type", msgType)
            .param("refs", earlier == null ? null : earlier.references()).param("status", status).update();
        if (earlier != null) {
            jdbc.sql("update emergency.warning set superseded_by = :later where identifier = :id")
                .param("later", identifier).param("id", earlier.identifier()).update();
        }
        audit.record("emergency.warning-" + msgType.toLowerCase(java.util.Locale.ROOT), "warning", identifier, null,
            earlier == null ? Map.of("event", event, "status", status) : Map.of("event", event, "status", status, "follows", earlier.identifier()));
        return new Issued(identifier, xml);
    }

    /** Sent now, to the second as CAP writes it; a message that follows another is sent at least a second after it. */
    private Instant sentNow(Earlier earlier) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return earlier != null && !now.isAfter(earlier.sent()) ? earlier.sent().plusSeconds(1) : now;
    }

    private static String identifier(Instant sent) {
        return "safecity.kp.gov.pk." + CAP_TIME.format(local(sent)).replaceAll("[^0-9]", "").substring(0, 14)
            + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    List<Map<String, Object>> recent() {
        return jdbc.sql("select identifier, event, city_code, sent_at, issued_by, msg_type, superseded_by from emergency.warning"
                + " order by sent_at desc limit 100")
            .query((rs, n) -> {
                var row = new java.util.LinkedHashMap<String, Object>();
                row.put("identifier", rs.getString(1));
                row.put("event", rs.getString(2));
                row.put("cityCode", rs.getString(3));
                row.put("sentAt", rs.getTimestamp(4).toInstant());
                row.put("issuedBy", rs.getString(5));
                row.put("msgType", rs.getString(6));
                row.put("supersededBy", rs.getString(7));
                return (Map<String, Object>) row;
            }).list();
    }

    java.util.Optional<String> find(String identifier) {
        return jdbc.sql("select cap_xml from emergency.warning where identifier = :id").param("id", identifier)
            .query(String.class).optional();
    }

    /** The {@code <info>} of a warning: what it is about, for whom, where. */
    private record Info(String category, String event, String responseType, String urgency, String severity, String certainty,
                        Warning w, String polygon) {
    }

    private String write(String identifier, Instant sent, String status, String msgType, Earlier earlier, String note, Info info) {
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
            element(x, "msgType", msgType);
            element(x, "scope", "Public");
            if (note != null) {
                element(x, "note", note);
            }
            if (earlier != null) {
                element(x, "references", earlier.references());
            }
            if (info != null) {
                info(x, info);
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void info(XMLStreamWriter x, Info info) throws XMLStreamException {
        Warning w = info.w();
        x.writeStartElement("info");
        element(x, "language", "en-PK");
        element(x, "category", info.category());
        element(x, "event", info.event());
        if (info.responseType() != null) {
            element(x, "responseType", info.responseType());
        }
        element(x, "urgency", info.urgency());
        element(x, "severity", info.severity());
        element(x, "certainty", info.certainty());
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
        if (info.polygon() != null) {
            element(x, "polygon", info.polygon());
        }
        if (w.circle() != null) {
            element(x, "circle", Points.decimal(w.circle().centre().lat()) + "," + Points.decimal(w.circle().centre().lon()) + " "
                + Points.decimal(w.circle().radiusKm()));
        }
        x.writeEndElement();
        x.writeEndElement();
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
        return String.join(" ", closed.stream().map(p -> Points.decimal(p.lat()) + "," + Points.decimal(p.lon())).toList());
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
