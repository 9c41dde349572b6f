package org.safecity.emergency.internal.eido;

import java.time.Instant;
import java.util.Map;
import org.safecity.emergency.UnitType;
import org.safecity.emergency.internal.incidents.IncidentStatus;
import org.safecity.emergency.internal.units.UnitStatus;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** SafeCity's words as EIDO writes them: component ids and prologues, notes, agents, jCards, and status and resource texts. */
final class EidoComponents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EidoComponents() {
    }

    static ObjectNode prologue(ObjectNode component, String id, Instant updated) {
        component.put("$id", id);
        component.put("lastUpdateTimeStamp", updated.toString());
        component.putObject("updatedByAgencyReference").put("$ref", ExchangingEido.AGENCY);
        return component;
    }

    static void note(ObjectNode note, String id, Instant at, String text, String agent) {
        note.put("$id", id);
        note.put("lastUpdateTimeStamp", at.toString());
        note.putObject("updatedByAgencyReference").put("$ref", ExchangingEido.AGENCY);
        note.putObject("updatedByAgentReference").put("$ref", agent);
        note.put("notesActionComments", text);
        note.putObject("agentReference").put("$ref", agent);
    }

    /** The agent component id of a person or unit; each is written once, as of its latest part. */
    static String agent(Map<String, Instant> agents, String name, Instant at) {
        String id = (name == null || name.isBlank() ? "system" : name.strip()) + "@" + ExchangingEido.AGENCY;
        agents.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
        return id;
    }

    static String componentId(String kind, long id) {
        return "urn:emergency:uid:compid:" + kind + "-" + id + ":" + ExchangingEido.AGENCY;
    }

    /** A jCard (RFC 7095) with the agency's formatted name. */
    static String jcard(String name) {
        var card = JSON.createArrayNode().add("vcard");
        var properties = card.addArray();
        properties.addArray().add("version").add(JSON.createObjectNode()).add("text").add("4.0");
        properties.addArray().add("fn").add(JSON.createObjectNode()).add("text").add(name);
        return card.toString();
    }

    static String resourceType(UnitType type) {
        return switch (type) {
            case POLICE_CAR, POLICE_MOTORCYCLE -> "Law Enforcement";
            case AMBULANCE -> "EMS";
            case FIRE_TENDER -> "Fire";
        };
    }

    static String unitStatusText(UnitStatus status) {
        return switch (status) {
            case AVAILABLE -> "Available";
            case DISPATCHED -> "Dispatched";
            case EN_ROUTE -> "Enroute";
            case ON_SCENE -> "OnScene";
            case OUT_OF_SERVICE -> "OutOfService";
        };
    }

    static String statusText(IncidentStatus status) {
        return switch (status) {
            case NEW -> "Received";
            case DISPATCHED -> "Dispatched";
            case EN_ROUTE -> "Enroute";
            case ON_SCENE -> "OnScene";
            case RESOLVED -> "Cleared";
            case CLOSED -> "Closed";
        };
    }
}
