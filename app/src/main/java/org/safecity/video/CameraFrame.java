package org.safecity.video;

import java.awt.image.BufferedImage;
import java.time.Instant;

/**
 * One decoded picture of a camera, handed to the {@link FrameTap}.
 *
 * @param capturedAt when SafeCity received the frame (its wall clock, to the millisecond), which also orders
 *                   a camera's frames; two frames of one camera never share it
 * @param image the picture, {@link BufferedImage#TYPE_3BYTE_BGR}, owned by the receiver
 * @param droppedBefore frames of this camera dropped since the previous delivered one because the receiver was busy
 */
public record CameraFrame(long cameraId, Instant capturedAt, BufferedImage image, long droppedBefore) {
}
