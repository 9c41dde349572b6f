package org.safecity.emergency.internal.eido;

import static org.safecity.emergency.internal.eido.EidoComponents.agent;
import static org.safecity.emergency.internal.eido.EidoComponents.componentId;
import static org.safecity.emergency.internal.eido.EidoComponents.jcard;
import static org.safecity.emergency.internal.eido.EidoComponents.note;
import static org.safecity.emergency.internal.eido.EidoComponents.prologue;
import static org.safecity.emergency.internal.eido.EidoComponents.resourceType;
import static org.safecity.emergency.internal.eido.EidoComponents.statusText;
import static org.safecity.emergency.internal.eido.EidoComponents.unitStatusText;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.safecity.emergency.internal.calls.OpeningIncidents;
import org.safecity.emergency.internal.incidents.IncidentSource;
import org.safecity.emergency.internal.incidents.IncidentStore;
import org.safecity.emergency.internal.incidents.Priority;
import org.safecity.emergency.internal.taxonomy.IncidentType;
import org.safecity.emergency.internal.taxonomy.TaxonomyStore;
import org.safecity.emergency.internal.units.UnitStore;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.registry.CityCentres;
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
 * NENA Emergency Incident Data Object (EIDO, NENA-STA-021.1) exchange. An incident is written as an
 * EIDO JSON document that validates against NENA's EIDO schema: the document's {@code $id} is the
 * incident tracking identifier; incident, location (a PIDF-LO with GML point and civic address),
 * call, notes, emergency resource, dispatch, agent and agency components are tied by {@code $id} /
 * {@code $ref}. A document from another centre is taken in if it names an incident (its {@code $id});
 * a document for an incident already here adds the notes not yet on its timeline and opens nothing
 * new. The answer lists the fields that were not used. Callers' names and numbers are not sent.
 * The mapping field by field is in {@code docs/eido.md}.
 */
@Service
class ExchangingEido {

    static final String AGENCY = "safecity.kp.gov.pk";

    private final IncidentStore incidents;
    private final UnitStore units;
    private final TaxonomyStore taxonomy;
    private final OpeningIncidents opening;
    private final CityCentres cities;
    private final JsonMapper json;
    private final Clock clock;

    ExchangingEido(IncidentStore incidents, UnitStore units, TaxonomyStore taxonomy, OpeningIncidents opening, CityCentres cities,
                   Clock clock) {
        this.incidents = incidents;
        this.units = units;
        this.taxonomy = taxonomy;
        this.opening = opening;
        this.cities = cities;
        this.json = JsonMapper.builder().build();
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ObjectNode export(long id, Jurisdiction scope) {
        var i = incidents.find(id, scope).orElseThrow(() -> new NotFound("incident", id));
        var type = taxonomy.type(i.type()).orElseThrow();
        var timeline = incidents.timeline(id);
        Instant lastUpdate = timeline.isEmpty() ? i.openedAt() : timeline.getLast().at();
        Map<String, Instant> agents = new LinkedHashMap<>();

        ObjectNode eido = prologue(json.createObjectNode(), i.trackingId(), lastUpdate);
        eido.put("eidoVersion", "1.0");
        eido.put("issuingElementIdentification", AGENCY);

        String locationId = componentId("location", id);
        String descriptionId = componentId("note-description", id);
        ObjectNode incident = prologue(eido.putObject("incidentComponent"), componentId("incident", id), lastUpdate);
        incident.put("incidentTypeCommonRegistryText", type.name());
        incident.put("incidentTypeInternalCode", i.type());
        incident.put("incidentTypeInternalText", type.name());
        incident.putArray("incidentStatusCommonRegistryText").add(statusText(i.status()));
        incident.putArray("incidentStatusInternalText").add(i.status().name());
        incident.put("internalIncidentId", String.valueOf(id));
        incident.put("incidentCommonPriorityNumber", i.priority().ordinal() + 1);
        incident.put("incidentPriorityInternalText", i.priority().name());
        incident.putArray("locationReference").addObject().put("$ref", locationId);
        incident.putArray("notesReference").addObject().put("$ref", descriptionId);
        if (i.mergedInto() != null) {
            incidents.find(i.mergedInto(), Jurisdiction.PROVINCE).ifPresent(survivor -> {
                ObjectNode merge = prologue(eido.putArray("mergeComponent").addObject(), componentId("merge", id), lastUpdate);
                merge.put("incidentTrackingIdentifier", survivor.trackingId());
                merge.put("incidentMergeDirectionCode", "REPLACED");
            });
        }

        ObjectNode location = prologue(eido.putArray("locationComponent").addObject(), locationId, i.openedAt());
        location.put("locationTypeDescriptionRegistryText", "Incident");
        location.put("locationByValue", PidfLo.write("incident-" + id + "@" + AGENCY, i.location(), i.cityCode(), i.address(),
            i.landmark(), i.openedAt()));

        ArrayNode calls = eido.putArray("callComponent");
        for (var call : incidents.calls(id)) {
            ObjectNode c = prologue(calls.addObject(), "urn:emergency:uid:callid:" + call.id() + ":" + AGENCY, call.receivedAt());
            c.put("standardPrimaryCallType", "emergency");
            c.put("direction", "incoming");
            c.put("callStartTimestamp", call.receivedAt().toString());
            c.put("callStateRegistryText", "callAnswered");
            c.putArray("agentReference").addObject().put("$ref", agent(agents, call.takenBy(), call.receivedAt()));
            c.putArray("agencyReference").addObject().put("$ref", AGENCY);
            c.putArray("locationReference").addObject().put("$ref", locationId);
        }

        ArrayNode notes = eido.putArray("notesComponent");
        note(notes.addObject(), descriptionId, i.openedAt(), i.description(), agent(agents, i.openedBy(), i.openedAt()));
        for (var entry : timeline) {
            note(notes.addObject(), componentId("note", entry.id()), entry.at(), entry.text(), agent(agents, entry.actor(), entry.at()));
        }

        ArrayNode resources = eido.putArray("emergencyResourceComponent");
        ArrayNode dispatches = eido.putArray("dispatchComponent");
        for (var a : units.assignments(id)) {
            var unit = units.find(a.unitId(), Jurisdiction.PROVINCE).orElseThrow();
            String resourceId = componentId("resource", a.id());
            Instant changed = Stream.of(a.dispatchedAt(), a.acknowledgedAt(), a.enRouteAt(), a.arrivedAt(), a.clearedAt())
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElseThrow();
            ObjectNode r = prologue(resources.addObject(), resourceId, changed);
            r.put("emergencyResourceName", unit.callSign());
            r.put("emergencyResourceTypeCommonRegistryText", resourceType(unit.type()));
            r.put("emergencyResourceTypeInternalText", unit.type().name());
            r.putArray("resourceAttributeRegistryText");
            r.put("primaryUnitStatusRegistryText", a.active() ? unitStatusText(unit.status()) : "Cleared");
            r.putArray("secondaryUnitStatusRegistryText");
            r.putArray("unitStatusInternal").add(a.active() ? unit.status().name() : "CLEARED");
            r.putArray("agentReference").addObject().put("$ref", agent(agents, unit.callSign(), changed));
            if (a.active() && a.etaSeconds() != null) {
                r.put("eta", a.dispatchedAt().plusSeconds(a.etaSeconds()).toString());
            }
            if (a.active()) {
                r.put("activeOnIncidentId", i.trackingId());
            }
            ObjectNode d = prologue(dispatches.addObject(), componentId("dispatch", a.id()), a.dispatchedAt());
            d.putObject("agencyReference").put("$ref", AGENCY);
            d.putObject("agentReference").put("$ref", agent(agents, a.dispatchedBy(), a.dispatchedAt()));
            d.putArray("emergencyResourceReference").addObject().put("$ref", resourceId);
        }

        ArrayNode agentComponents = eido.putArray("agentComponent");
        agents.forEach((agentId, at) -> {
            ObjectNode agent = prologue(agentComponents.addObject(), agentId, at);
            agent.putArray("agentRoleRegistryText").add("Telecommunicator");
            agent.putObject("agencyReference").put("$ref", AGENCY);
        });

        ObjectNode agency = prologue(eido.putArray("agencyComponent").addObject(), AGENCY, lastUpdate);
        agency.put("agencyJcard", jcard("Khyber Pakhtunkhwa Safe City Authority, Command and Control Center " + i.cityCode()));
        agency.putArray("agencyRoleDescriptionRegistryText").add("CallReceiving").add("Dispatching");
        agency.putArray("agencyType").add("psap").add("police");
        agency.put("incidentOwningAgencyIndicator", true);
        return eido;
    }

    /** What the import made of a document, and the fields (JSON Pointers) it did not use. */
    record Imported(long incidentId, boolean created, int notesAdded, List<String> unused) {
    }

    @Transactional
    Imported importDocument(JsonNode document, String cityCode) {
        var eido = new EidoReading(document);
        String tracking = eido.text("", "$id");
        if (tracking == null) {
            throw new InvalidInput("$id", "is required: the incident tracking identifier the EIDO is about");
        }
        String version = eido.text("", "eidoVersion");
        if (version != null && !"1.0".equals(version)) {
            throw new InvalidInput("eidoVersion", "must be 1.0; '" + version + "' is not a version read here");
        }
        String incident = eido.components("incidentComponent").stream().findFirst().orElse(null);
        var notes = notes(eido);
        var known = incidents.findByTrackingId(tracking);
        if (known.isPresent()) {
            var scope = CurrentActor.jurisdiction();
            if (!scope.covers(known.get().cityCode(), known.get().zoneCode())) {
                throw new InvalidInput("$id", "belongs to an incident outside your jurisdiction");
            }
            int added = addNewNotes(known.get().id(), notes.stream().filter(n -> !n.description()).toList());
            return new Imported(known.get().id(), false, added, eido.unused());
        }

        String location = incident == null ? null
            : eido.component("locationComponent", eido.reference(incident, "locationReference"));
        if (location == null) {
            location = eido.components("locationComponent").stream()
                .filter(l -> document.at(l).hasNonNull("locationByValue")).findFirst().orElse(null);
        }
        var where = new PidfLo(null, null, null, null);
        String unreadable = null;
        JsonNode pidf = location == null ? null : document.at(location).get("locationByValue");
        if (pidf != null && pidf.isString() && !pidf.asString().isBlank()) {
            // The schema asks only for a string: a location that cannot be read is left unused, not a reason to refuse.
            try {
                where = PidfLo.read(pidf.asString(), "locationByValue");
                eido.use(location + "/locationByValue");
            } catch (InvalidInput e) {
                unreadable = e.getMessage();
            }
        }
        String landmark = where.landmark() != null ? where.landmark() : location == null ? null : eido.text(location, "locationDescriptionText");
        if (cityCode == null && where.city() != null) {
            cityCode = cities.centre(where.city()).map(CityCentres.Centre::cityCode).orElse(null);
        }
        GeoPoint point = where.point();
        boolean approximate = point == null;
        if (point == null) {
            // A civic address only: the incident is put at its city's centre until someone places it.
            String city = cityCode != null ? cityCode : CurrentActor.jurisdiction().cityCode();
            point = (city == null ? java.util.Optional.<CityCentres.Centre>empty() : cities.centre(city)).map(CityCentres.Centre::point)
                .orElseThrow(() -> new InvalidInput("cityCode", "is needed: the EIDO gives no coordinates, only a civic address;"
                    + " say which city's incident it is"));
            if (cityCode == null) {
                cityCode = city;
            }
        }

        String typeCode = incident == null ? null : typeCode(eido, incident);
        var type = taxonomy.type(typeCode == null ? "OTHER" : typeCode).orElseThrow();
        Priority priority = type.defaultPriority();
        JsonNode number = incident == null ? null : document.at(incident).get("incidentCommonPriorityNumber");
        if (number != null && number.isInt() && number.asInt() >= 1 && number.asInt() <= Priority.values().length) {
            priority = Priority.values()[number.asInt() - 1];
            eido.use(incident + "/incidentCommonPriorityNumber");
        }
        String descriptionId = incident == null ? null : eido.reference(incident, "notesReference");
        String description = notes.stream().filter(EidoNote::description).map(EidoNote::text).findFirst()
            .orElse(notes.isEmpty() ? "Incident received as NENA EIDO " + tracking : notes.getFirst().text());
        String status = incident == null ? null : eido.firstText(incident, "incidentStatusInternalText");
        if (status == null && incident != null) {
            status = eido.firstText(incident, "incidentStatusCommonRegistryText");
        }
        String sender = eido.reference("", "updatedByAgencyReference");

        List<String> calls = eido.components("callComponent");
        Instant now = clock.instant();
        Instant created = Stream.concat(calls.stream().map(c -> instant(eido, c, "callStartTimestamp")),
                notes.stream().map(EidoNote::at))
            .filter(java.util.Objects::nonNull).min(Instant::compareTo)
            .orElseGet(() -> { Instant at = instant(eido, "", "lastUpdateTimeStamp"); return at == null ? now : at; });
        var place = opening.place(point, cityCode, null);
        String actor = CurrentActor.name();
        long id = incidents.insert(new IncidentStore.NewIncident(type.code(), priority, place.cityCode(), place.zoneCode(), point,
            where.street(), landmark, description, IncidentSource.EIDO, null, null, tracking, created, actor));
        incidents.addTimeline(id, now, actor, "OPENED", "Received as NENA EIDO " + tracking
            + (sender == null ? "" : " from " + sender)
            + " (status at the sender: " + (status == null ? "not given" : status) + ")"
            + (approximate ? "; no coordinates were given, so it is placed at the city's centre" : "")
            + (unreadable == null ? "" : " (its location was not read: " + unreadable + ")"), null);
        for (String call : calls) {
            Instant start = instant(eido, call, "callStartTimestamp");
            String taker = eido.reference(call, "agentReference");
            incidents.addCall(id, null, null, start == null ? created : start, taker == null ? "EIDO" : taker);
        }
        // The description is not repeated on the timeline: the referenced note, or else the first.
        int added = addNewNotes(id, notes.stream().filter(n -> descriptionId != null ? !n.description() : n != notes.getFirst()).toList());
        for (String resource : eido.components("emergencyResourceComponent")) {
            String name = eido.text(resource, "emergencyResourceName");
            String kind = eido.text(resource, "emergencyResourceTypeInternalText");
            if (kind == null) {
                kind = eido.text(resource, "emergencyResourceTypeCommonRegistryText");
            }
            String unitStatus = eido.firstText(resource, "unitStatusInternal");
            if (unitStatus == null) {
                unitStatus = eido.text(resource, "primaryUnitStatusRegistryText");
            }
            incidents.addTimeline(id, now, actor, "NOTE", "Sender's unit " + (name == null ? "(unnamed)" : name)
                + (kind == null ? "" : " (" + kind + ")") + ": " + (unitStatus == null ? "status not given" : unitStatus), null);
        }
        opening.opened(id, type.code(), priority, IncidentSource.EIDO, place, point, now);
        return new Imported(id, true, added, eido.unused());
    }

    /** Our incident type for the sender's: by internal code, else by the common registry text matching a type's name. */
    private String typeCode(EidoReading eido, String incident) {
        JsonNode node = eido.document().at(incident);
        JsonNode code = node.get("incidentTypeInternalCode");
        if (code != null && code.isString()) {
            var byCode = taxonomy.type(code.asString().strip()).filter(IncidentType::active);
            if (byCode.isPresent()) {
                eido.text(incident, "incidentTypeInternalCode");
                return byCode.get().code();
            }
        }
        JsonNode text = node.get("incidentTypeCommonRegistryText");
        if (text != null && text.isString()) {
            var byName = taxonomy.types().stream().filter(IncidentType::active)
                .filter(t -> t.name().equalsIgnoreCase(text.asString().strip())).findFirst();
            if (byName.isPresent()) {
                eido.text(incident, "incidentTypeCommonRegistryText");
                return byName.get().code();
            }
        }
        return null;
    }

    /**
     * A note as sent. The incident's description is the note the incident component refers to
     * ({@code notesReference}).
     */
    private record EidoNote(Instant at, String text, String author, boolean description) {
    }

    private List<EidoNote> notes(EidoReading eido) {
        String incident = eido.components("incidentComponent").stream().findFirst().orElse(null);
        String descriptionId = incident == null ? null : eido.reference(incident, "notesReference");
        List<EidoNote> notes = new ArrayList<>();
        for (String n : eido.components("notesComponent")) {
            String text = eido.text(n, "notesActionComments");
            if (text != null) {
                Instant at = instant(eido, n, "lastUpdateTimeStamp");
                String author = eido.reference(n, "agentReference");
                if (author == null) {
                    author = eido.reference(n, "updatedByAgentReference");
                }
                String noteId = eido.text(n, "$id");
                notes.add(new EidoNote(at == null ? clock.instant() : at, text, author, noteId != null && noteId.equals(descriptionId)));
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
            if (present.add(note.at() + "|" + note.text())) {
                incidents.addTimeline(id, note.at(), note.author() == null ? "EIDO" : note.author(), "NOTE", note.text(), null);
                added++;
            }
        }
        return added;
    }

    /** An ISO 8601 time of a field, marked used; null when absent. */
    private static Instant instant(EidoReading eido, String pointer, String field) {
        String text = eido.text(pointer, field);
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInput((pointer + "/" + field).substring(1).replace('/', '.'),
                "'" + text + "' is not an ISO 8601 date and time with offset");
        }
    }
}
