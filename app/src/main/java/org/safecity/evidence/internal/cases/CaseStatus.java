package org.safecity.evidence.internal.cases;

/** Where a case stands, from the FIR to the end of the trial. */
public enum CaseStatus {
    OPEN, UNDER_INVESTIGATION, CHALLAN_SUBMITTED, UNDER_TRIAL, CLOSED;

    static CaseStatus parse(String text) {
        if (text == null) {
            return null;
        }
        String name = text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (var status : values()) {
            if (status.name().equals(name)) {
                return status;
            }
        }
        return null;
    }
}
