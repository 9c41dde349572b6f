package org.safecity.traffic.internal.rules;

import org.safecity.detections.DetectionConsumer;
import org.safecity.detections.DetectionsAccepted;
import org.springframework.stereotype.Component;

/**
 * The one place detections enter e-challan: handed over by the detections module after its commit, off
 * the device's request, in a transaction that also moves this consumer's cursor (so a group is applied
 * once, and read back from the sightings after a restart).
 */
@Component
class ReactingToDetections implements DetectionConsumer {

    private final ApplyingRules rules;

    ReactingToDetections(ApplyingRules rules) {
        this.rules = rules;
    }

    @Override
    public void on(DetectionsAccepted accepted) {
        rules.apply(accepted.detections());
    }
}
