package org.safecity.detections.internal.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.Measurements;
import org.safecity.detections.internal.DetectionSettings;
import org.safecity.identity.Actor;
import org.safecity.shared.Plate;
import org.safecity.shared.TextPolicy;
import org.safecity.shared.TextPolicyJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a batch item by item: each item is either a {@link Detection} or a rejection with its index
 * and reason, so one bad item never costs the device the rest of its batch.
 */
public final class ReadingDetections {

    /** Readings from the future beyond clock drift are refused: they would land in partitions not yet made. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    /** Analytics about public safety: the Command and Control Center's concern ({@code AnalyticsDetected}). */
    public static final Set<String> SAFETY_ANALYTICS = Set.of("crowd", "loitering", "intrusion", "abandoned_object", "fight", "fire", "smoke");
    /** Analytics that are counts (a line crossed, by direction): kept and searchable, neither an alert nor an offence. */
    static final Set<String> COUNTING_ANALYTICS = Set.of("line_crossing");
    /** The analytic types detections itself gives a meaning to; other modules add theirs ({@link org.safecity.detections.AnalyticTypes}). */
    static final Set<String> OWN_ANALYTICS = java.util.stream.Stream.of(SAFETY_ANALYTICS, COUNTING_ANALYTICS)
        .flatMap(Set::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> ENVELOPE = Set.of("eventId", "cameraId", "observedAt", "kind");

    /** Items read from one batch. */
    record Batch(List<Indexed> valid, List<IntakeOutcome.Rejection> rejected) {
    }

    record Indexed(int index, Detection detection) {
    }

    private ReadingDetections() {
    }

    /**
     * @param knownCamera whether a camera id names a camera in service
     * @param analytics every analytic type accepted: detections' own and those other modules give a meaning to
     */
    static Batch read(JsonNode items, Actor.Machine device, LongPredicate knownCamera, Set<String> analytics, Instant now,
                      DetectionSettings settings) {
        var valid = new ArrayList<Indexed>();
        var rejected = new ArrayList<IntakeOutcome.Rejection>();
        for (int i = 0; i < items.size(); i++) {
            try {
                valid.add(new Indexed(i, item(items.get(i), device, knownCamera, analytics, now, settings)));
            } catch (Rejected e) {
                rejected.add(new IntakeOutcome.Rejection(i, e.getMessage()));
            }
        }
        return new Batch(valid, rejected);
    }

    private static Detection item(JsonNode item, Actor.Machine device, LongPredicate knownCamera, Set<String> analytics,
                                  Instant now, DetectionSettings settings) {
        if (item == null || !item.isObject()) {
            throw new Rejected("an item must be a JSON object");
        }
        // text PostgreSQL cannot store, or that reads as something else, is refused with this item alone;
        // in the writer it would fail the whole group
        TextPolicyJson.firstRefusal(item).ifPresent(refused -> {
            throw new Rejected(refused.field() + " " + refused.problem());
        });
        String eventId = text(item, "eventId", "eventId");
        if (eventId.length() > 100) {
            throw new Rejected("eventId must be at most 100 characters");
        }
        JsonNode camera = item.path("cameraId");
        if (!camera.isIntegralNumber() || !camera.canConvertToLong() || camera.longValue() <= 0) {
            throw new Rejected("cameraId must be a camera's number");
        }
        long cameraId = camera.longValue();
        if (!device.mayReportFor(cameraId)) {
            throw new Rejected("camera " + cameraId + " is not one of this device's cameras");
        }
        if (!knownCamera.test(cameraId)) {
            throw new Rejected("no camera in service with id " + cameraId);
        }
        Instant observedAt;
        try {
            observedAt = utc(text(item, "observedAt", "observedAt")).truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        } catch (DateTimeException e) {
            throw new Rejected("observedAt must be a UTC time such as 2026-11-25T09:30:00Z");
        }
        DetectionKind kind = DetectionKind.fromJson(item.path("kind").asString(""))
            .orElseThrow(() -> new Rejected("kind must be one of plate, object, face, analytic, signal, speed"));
        if (observedAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new Rejected("observedAt is in the future; check the device's clock");
        }
        if (observedAt.isBefore(now.minus(Duration.ofDays(settings.retention(kind))))) {
            throw new Rejected("observedAt is older than the " + settings.retention(kind) + " days " + kind.jsonName()
                + " sightings are kept");
        }
        JsonNode body = item.path(kind.jsonName());
        if (!body.isObject()) {
            throw new Rejected("a " + kind.jsonName() + " item needs a \"" + kind.jsonName() + "\" object");
        }
        Double confidence = confidence(body);
        Plate plate = null;
        float[] embedding = null;
        String model = null;
        String analytic = null;
        switch (kind) {
            case PLATE -> {
                try {
                    plate = Plate.of(text(body, "text", "plate.text"));
                } catch (IllegalArgumentException e) {
                    throw new Rejected("plate.text: " + e.getMessage());
                }
                JsonNode speed = body.path("speedKmh");
                if (!speed.isMissingNode() && !speed.isNull() && !(speed.isNumber() && speed.doubleValue() >= 0 && speed.doubleValue() < 500)) {
                    throw new Rejected("plate.speedKmh must be a number from 0 to 500");
                }
            }
            case OBJECT -> text(body, "class", "object.class");
            case FACE -> {
                model = text(body, "model", "face.model");
                embedding = embedding(body.path("embedding"));
            }
            case ANALYTIC -> {
                analytic = text(body, "type", "analytic.type");
                if (!analytics.contains(analytic)) {
                    throw new Rejected("analytic.type must be one of " + String.join(", ", analytics.stream().sorted().toList()));
                }
            }
            case SIGNAL -> signalPhase(text(body, "phase", "signal.phase"))
                .orElseThrow(() -> new Rejected("signal.phase must be one of red, amber, green, off"));
            case SPEED -> {
                JsonNode speed = body.path("speedKmh");
                if (!(speed.isNumber() && speed.doubleValue() >= 0 && speed.doubleValue() < 500)) {
                    throw new Rejected("speed.speedKmh must be a number from 0 to 500");
                }
            }
        }
        String details;
        if (item.size() == ENVELOPE.size() + 1) { // the usual item: nothing beside the envelope but the kind's object
            details = "{\"" + kind.jsonName() + "\":" + body + "}";
        } else {
            ObjectNode copy = (ObjectNode) item.deepCopy();
            ENVELOPE.forEach(copy::remove);
            details = copy.toString();
        }
        if (details.length() > TextPolicy.Kind.DETAILS.maxLength()) {
            throw new Rejected("the item's details are too large: at most " + TextPolicy.Kind.DETAILS.maxLength()
                + " characters of JSON, not " + details.length());
        }
        return new Detection(eventId, cameraId, observedAt, kind, plate, confidence, embedding, model, analytic, details,
            measurements(kind, body, item.size() == ENVELOPE.size() + 1 ? MissingNode.getInstance() : item.path("images")));
    }

    /**
     * What the item measured, from the kind's object ({@code body}) and the item's {@code images} object,
     * once: at intake, after the checks above (a speed and a signal's phase are then known to be right), and
     * when a consumer catches up from the stored details, which hold the same two objects. A field of the
     * wrong shape is left out ({@link Measurements}).
     */
    public static Measurements measurements(DetectionKind kind, JsonNode body, JsonNode images) {
        var found = new Found(kind);
        found.read(body, true);
        if (images.isObject()) { // not in the usual item
            found.read(images, false);
        }
        if (found.nestedImages != null && found.nestedImages.isObject()) {
            found.read(found.nestedImages, false);
        }
        return found.measurements();
    }

    /**
     * The measurements found so far. The kind's object is read in one pass over its fields, not looked up
     * field by field: it runs for every item of every batch, and most fields a device sends mean nothing here.
     */
    private static final class Found {
        private final DetectionKind kind;
        private Double speed;
        private String direction;
        private String vehicleType;
        private Measurements.SignalPhase phase;
        private String approach;
        private String namedPlate;
        private Double plateConfidence;
        private List<Measurements.Image> images;
        private String cropPath;
        private JsonNode nestedImages;

        Found(DetectionKind kind) {
            this.kind = kind;
        }

        /** @param kindObject whether this is the kind's object (else an {@code images} object, which holds only pictures) */
        void read(JsonNode holder, boolean kindObject) {
            for (var field : holder.properties()) {
                JsonNode value = field.getValue();
                String name = field.getKey();
                switch (name) {
                    case "sceneImage", "image", "plateImage" -> image(name, value);
                    default -> {
                        if (kindObject) {
                            measurement(name, value);
                        }
                    }
                }
            }
        }

        private void measurement(String name, JsonNode value) {
            boolean plate = kind == DetectionKind.PLATE;
            switch (name) {
                case "speedKmh" -> speed = (plate || kind == DetectionKind.SPEED) && value.isNumber() ? value.doubleValue() : null;
                case "direction" -> direction = value.isNumber() ? value.asString() : word(value);
                case "vehicleType" -> {
                    String type = word(value);
                    vehicleType = type == null ? null : type.toLowerCase(java.util.Locale.ROOT);
                }
                case "phase" -> phase = kind == DetectionKind.SIGNAL ? signalPhase(value.asString("").strip()).orElse(null) : null;
                case "approach" -> approach = kind == DetectionKind.SIGNAL ? word(value) : null;
                // a plate read is its own plate; another item may name the vehicle's
                case "plate" -> namedPlate = plate ? null : word(value.isObject() ? value.path("text") : value);
                case "plateConfidence" -> plateConfidence = !plate && value.isNumber() && value.doubleValue() >= 0
                    && value.doubleValue() <= 1 ? value.doubleValue() : null;
                case "crop" -> cropPath = word(value.path("path"));
                case "images" -> nestedImages = value; // read last: the kind's own fields and the item's images object come first
                default -> {
                }
            }
        }

        /** The first picture of each field counts (the kind's object before an {@code images} object). */
        private void image(String field, JsonNode value) {
            if (!value.isString()) {
                return;
            }
            if (images == null) {
                images = new ArrayList<>(3);
            } else if (images.stream().anyMatch(image -> image.field().equals(field))) {
                return;
            }
            images.add(new Measurements.Image(field, value.stringValue()));
        }

        public Measurements measurements() {
            if (speed == null && direction == null && vehicleType == null && phase == null && approach == null && namedPlate == null
                && plateConfidence == null && images == null && cropPath == null) {
                return Measurements.NONE;
            }
            if (images != null) { // in the order devices are told to expect them, whatever order they came in
                images.sort(java.util.Comparator.comparingInt(image -> Measurements.IMAGE_FIELDS.indexOf(image.field())));
            }
            return new Measurements(speed, direction, vehicleType, phase, approach, namedPlate, plateConfidence, images, cropPath);
        }
    }

    private static java.util.Optional<Measurements.SignalPhase> signalPhase(String phase) {
        return switch (phase) {
            case "red" -> java.util.Optional.of(Measurements.SignalPhase.RED);
            case "amber" -> java.util.Optional.of(Measurements.SignalPhase.AMBER);
            case "green" -> java.util.Optional.of(Measurements.SignalPhase.GREEN);
            case "off" -> java.util.Optional.of(Measurements.SignalPhase.OFF);
            default -> java.util.Optional.empty();
        };
    }

    /** A text field's stripped value; null when absent, blank or not text. */
    private static String word(JsonNode value) {
        if (!value.isString()) {
            return null;
        }
        String text = value.stringValue().strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * A UTC time. Every item carries one, so the form devices send, {@code 2026-11-25T09:30:00.123Z}, is read
     * directly; any other form is left to {@link Instant#parse}, which also decides what is wrong with it.
     */
    static Instant utc(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
            || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z' || (n > 20 && (n == 21 || text.charAt(19) != '.'))) {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = n > 20 ? digits(text, 20, n - 1) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
            || fraction < 0) {
            return Instant.parse(text); // a leap second, a sign, or a mistake: Instant.parse says which
        }
        for (int digitsMissing = 9 - (n > 20 ? n - 21 : 0); digitsMissing > 0; digitsMissing--) {
            fraction *= 10;
        }
        long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(seconds, fraction);
    }

    /** The decimal number in text[from, to), or -1 if any of it is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String text(JsonNode node, String name, String path) {
        JsonNode value = node.path(name);
        if (!value.isString() || value.stringValue().isBlank()) {
            throw new Rejected(path + " is required");
        }
        return value.stringValue().strip();
    }

    private static Double confidence(JsonNode body) {
        JsonNode value = body.path("confidence");
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.doubleValue() < 0 || value.doubleValue() > 1) {
            throw new Rejected("confidence must be a number from 0 to 1");
        }
        return value.doubleValue();
    }

    private static float[] embedding(JsonNode values) {
        if (!values.isArray() || values.size() < 16 || values.size() > 4096) {
            throw new Rejected("face.embedding must be an array of 16 to 4096 numbers");
        }
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            JsonNode v = values.get(i);
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw new Rejected("face.embedding[" + i + "] must be a number");
            }
            vector[i] = (float) v.doubleValue();
        }
        return vector;
    }

    /** Why one item was refused; caught per item, never leaves this class. */
    private static final class Rejected extends RuntimeException {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
