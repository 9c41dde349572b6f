package org.safecity.emergency.internal;

import java.util.List;
import org.safecity.emergency.UnitType;

/** A kind of incident, with the priority it opens at and the unit types that can answer it. */
record IncidentType(String code, String name, Priority defaultPriority, List<UnitType> unitTypes, boolean active) {

    boolean answeredBy(UnitType type) {
        return unitTypes.contains(type);
    }
}
