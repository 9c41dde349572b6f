package org.safecity.evidence;

import java.io.IOException;
import java.io.InputStream;

/**
 * How any module hands an item over as evidence (a detection image, a challan's photo, an
 * incident attachment, a video clip). The content is read once as a stream, hashed while it is
 * written to the evidence store, and never held whole in memory; the item's custody log starts
 * with a {@code created} entry naming the sender.
 */
public interface EvidenceIntake {

    /**
     * Stores {@code content} (read to its end, not closed) and records it as an item.
     *
     * @throws org.safecity.shared.NotFound when {@code details.caseId()} names no case
     * @throws IOException when the content cannot be read or stored; nothing is recorded then
     */
    ReceivedItem receive(InputStream content, IntakeDetails details) throws IOException;
}
