package org.safecity.video;

import java.util.Optional;

/**
 * A module that wants to see what recorded cameras see (vision). The camera's recording FFmpeg
 * decodes a second output for it, at the rate and size asked, from the same connection to the camera:
 * there is never a second one. Recording is never slowed by it: each camera's frames are read by a
 * thread that always drains the pipe and hands over only the newest frame; a frame not yet taken when
 * the next arrives is dropped and counted. Only cameras with a request decode at all.
 */
public interface FrameTap {

    /**
     * How this camera's frames are wanted, or empty for none. Asked again every
     * {@code safecity.video.reconcile-interval}; a changed answer restarts the camera's FFmpeg (the open
     * segment is closed and kept, the next starts at once).
     */
    Optional<FrameRequest> wanted(long cameraId);

    /**
     * One decoded frame. Called on the camera's own delivery thread, one frame at a time and in order;
     * it may take as long as it needs (frames arriving meanwhile are dropped and counted in the next
     * frame's {@link CameraFrame#droppedBefore()}), and what it throws is logged and forgotten.
     */
    void frame(CameraFrame frame);
}
