package org.safecity.video.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.safecity.registry.StreamCredentials;

/**
 * Where a recorder reads a camera's video: its RTSP streams (pulled over TCP), or for a demo camera a
 * local clip fed in a loop at its own pace. {@code live} is the stream the live view shows.
 */
sealed interface StreamSource {

    /** FFmpeg's input arguments; the first input is recorded, {@link #liveInput()} is shown live. */
    List<String> inputs(long ioTimeoutMicros);

    int liveInput();

    /** The camera's streams; the sub-stream, when there is one, feeds the live view. */
    record Rtsp(String main, String sub, StreamCredentials credentials) implements StreamSource {

        @Override
        public List<String> inputs(long ioTimeoutMicros) {
            var args = new ArrayList<String>();
            for (String url : sub == null ? List.of(main) : List.of(main, sub)) {
                args.addAll(List.of("-rtsp_transport", "tcp", "-timeout", Long.toString(ioTimeoutMicros), "-i", withCredentials(url)));
            }
            return args;
        }

        @Override
        public int liveInput() {
            return sub == null ? 0 : 1;
        }

        private String withCredentials(String url) {
            if (credentials == null || !url.startsWith("rtsp://") || url.substring(7).contains("@")) {
                return url;
            }
            return "rtsp://" + encode(credentials.username()) + ":" + encode(credentials.password()) + "@" + url.substring(7);
        }

        private static String encode(String text) {
            return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8).replace("+", "%20");
        }

        @Override
        public String toString() {
            return "Rtsp[" + main + (sub == null ? "" : ", " + sub) + "]";
        }
    }

    /** A clip played in an endless loop in real time, remuxed like a camera's stream. */
    record Loop(Path clip) implements StreamSource {

        @Override
        public List<String> inputs(long ioTimeoutMicros) {
            return List.of("-re", "-stream_loop", "-1", "-i", clip.toString());
        }

        @Override
        public int liveInput() {
            return 0;
        }
    }
}
