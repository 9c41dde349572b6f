package org.safecity.emergency.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * NENA Emergency Incident Data Object (EIDO, NENA-STA-021) exchange: an incident is written as an
 * EIDO JSON document (incident, location, call, notes, emergency resource and agency components
 * tied by {@code $id}/{@code $ref}; the location by value as a PIDF-LO with civic address and GML
 * point), and a document from another centre is taken in. The incident tracking identifier is the
 * key: a document for an incident already here adds the notes not yet on its timeline and opens
 * nothing new. Callers' names and numbers are not sent.
 */
@Service
class ExchangingEido {

    static final String AGENCY = "safecity.kp.gov.pk";
    private static final Pattern POS = Pattern.compile("<gml:pos>\\s*(-?[0-9.]+)\\s+(-?[0-9.]+)\\s*</gml:pos>");
    private static final Pattern CIVIC = Pattern.compile("<ca:(RD|LMK|A3)>([^<]*)</ca:\\1>");

    private final IncidentStore incidents;
    private final UnitStore units;
    private final TaxonomyStore taxonomy;
    private final OpeningIncidents opening;
    private final JsonMapper json;
    private final Clock clock;

    ExchangingEido(IncidentStore incidents, UnitStore units, TaxonomyStore taxonomy, OpeningIncidents opening, Clock clock) {
        this.incidents = incidents;
        this.units = units;
        this.taxonomy = taxonomy;
        this.opening = opening;
        this.json = JsonMapper.builder().build();
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ObjectNode export(long id, Jurisdiction scope) {
        var i = incidents.find(id, scope).orElseThrow(() -> new NotFound("incident", id));
        var type = taxonomy.type(i.type()).orElseThrow();
        Instant now = clock.instant();
        var timeline = incidents.timeline(id);
        Instant lastUpdate = timeline.isEmpty() ? i.openedAt() : timeline.getLast().at();

        ObjectNode eido = json.createObjectNode();
        eido.put("eidoMessageIdentifier", "urn:emergency:uid:eidomsgid:" + UUID.randomUUID() + ":" + AGENCY);
        eido.put("$id", "eido-" + id);
        eido.put("lastUpdateTimeStamp", lastUpdate.toString());
        eido.put("sendingSystemIdentifier", "urn:emergency:uid:sysid:safecity:" + AGENCY);
        eido.put("messageCreationTimeStamp", now.toString());

        ObjectNode incident = eido.putArray("incidentComponent").addObject();
        incident.put("$id", "incident-" + id);
        incident.put("componentIdentifier", "urn:emergency:uid:compid:incident-" + id + ":" + AGENCY);
        incident.put("incidentTrackingIdentifier", i.trackingId());
        incident.put("lastUpdateTimeStamp", lastUpdate.toString());
        incident.put("incidentCreationTimeStamp", i.openedAt().toString());
        incident.putArray("incidentTypeCommonRegistryText").add(type.name());
        incident.put("incidentTypeInternalCode", i.type());
        incident.put("incidentTypeInternalText", type.name());
        incident.putArray("incidentStatusCommonRegistryText").add(statusText(i.status()));
        incident.put("incidentStatusInternalCode", i.status().name());
        incident.put("incidentCommonPriorityNumber", i.priority().ordinal() + 1);
        incident.putArray("locationReference").addObject().put("$ref", "#location-" + id);
        incident.putArray("agencyReference").addObject().put("$ref", "#agency");
        if (i.mergedInto() != null) {
            incidents.find(i.mergedInto(), Jurisdiction.PROVINCE).ifPresent(survivor -> {
                ObjectNode merge = incident.putObject("mergeInformation");
                merge.put("incidentTrackingIdentifier", survivor.trackingId());
                merge.put("incidentMergeDirectionCode", "MergedInto");
            });
        }

        ObjectNode location = eido.putArray("locationComponent").addObject();
        location.put("$id", "location-" + id);
        location.put("componentIdentifier", "urn:emergency:uid:compid:location-" + id + ":" + AGENCY);
        location.put("lastUpdateTimeStamp", i.openedAt().toString());
        location.put("locationByValue", pidfLo(i, now));

        ArrayNode calls = eido.putArray("callComponent");
        for (var call : incidents.calls(id)) {
            ObjectNode c = calls.addObject();
            c.put("$id", "call-" + call.id());
            c.put("componentIdentifier", "urn:emergency:uid:compid:call-" + call.id() + ":" + AGENCY);
            c.put("callTrackingIdentifier", "urn:emergency:uid:callid:" + call.id() + ":" + AGENCY);
            c.put("callStartTimeStamp", call.receivedAt().toString());
            c.put("callTakerText", call.takenBy());
            c.putArray("incidentReference").addObject().put("$ref", "#incident-" + id);
        }

        ArrayNode notes = eido.putArray("notesComponent");
        ObjectNode description = notes.addObject();
        description.put("$id", "note-description-" + id);
        description.put("componentIdentifier", "urn:emergency:uid:compid:note-description-" + id + ":" + AGENCY);
        description.put("noteDateTimeStamp", i.openedAt().toString());
        description.put("noteTypeInternalCode", "DESCRIPTION");
        description.put("noteText", i.description());
        description.put("noteAuthorText", i.openedBy());
        for (var entry : timeline) {
            ObjectNode note = notes.addObject();
            note.put("$id", "note-" + entry.id());
            note.put("componentIdentifier", "urn:emergency:uid:compid:note-" + entry.id() + ":" + AGENCY);
            note.put("noteDateTimeStamp", entry.at().toString());
            note.put("noteTypeInternalCode", entry.kind());
            note.put("noteText", entry.text());
            note.put("noteAuthorText", entry.actor());
        }

        ArrayNode resources = eido.putArray("emergencyResourceComponent");
        for (var a : units.assignments(id)) {
            var unit = units.find(a.unitId(), Jurisdiction.PROVINCE).orElseThrow();
            ObjectNode r = resources.addObject();
            r.put("$id", "resource-" + a.id());
            r.put("componentIdentifier", "urn:emergency:uid:compid:resource-" + a.id() + ":" + AGENCY);
            r.put("emergencyResourceIdentifier", unit.callSign());
            r.put("emergencyResourceTypeInternalCode", unit.type().name());
            r.put("emergencyResourceStatusInternalCode", a.active() ? unit.status().name() : "CLEARED");
            r.put("dispatchedTimeStamp", a.dispatchedAt().toString());
            if (a.acknowledgedAt() != null) {
                r.put("acknowledgedTimeStamp", a.acknowledgedAt().toString());
            }
            if (a.arrivedAt() != null) {
                r.put("arrivedOnSceneTimeStamp", a.arrivedAt().toString());
            }
            if (a.clearedAt() != null) {
                r.put("clearedTimeStamp", a.clearedAt().toString());
            }
            r.putArray("agencyReference").addObject().put("$ref", "#agency");
        }

        ObjectNode agency = eido.putArray("agencyComponent").addObject();
        agency.put("$id", "agency");
        agency.put("agencyIdentifier", "urn:emergency:uid:agencyid:" + AGENCY);
        agency.put("agencyName", "Khyber Pakhtunkhwa Safe City Authority, Command and Control Center " + i.cityCode());
        return eido;
    }

    record Imported(long incidentId, boolean created, int notesAdded) {
    }

    @Transactional
    Imported importDocument(JsonNode eido, String cityCode) {
        JsonNode incident = first(eido.path("incidentComponent"));
        if (incident == null || !incident.isObject()) {
            throw new InvalidInput("incidentComponent", "is required: an EIDO carries one incident component");
        }
        String tracking = text(incident, "incidentTrackingIdentifier");
        if (tracking == null) {
            throw new InvalidInput("incidentComponent.incidentTrackingIdentifier", "is required");
        }
        var notes = notes(eido);
        var known = incidents.findByTrackingId(tracking);
        if (known.isPresent()) {
            var scope = CurrentActor.jurisdiction();
            if (!scope.covers(known.get().cityCode(), known.get().zoneCode())) {
                throw new InvalidInput("incidentComponent.incidentTrackingIdentifier",
                    "belongs to an incident outside your jurisdiction");
            }
            return new Imported(known.get().id(), false, addNewNotes(known.get().id(), notes));
        }
        JsonNode locationComponent = referenced(eido.path("locationComponent"), incident.path("locationReference"));
        if (locationComponent == null) {
            throw new InvalidInput("locationComponent", "is required: the incident's location");
        }
        String pidf = text(locationComponent, "locationByValue");
        var pos = pidf == null ? null : POS.matcher(pidf);
        if (pos == null || !pos.find()) {
            throw new InvalidInput("locationComponent.locationByValue", "must be a PIDF-LO with a gml:Point (gml:pos \"lat lon\")");
        }
        GeoPoint point;
        try {
            point = new GeoPoint(Double.parseDouble(pos.group(1)), Double.parseDouble(pos.group(2)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("locationComponent.locationByValue", e.getMessage());
        }
        String address = null;
        String landmark = null;
        var civic = CIVIC.matcher(pidf);
        while (civic.find()) {
            switch (civic.group(1)) {
                case "RD" -> address = unescape(civic.group(2));
                case "LMK" -> landmark = unescape(civic.group(2));
                default -> {
                    if (cityCode == null && civic.group(2).matches("[A-Z]{3}")) {
                        cityCode = civic.group(2);
                    }
                }
            }
        }
        String typeCode = taxonomy.type(String.valueOf(text(incident, "incidentTypeInternalCode")))
            .filter(IncidentType::active).map(IncidentType::code).orElse("OTHER");
        var type = taxonomy.type(typeCode).orElseThrow();
        Priority priority = type.defaultPriority();
        int number = incident.path("incidentCommonPriorityNumber").asInt(0);
        if (number >= 1 && number <= 4) {
            priority = Priority.values()[number - 1];
        }
        String description = notes.stream().filter(n -> "DESCRIPTION".equals(n.kind())).map(EidoNote::text).findFirst()
            .orElse(notes.isEmpty() ? "Incident received as NENA EIDO " + tracking : notes.getFirst().text());
        var place = opening.place(point, cityCode, null);
        Instant now = clock.instant();
        Instant created = instant(text(incident, "incidentCreationTimeStamp"), now);
        String actor = CurrentActor.name();
        long id = incidents.insert(new IncidentStore.NewIncident(typeCode, priority, place.cityCode(), place.zoneCode(), point,
            address, landmark, description, IncidentSource.EIDO, null, null, tracking, created, actor));
        incidents.addTimeline(id, now, actor, "OPENED", "Received as NENA EIDO " + tracking + " (status at the sender: "
            + String.valueOf(text(incident, "incidentStatusInternalCode")) + ")", null);
        for (JsonNode call : iterable(eido.path("callComponent"))) {
            incidents.addCall(id, null, null, instant(text(call, "callStartTimeStamp"), created),
                text(call, "callTakerText") == null ? "EIDO" : text(call, "callTakerText"));
        }
        int added = addNewNotes(id, notes.stream().filter(n -> !"DESCRIPTION".equals(n.kind()) && !"OPENED".equals(n.kind())).toList());
        for (JsonNode resource : iterable(eido.path("emergencyResourceComponent"))) {
            incidents.addTimeline(id, now, actor, "NOTE", "Sender's unit " + text(resource, "emergencyResourceIdentifier") + " ("
                + text(resource, "emergencyResourceTypeInternalCode") + "): " + text(resource, "emergencyResourceStatusInternalCode"), null);
        }
        opening.opened(id, typeCode, priority, IncidentSource.EIDO, place, point, now);
        return new Imported(id, true, added);
    }

    private record EidoNote(Instant at, String kind, String text, String author) {
    }

    private List<EidoNote> notes(JsonNode eido) {
        List<EidoNote> notes = new ArrayList<>();
        for (JsonNode n : iterable(eido.path("notesComponent"))) {
            String text = text(n, "noteText");
            if (text != null) {
                notes.add(new EidoNote(instant(text(n, "noteDateTimeStamp"), clock.instant()), text(n, "noteTypeInternalCode"),
                    text, text(n, "noteAuthorText")));
            }
        }
        return notes;
    }

    /** Adds the notes whose time and text are not yet on the timeline; a document sent twice adds nothing. */
    private int addNewNotes(long id, List<EidoNote> notes) {
        Set<String> present = new HashSet<>();
        incidents.timeline(id).forEach(e -> present.add(e.at() + "|" + e.text()));
        int added = 0;
        for (var note : notes) {
            if ("DESCRIPTION".equals(note.kind())) {
                continue;
            }
            if (present.add(note.at() + "|" + note.text())) {
                incidents.addTimeline(id, note.at(), note.author() == null ? "EIDO" : note.author(),
                    note.kind() == null ? "NOTE" : note.kind(), note.text(), null);
                added++;
            }
        }
        return added;
    }

    static String pidfLo(Incident i, Instant now) {
        StringBuilder civic = new StringBuilder();
        civic.append("<ca:country>PK</ca:country><ca:A1>Khyber Pakhtunkhwa</ca:A1><ca:A3>").append(i.cityCode()).append("</ca:A3>");
        if (i.address() != null) {
            civic.append("<ca:RD>").append(escape(i.address())).append("</ca:RD>");
        }
        if (i.landmark() != null) {
            civic.append("<ca:LMK>").append(escape(i.landmark())).append("</ca:LMK>");
        }
        return "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\""
            + " xmlns:ca=\"urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr\" xmlns:gml=\"http://www.opengis.net/gml\""
            + " xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\" entity=\"pres:incident-" + i.id() + "@" + AGENCY + "\">"
            + "<dm:device id=\"incident-" + i.id() + "\"><gp:geopriv><gp:location-info>"
            + "<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>" + i.location().lat() + " " + i.location().lon()
            + "</gml:pos></gml:Point><ca:civicAddress>" + civic + "</ca:civicAddress>"
            + "</gp:location-info><gp:usage-rules/><gp:method>Manual</gp:method></gp:geopriv>"
            + "<dm:timestamp>" + now + "</dm:timestamp></dm:device></presence>";
    }

    private static String statusText(IncidentStatus status) {
        return switch (status) {
            case NEW -> "Received";
            case DISPATCHED -> "Dispatched";
            case EN_ROUTE -> "Enroute";
            case ON_SCENE -> "OnScene";
            case RESOLVED -> "Cleared";
            case CLOSED -> "Closed";
        };
    }

    private static JsonNode first(JsonNode node) {
        if (node.isArray()) {
            return node.isEmpty() ? null : node.get(0);
        }
        return node.isMissingNode() || node.isNull() ? null : node;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            return items;
        }
        return node.isObject() ? List.of(node) : List.of();
    }

    /** The component a reference ({@code [{"$ref": "#id"}]} or {@code "#id"}) points to, else the first. */
    private static JsonNode referenced(JsonNode components, JsonNode reference) {
        JsonNode ref = first(reference);
        String target = ref == null ? null : ref.isObject() ? text(ref, "$ref") : ref.asString();
        if (target != null) {
            String id = target.replaceFirst("^\\$ref:", "").replaceFirst("^#", "");
            for (JsonNode c : iterable(components)) {
                if (id.equals(text(c, "$id"))) {
                    return c;
                }
            }
        }
        return first(components);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }

    private static Instant instant(String text, Instant otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInput("timestamp", "'" + text + "' is not an ISO 8601 date and time with offset");
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
