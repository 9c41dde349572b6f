package org.safecity.detections;

import java.util.List;

/**
 * What a detection measured and brought along, read from the device's item once, at intake, so that
 * no module parses the item's JSON again. The item's details are stored as sent beside it; these are
 * the fields SafeCity gives a meaning to. A field the device did not send is null (or empty).
 * <p>
 * What a misshapen field does: {@code speedKmh} (of a plate read or a speed item) and a signal's
 * {@code phase} must be right or the item is refused with the reason, as before; every other field
 * here is an optional extra, and one of the wrong shape (a direction that is an object, a vehicle type
 * that is a number, an image that is not text) is left out: the detection is stored, its details keep
 * what was sent for a person to read, and nothing downstream acts on the misshapen value.
 *
 * @param speedKmh the measured speed of a plate read or a speed item, 0 to 500
 * @param direction the direction of travel as the device names it ({@code N}, {@code northbound}, degrees), stripped
 * @param vehicleType the vehicle's class as the device names it, stripped and in lower case ({@code car}, {@code motorcycle})
 * @param signalPhase for a signal item, the phase its head shows
 * @param approach for a signal item, the approach it governs as the head names it, stripped; null for a head with one
 * @param namedPlate the plate a speed or analytic item names in its {@code plate} field (text, or an object's
 *                   {@code text}), stripped, not normalised: it may not be a readable plate
 * @param plateConfidence the confidence of {@code namedPlate} ({@code plateConfidence}), 0 to 1
 * @param images the pictures sent inline, base64, in the kind's object or an {@code images} object, the first of each field
 * @param cropPath the plate crop SafeCity's own vision kept for the read ({@code crop.path}), a reference into its crops
 */
public record Measurements(Double speedKmh, String direction, String vehicleType, SignalPhase signalPhase, String approach,
                           String namedPlate, Double plateConfidence, List<Image> images, String cropPath) {

    /** Nothing measured: the usual plate read, shared rather than made anew for each. */
    public static final Measurements NONE = new Measurements(null, null, null, null, null, null, null, List.of(), null);

    /** Image fields a device may send, in the order they are looked for. */
    public static final List<String> IMAGE_FIELDS = List.of("sceneImage", "image", "plateImage");

    public Measurements {
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** A picture sent with the detection: its field ({@code sceneImage}, {@code image}, {@code plateImage}) and its base64 text as sent. */
    public record Image(String field, String base64) {
    }

    /** A signal head's phase; its JSON name in a device's item is the lower-case name ({@code "red"}). */
    public enum SignalPhase {
        RED, AMBER, GREEN, OFF
    }
}
