package org.safecity.emergency.internal.taxonomy;

import java.util.List;
import org.safecity.emergency.UnitType;
import org.safecity.emergency.internal.incidents.Priority;

/** A kind of incident, with the priority it opens at and the unit types that can answer it. */
public record IncidentType(String code, String name, Priority defaultPriority, List<UnitType> unitTypes, boolean active) {

    public boolean answeredBy(UnitType type) {
        return unitTypes.contains(type);
    }
}
