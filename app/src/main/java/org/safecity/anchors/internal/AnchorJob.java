package org.safecity.anchors.internal;

import org.safecity.anchors.Anchors;
import org.safecity.cluster.OncePerCluster;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Anchors every log every {@code safecity.anchors.interval} (default a minute). */
@Component
class AnchorJob {

    private final Anchors anchors;

    private final OncePerCluster oncePerCluster;

    AnchorJob(Anchors anchors, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.anchors = anchors;
    }

    @Scheduled(initialDelayString = "${safecity.anchors.interval}", fixedDelayString = "${safecity.anchors.interval}")
    void run() {
        if (!oncePerCluster.mine("anchors anchoring")) {
            return; // another instance of the cluster runs it
        }
        anchors.anchorNow(); // each log's failure is logged there and retried next time
    }
}
