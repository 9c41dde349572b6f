package org.safecity.video;

import java.awt.Graphics2D;

/**
 * A moving picture another module draws for one of the Peshawar demo's cameras instead of the test
 * pattern (vision draws traffic with readable plates). Video encodes it once, on first start, with its
 * FFmpeg, and then loops it in real time through the same recording pipeline as a real camera. The
 * scene must loop: its last frame should lead into its first.
 */
public interface DemoScene {

    /** Whether this scene is shown by the demo camera that is {@code position}-th (0 first) of the demo cameras, by id. */
    boolean shownBy(int position);

    int width();

    int height();

    int framesPerSecond();

    /** How many frames one loop has. */
    int frames();

    /** Names this drawing: a new one is encoded again rather than the old clip played. Letters, digits and dashes. */
    String version();

    /** Draws frame {@code frame} (0 to {@link #frames()} - 1) over the whole picture. */
    void draw(int frame, Graphics2D g);
}
