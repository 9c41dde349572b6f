package org.safecity.video;

import org.safecity.registry.StreamCredentials;

/**
 * What a camera's RTSP stream carries, read with FFmpeg from a few seconds of it (nothing is decoded
 * or re-encoded), for a module that decides whether to accept the stream. A caller may rely on an
 * answer within about {@code 20} seconds and on never seeing the credentials in a {@link Unplayable}'s words.
 */
public interface StreamProbe {

    /** Probes {@code rtspAddress} ({@code rtsp://} or {@code rtsps://}), signing in with {@code credentials} when given. */
    Result probe(String rtspAddress, StreamCredentials credentials);

    /** What the probe found. */
    sealed interface Result {
    }

    /**
     * The stream's first video.
     *
     * @param codec FFmpeg's codec name, e.g. {@code h264}, {@code hevc}, {@code mjpeg}
     * @param frameRate frames per second as the stream declares or as counted, 0 when neither is known
     * @param bitrate bits per second measured over the packets read, or 0 when too few arrived to measure
     */
    record Playable(String codec, int width, int height, double frameRate, long bitrate) implements Result {

        public String resolution() {
            return width + "x" + height;
        }
    }

    /** Why no video could be read; {@code detail} is FFmpeg's last words, without credentials. */
    record Unplayable(Failure failure, String detail) implements Result {
    }

    enum Failure {
        /** Nothing answered at the address (refused, no route, timed out, unknown host). */
        UNREACHABLE,
        /** The camera answered but refused the username and password (401). */
        WRONG_CREDENTIALS,
        /** The address answered but names no stream there (404) or spoke something other than RTSP. */
        NOT_FOUND,
        /** The stream carries no video. */
        NO_VIDEO
    }
}
