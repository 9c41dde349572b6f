package org.safecity.evidence.internal.retention;

import org.safecity.cluster.OncePerCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for expired evidence every {@code safecity.evidence.disposal-interval} (default six hours). */
@Component
class DisposalJob {

    private static final Logger log = LoggerFactory.getLogger(DisposalJob.class);
    private final DisposingExpiredEvidence disposing;

    private final OncePerCluster oncePerCluster;

    DisposalJob(DisposingExpiredEvidence disposing, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.disposing = disposing;
    }

    @Scheduled(initialDelayString = "${safecity.evidence.disposal-interval}", fixedDelayString = "${safecity.evidence.disposal-interval}")
    void run() {
        if (!oncePerCluster.mine("evidence disposal")) {
            return; // another instance of the cluster runs it
        }
        try {
            disposing.run();
        } catch (RuntimeException e) {
            log.error("Disposal of expired evidence failed; will try again at the next interval", e);
        }
    }
}
