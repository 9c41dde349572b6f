package org.safecity.detections;

import java.util.Locale;
import java.util.Optional;

/** What a detection reports; its JSON name is the lower-case name ({@code "plate"}). */
public enum DetectionKind {
    /** A number plate read (ANPR). */
    PLATE,
    /** A classified object: person, car, motorcycle, bus, truck, rickshaw, ... */
    OBJECT,
    /** A face embedding from a face-capable camera or edge box. */
    FACE,
    /** A video analytic event: crowd, loitering, intrusion, abandoned object, fight, fire or smoke. */
    ANALYTIC,
    /** A traffic signal's phase, for red-light rules. */
    SIGNAL,
    /** A measured vehicle speed, for speed rules. */
    SPEED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DetectionKind> fromJson(String text) {
        for (DetectionKind kind : values()) {
            if (kind.jsonName().equals(text)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
