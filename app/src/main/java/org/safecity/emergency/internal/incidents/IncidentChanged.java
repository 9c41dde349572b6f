package org.safecity.emergency.internal.incidents;

/**
 * Something on an incident changed (opened, dispatched, a note, a unit's progress): the board and
 * open incident pages reload it. Kept inside the module; other modules listen to the public events.
 */
public record IncidentChanged(long incidentId, String cityCode, String zoneCode, String what) {
}
