package org.safecity.vision.internal.analytics;

import java.util.Map;

/**
 * Something a rule saw happen in a camera's scene, on its way to become an {@code analytic} detection.
 *
 * @param analytic the detection's analytic type: {@code line_crossing}, {@code wrong_way}, {@code loitering}, {@code crowd}
 * @param place the line or zone's name
 * @param trackId the track it concerns, or 0 for a whole zone (crowding)
 * @param more further fields of the detection (direction, people, seconds, vehicle type, ...)
 */
record SceneEvent(String analytic, String place, long trackId, Map<String, Object> more) {
}
