package org.safecity.traffic.internal.violations;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.safecity.detections.Measurements;
import org.safecity.shared.TimeConfiguration;
import org.safecity.traffic.internal.TrafficSettings;
import org.safecity.traffic.internal.challans.FineSchedule;
import org.safecity.traffic.internal.rules.ApplyingRules;
import org.safecity.traffic.internal.rules.RuleStore;
import org.safecity.vision.PlateCrops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a rule's finding into a violation awaiting review, once: one per detection (a unique key), and
 * one per plate, offence and site within the duplicate window, at the placement the detection carries. Evidence
 * images the device sent with the detection are kept with it; an offence configured for it is issued at once above its confidence.
 */
@Service
public class RecordingViolations {

    private static final int MAX_IMAGE_BYTES = 4 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(RecordingViolations.class);

    private final ViolationStore violations;
    private final RuleStore rules;
    private final ReviewingViolations reviewing;
    private final FineSchedule fines;
    private final TrafficSettings settings;
    private final Clock clock;
    private final PlateCrops crops;
    private final JsonMapper json = JsonMapper.builder().build();

    RecordingViolations(ViolationStore violations, RuleStore rules, ReviewingViolations reviewing,
                        FineSchedule fines, TrafficSettings settings, Clock clock, PlateCrops crops) {
        this.crops = crops;
        this.fines = fines;
        this.violations = violations;
        this.rules = rules;
        this.reviewing = reviewing;
        this.settings = settings;
        this.clock = clock;
    }

    public void record(ApplyingRules.Finding f) {
        var d = f.detection();
        var placement = d.placement();
        String offence = f.rule().offence();
        if (f.plate() != null && violations.recentlyRecorded(f.plate(), offence, placement.siteName(), d.cameraId(),
            d.observedAt().minus(settings.duplicateWindow()), d.observedAt().plus(settings.duplicateWindow()))) {
            return; // the same vehicle, offence and place within the window: already one violation
        }
        var policy = rules.policy(offence);
        var violation = new Violation(0, d.sightingId(), d.eventId(), f.rule().id(), placement, offence,
            new Violation.Vehicle(f.plate(), f.plateAsRead(), f.confidence(), f.vehicleType()), d.observedAt(),
            json.writeValueAsString(f.measurement()), Violation.Status.PENDING, policy.approvalsRequired(), List.of(), null, null,
            clock.instant());
        var id = violations.insert(violation);
        if (id.isEmpty()) {
            return; // this detection was handled before (a redelivered event)
        }
        long violationId = id.get();
        images(d.measurements()).forEach((name, image) -> violations.addImage(violationId, image));
        visionCrop(d.cameraId(), d.measurements()).ifPresent(image -> violations.addImage(violationId, image));
        violations.step(violationId, clock.instant(), "DETECTED", "system", "rule " + f.rule().id() + " (" + f.rule().kind() + ")"
            + (f.confidence() == null ? "" : ", confidence " + f.confidence()));
        if (f.plate() != null && f.confidence() != null && policy.autoIssueConfidence() != null && policy.approvalsRequired() == 1
            && f.confidence() >= Math.max(policy.autoIssueConfidence(), settings.reviewConfidence())
            && fines.fineOn(offence, d.observedAt().atZone(TimeConfiguration.DISPLAY_ZONE).toLocalDate(),
                FineSchedule.vehicleClass(f.vehicleType())).isPresent()) { // without a fine in force, a person sorts it out
            reviewing.issueAutomatically(violationId);
        }
    }

    /** The images sent with a detection, decoded; one that is not a base64 JPEG or PNG is ignored. */
    static Map<String, ViolationStore.Image> images(Measurements measured) {
        var found = new java.util.LinkedHashMap<String, ViolationStore.Image>();
        for (var sent : measured.images()) {
            decode(sent.field(), sent.base64()).ifPresent(image -> found.put(image.name(), image));
        }
        return found;
    }

    /**
     * The plate crop SafeCity's own vision kept for the read ({@code crop.path} in its details, a reference rather
     * than the picture inline), as the violation's {@code plateImage.jpg}; none when the detection sent a plate image itself.
     */
    java.util.Optional<ViolationStore.Image> visionCrop(long cameraId, Measurements measured) {
        if (measured.cropPath() == null || measured.images().stream().anyMatch(image -> image.field().equals("plateImage"))) {
            return java.util.Optional.empty();
        }
        return crops.crop(cameraId, measured.cropPath()).map(bytes -> new ViolationStore.Image("plateImage.jpg", "image/jpeg", bytes));
    }

    private static java.util.Optional<ViolationStore.Image> decode(String field, String text) {
        String data = text.startsWith("data:") && text.contains(",") ? text.substring(text.indexOf(',') + 1) : text;
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(data);
            if (bytes.length > MAX_IMAGE_BYTES) {
                return java.util.Optional.empty();
            }
            if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
                return java.util.Optional.of(new ViolationStore.Image(field + ".jpg", "image/jpeg", bytes));
            }
            if (bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
                return java.util.Optional.of(new ViolationStore.Image(field + ".png", "image/png", bytes));
            }
        } catch (IllegalArgumentException notBase64) {
            log.debug("ignored an image field that is not base64: {}", field);
        }
        return java.util.Optional.empty();
    }
}
