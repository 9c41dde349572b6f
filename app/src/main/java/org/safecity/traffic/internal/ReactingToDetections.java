package org.safecity.traffic.internal;

import org.safecity.detections.DetectionsAccepted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The one place detections enter e-challan: after the detections' commit, off the device's request.
 * Kept this small so the delivery of {@link DetectionsAccepted} can be re-wired here alone.
 */
@Component
class ReactingToDetections {

    private final ApplyingRules rules;

    ReactingToDetections(ApplyingRules rules) {
        this.rules = rules;
    }

    @ApplicationModuleListener
    void on(DetectionsAccepted accepted) {
        rules.apply(accepted.detections());
    }
}
