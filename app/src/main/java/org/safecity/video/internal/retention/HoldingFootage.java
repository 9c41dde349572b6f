package org.safecity.video.internal.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.registry.CameraDirectory;
import org.safecity.shared.GeoPoint;
import org.safecity.video.FootageHolds;
import org.safecity.video.internal.VideoSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Holds on footage: from incidents (cameras near the scene), clip exports to evidence, and legal orders. */
@Service
public class HoldingFootage implements FootageHolds {

    private final HoldStore holds;
    private final CameraDirectory cameras;
    private final VideoSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    HoldingFootage(HoldStore holds, CameraDirectory cameras, VideoSettings settings, AuditTrail audit, Clock clock) {
        this.holds = holds;
        this.cameras = cameras;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int holdAround(GeoPoint point, Instant at, String reference, String reason) {
        Instant from = at.minus(settings.incidentHoldBefore());
        Instant to = at.plus(settings.incidentHoldAfter());
        int held = 0;
        for (var camera : cameras.near(point, settings.incidentHoldRadius())) {
            if (holds.insert(camera.id(), from, to, "INCIDENT", reference, reason, "system", clock.instant()).isPresent()) {
                held++;
            }
        }
        return held;
    }

    /** A legal hold ordered by a person; audited. */
    @Transactional
    long holdByOrder(long cameraId, Instant from, Instant to, String reason) {
        long id = holds.insert(cameraId, from, to, "LEGAL", null, reason, CurrentActor.name(), clock.instant()).orElseThrow();
        audit.record("video.hold-placed", "camera", Long.toString(cameraId), reason, Map.of("hold", id, "from", from.toString(),
            "to", to.toString()));
        return id;
    }

    /** The footage of an exported clip, kept for its case. */
    public void holdForEvidence(long cameraId, Instant from, Instant to, String clipId, String by) {
        holds.insert(cameraId, from, to, "EVIDENCE", "clip:" + clipId, "exported as evidence", by, clock.instant());
    }

    @Transactional
    boolean release(Hold hold, String reason) {
        boolean released = holds.release(hold.id(), CurrentActor.name(), clock.instant());
        if (released) {
            audit.record("video.hold-released", "camera", Long.toString(hold.cameraId()), reason, Map.of("hold", hold.id()));
        }
        return released;
    }
}
