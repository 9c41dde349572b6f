package org.safecity.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused for a full disk is reported as that alone, in plain words, not as a stack of bean-creation errors. */
class DiskFullAtStart extends AbstractFailureAnalyzer<DataDirectory.NotEnoughSpace> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectory.NotEnoughSpace cause) {
        return new FailureAnalysis(cause.getMessage(), "Free space on that disk, or move the data directory (SAFECITY_DATA_DIR) "
            + "to a larger one; lowering SAFECITY_MIN_FREE_SPACE only postpones the failure.", cause);
    }
}
