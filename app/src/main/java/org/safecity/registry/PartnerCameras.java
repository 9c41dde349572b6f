package org.safecity.registry;

import java.time.Instant;
import java.util.List;

/**
 * The cameras commercial premises connected under the Act (registry cameras with a partner id), as
 * the module that judges their compliance reads them. Retired cameras are left out; jurisdiction is the
 * caller's business.
 */
public interface PartnerCameras {

    /**
     * @param resolution as registered, e.g. {@code 1920x1080}; the module that probes a stream may know better
     * @param registeredAt when the camera joined the network: its uptime is not counted before
     * @param recorded whether the Authority records it; a view-only camera is heard from only when someone looks
     *                 or checks ({@link CameraDirectory#markChecked})
     */
    record PartnerCamera(long id, long partnerId, String name, String resolution, Instant registeredAt, boolean recorded) {
    }

    /** The cameras in service of one partner, oldest first. */
    List<PartnerCamera> of(long partnerId);

    /** Every partner camera in service, by partner then age: one read for an evaluation of all premises. */
    List<PartnerCamera> all();
}
