package org.safecity.detections.internal.intake;

import org.safecity.shared.InvalidInput;

/**
 * The database refused a value of this batch, alone (its group's other batches were stored): sending
 * it again unchanged cannot succeed, so the device is told so (400), not asked to retry (503).
 */
public class IntakeRefused extends InvalidInput {

    public IntakeRefused() {
        super("detections", "could not be stored as sent: an item holds a value the database cannot keep (such as a NUL "
            + "character); nothing of this batch was stored, and sending it again unchanged will be refused again");
    }
}
