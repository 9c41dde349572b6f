package org.safecity.detections.internal.sightings;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.SightingPictures;
import org.safecity.shared.MediaTypeSniffer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link SightingPictures} from the sighting's details as its device or vision sent them. */
@Component
class ReadingSightingPictures implements SightingPictures {

    /** A plate's own picture before the whole scene's. */
    static final List<String> IMAGE_FIELDS = List.of("plateImage", "image", "sceneImage");
    private static final int MAX_IMAGE_BYTES = 4 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReadingSightingPictures(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<SightingPicture> of(long sightingId, Instant observedAt) {
        // the time names the day's partition; a second either side forgives a rounded time
        return jdbc.sql("""
                select camera_id, kind, details::text from detections.sighting
                where id = ? and observed_at between ? and ?""")
            .params(sightingId, Timestamp.from(observedAt.minus(Duration.ofSeconds(1))), Timestamp.from(observedAt.plus(Duration.ofSeconds(1))))
            .query((rs, n) -> picture(rs.getLong(1), rs.getString(2), rs.getString(3)))
            .optional().flatMap(found -> found);
    }

    Optional<SightingPicture> picture(long cameraId, String kind, String details) {
        if (details == null) {
            return Optional.empty();
        }
        JsonNode root = json.readTree(details);
        JsonNode own = root.path(DetectionKind.fromJson(kind).map(DetectionKind::jsonName).orElse(kind));
        JsonNode path = own.path("crop").path("path");
        if (path.isString() && !path.stringValue().isBlank()) {
            return Optional.of(new SightingPicture.VisionCrop(cameraId, path.stringValue()));
        }
        for (String field : IMAGE_FIELDS) {
            for (JsonNode holder : List.of(own, root.path("images"), own.path("images"), root)) {
                JsonNode value = holder.path(field);
                if (value.isString()) {
                    var sent = decode(cameraId, field, value.stringValue());
                    if (sent.isPresent()) {
                        return sent;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<SightingPicture> decode(long cameraId, String field, String text) {
        String data = text.startsWith("data:") && text.contains(",") ? text.substring(text.indexOf(',') + 1) : text;
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(data);
            String type = MediaTypeSniffer.sniff(bytes);
            if (bytes.length <= MAX_IMAGE_BYTES && (type.equals("image/jpeg") || type.equals("image/png"))) {
                return Optional.of(new SightingPicture.Sent(cameraId, field, type, bytes));
            }
        } catch (IllegalArgumentException notBase64) {
            // a field of that name that is not a picture is no picture
        }
        return Optional.empty();
    }
}
