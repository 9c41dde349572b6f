package org.safecity.console;

import java.time.Instant;
import java.util.List;
import org.safecity.identity.Jurisdiction;

/**
 * Cameras an operator watches together, and a sequence cycles through: a site's cameras (read from
 * the registry when shown, so a camera added to the site joins), a route (cameras in the order a
 * vehicle passes them) or a custom list. A shared group, made by a supervisor, is offered to
 * everyone whose jurisdiction overlaps {@code scope}, its owner's; only its owner changes it.
 */
record CameraGroup(long id, long ownerId, String ownerName, String name, Kind kind, Long siteId, List<Long> cameraIds,
                   boolean shared, Jurisdiction scope, Instant updatedAt) {

    static final int MOST_CAMERAS = 256;
    static final int MOST_PER_OWNER = 100;

    enum Kind { SITE, ROUTE, LIST }

    /** Whether a person of {@code reader}'s jurisdiction is offered this group. */
    boolean offeredTo(long accountId, Jurisdiction reader) {
        return ownerId == accountId || shared && (reader.permits(scope) || scope.permits(reader));
    }
}
