package org.safecity.video;

import java.time.Instant;

/**
 * No video came from a recorded camera for the configured time: the stream dropped, the camera or its
 * network is down, or it sends nothing. Published once per silence; recording resumes by itself.
 *
 * @param lastDataAt when the last video arrived, or null when none came since recording started
 * @param reason what the recorder saw last, e.g. the connection error
 */
public record CameraWentDark(long cameraId, Instant lastDataAt, Instant at, String reason) {
}
