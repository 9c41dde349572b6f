package org.safecity.alerts.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.safecity.alerts.AlertType;
import org.safecity.detections.SightingPictures;
import org.safecity.detections.SightingPictures.SightingPicture;
import org.safecity.video.CameraStills;
import org.safecity.vision.PlateCrops;
import org.springframework.stereotype.Service;

/**
 * The small picture that says at a glance what an alert is about: the plate's crop (SafeCity's own
 * read, or the one the camera sent), the scene the camera sent, or else the camera's recorded picture
 * at the moment. An alert about a camera gone dark has none: there is no picture to show.
 */
@Service
class AlertThumbnails {

    /** Wide enough for a plate to read, small enough for a feed of many. */
    static final int WIDTH = 480;
    /** The pictures found, by alert; a picture never changes once found, so it is kept while there is room. */
    private static final int KEPT = 256;

    /** A thumbnail and where it came from: {@code plate-crop}, {@code camera-image} (sent with the detection) or {@code camera-frame}. */
    record Thumbnail(byte[] bytes, String mediaType, String source) {
    }

    private final SightingPictures pictures;
    private final PlateCrops crops;
    private final CameraStills stills;
    private final Map<Long, Thumbnail> found = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Thumbnail> eldest) {
            return size() > KEPT;
        }
    };

    AlertThumbnails(SightingPictures pictures, PlateCrops crops, CameraStills stills) {
        this.pictures = pictures;
        this.crops = crops;
        this.stills = stills;
    }

    /** Empty while no picture is found; a moment not yet written by the recording may have one a few seconds later. */
    Optional<Thumbnail> of(Alert alert) {
        if (alert.type() == AlertType.CAMERA_OFFLINE) {
            return Optional.empty();
        }
        synchronized (found) {
            var kept = found.get(alert.id());
            if (kept != null) {
                return Optional.of(kept);
            }
        }
        var thumbnail = sent(alert).or(() -> frame(alert.placement().cameraId(), alert.times().observedAt()));
        thumbnail.ifPresent(t -> {
            synchronized (found) {
                found.put(alert.id(), t);
            }
        });
        return thumbnail;
    }

    private Optional<Thumbnail> sent(Alert alert) {
        if (alert.match().sightingId() == null) {
            return Optional.empty();
        }
        return pictures.of(alert.match().sightingId(), alert.times().observedAt()).flatMap(picture -> switch (picture) {
            case SightingPicture.VisionCrop crop -> crops.crop(crop.cameraId(), crop.path())
                .map(bytes -> new Thumbnail(bytes, "image/jpeg", "plate-crop"));
            case SightingPicture.Sent sent -> Optional.of(new Thumbnail(sent.bytes(), sent.mediaType(),
                "plateImage".equals(sent.field()) ? "plate-crop" : "camera-image"));
        });
    }

    private Optional<Thumbnail> frame(long cameraId, Instant at) {
        return stills.at(cameraId, at, WIDTH).map(jpeg -> new Thumbnail(jpeg, "image/jpeg", "camera-frame"));
    }
}
