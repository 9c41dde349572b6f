package org.safecity.emergency;

/** The kinds of response unit the Command and Control Center dispatches. */
public enum UnitType {
    POLICE_CAR, POLICE_MOTORCYCLE, AMBULANCE, FIRE_TENDER
}
