package org.safecity.video.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.registry.CameraSummary;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.TextPolicy;
import org.safecity.video.PartnerCameraAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A partner's camera is opened only for a stated purpose: live video, playback, a snapshot or a clip of
 * a camera with a partner id needs an incident number or a reason in words, audited and recorded for
 * the partner ({@link PartnerCameraAccess}). The HLS segments a player then fetches need no purpose of
 * their own while the person's opening of that camera is recent ({@link #HOLDS}). The Authority's own
 * cameras need none.
 */
@Component
public class StatedPurposes {

    /** How long an opening covers the segments of its playlist (a long live view re-opens when it lapses). */
    public static final Duration HOLDS = Duration.ofMinutes(30);

    private final AuditTrail audit;
    private final ObjectProvider<PartnerCameraAccess> records;
    private final Clock clock;
    /** Who opened which partner camera, and when: {@code "<person>|<camera>"}. */
    private final Map<String, Instant> opened = new ConcurrentHashMap<>();

    StatedPurposes(AuditTrail audit, ObjectProvider<PartnerCameraAccess> records, Clock clock) {
        this.audit = audit;
        this.records = records;
        this.clock = clock;
    }

    /** Opens the camera for {@code what}; refused (400, field {@code purpose}) for a partner's camera without a purpose. */
    public void open(CameraSummary camera, String what, String purpose) {
        if (camera.partnerId() == null) {
            return;
        }
        TextPolicy.purposeRefusal(purpose).ifPresent(refusal -> {
            throw new InvalidInput("purpose", refusal + " (camera " + camera.id() + " belongs to a commercial premises)");
        });
        String who = CurrentActor.name();
        Instant now = clock.instant();
        audit.record("video.partner-camera-opened", "camera", Long.toString(camera.id()), purpose.strip(),
            Map.of("what", what, "partnerId", camera.partnerId()));
        records.ifAvailable(r -> r.opened(new PartnerCameraAccess.Opened(camera.id(), camera.partnerId(), who, what, purpose.strip(), now)));
        opened.put(who + "|" + camera.id(), now);
    }

    /** A segment of a partner's camera: allowed while the person's opening of it holds, else as {@link #open}. */
    public void continueOrOpen(CameraSummary camera, String what, String purpose) {
        if (camera.partnerId() == null) {
            return;
        }
        Instant at = opened.get(CurrentActor.name() + "|" + camera.id());
        if (at != null && at.plus(HOLDS).isAfter(clock.instant())) {
            return;
        }
        open(camera, what, purpose);
    }
}
