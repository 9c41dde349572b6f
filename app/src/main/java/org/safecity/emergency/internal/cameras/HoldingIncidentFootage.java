package org.safecity.emergency.internal.cameras;

import org.safecity.emergency.IncidentOpened;
import org.safecity.shared.FollowUp;
import org.safecity.video.FootageHolds;
import org.springframework.stereotype.Component;

/**
 * Keeps the recordings of the cameras around a new incident from retention. Emergency asks video, not
 * the other way round: video cannot depend on emergency, which already depends on video through alerts.
 */
@Component
class HoldingIncidentFootage {

    private final FootageHolds footage;

    HoldingIncidentFootage(FootageHolds footage) {
        this.footage = footage;
    }

    @FollowUp
    void on(IncidentOpened incident) {
        if (incident.location() != null) {
            footage.holdAround(incident.location(), incident.openedAt(), "incident:" + incident.incidentId(),
                "footage around incident " + incident.incidentId() + " (" + incident.type() + ")");
        }
    }
}
