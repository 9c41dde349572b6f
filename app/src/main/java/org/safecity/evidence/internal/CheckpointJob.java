package org.safecity.evidence.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Seals the custody log every {@code safecity.evidence.checkpoint-interval} (default one hour). */
@Component
class CheckpointJob {

    private static final Logger log = LoggerFactory.getLogger(CheckpointJob.class);
    private final SealingCustodyLog sealing;

    CheckpointJob(SealingCustodyLog sealing) {
        this.sealing = sealing;
    }

    @Scheduled(initialDelayString = "${safecity.evidence.checkpoint-interval:PT1H}", fixedDelayString = "${safecity.evidence.checkpoint-interval:PT1H}")
    void run() {
        try {
            sealing.seal().ifPresent(c -> log.debug("Custody log sealed at checkpoint {} ({} chains)", c.seq(), c.chains()));
        } catch (RuntimeException e) {
            log.error("Could not seal the custody log; will try again at the next interval", e);
        }
    }
}
