package org.safecity.anchors.internal;

import org.safecity.anchors.Anchors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Anchors every log every {@code safecity.anchors.interval} (default a minute). */
@Component
class AnchorJob {

    private final Anchors anchors;

    AnchorJob(Anchors anchors) {
        this.anchors = anchors;
    }

    @Scheduled(initialDelayString = "${safecity.anchors.interval:PT1M}", fixedDelayString = "${safecity.anchors.interval:PT1M}")
    void run() {
        anchors.anchorNow(); // each log's failure is logged there and retried next time
    }
}
