package org.safecity.video;

/**
 * How a camera's frames are wanted.
 *
 * @param framesPerSecond decoded frames a second, 0.1 to 25
 * @param maxWidth frames wider than this are scaled down to it (the aspect ratio kept); narrower ones are not enlarged
 */
public record FrameRequest(double framesPerSecond, int maxWidth) {

    public FrameRequest {
        if (!(framesPerSecond >= 0.1 && framesPerSecond <= 25)) {
            throw new IllegalArgumentException("frames per second must be 0.1 to 25, not " + framesPerSecond);
        }
        if (maxWidth < 64 || maxWidth > 7680) {
            throw new IllegalArgumentException("the width of analysed frames must be 64 to 7680 pixels, not " + maxWidth);
        }
    }
}
