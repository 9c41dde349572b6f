package org.safecity.video.internal.recording;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.safecity.registry.StreamCredentials;
import org.safecity.storage.OwnerOnly;

/**
 * Where a recorder reads a camera's video: its RTSP streams (pulled over TCP), or for a demo camera a
 * local clip fed in a loop at its own pace. {@code live} is the stream the live view shows.
 */
sealed interface StreamSource {

    /**
     * FFmpeg's input arguments; the first input is recorded, {@link #liveInput()} is shown live. Anything
     * secret goes into owner-only files in {@code privateFolder}, never into the arguments, which every
     * local user can read in {@code /proc/<pid>/cmdline}.
     */
    List<String> inputs(long ioTimeoutMicros, Path privateFolder) throws IOException;

    int liveInput();

    /**
     * The camera's streams; the sub-stream, when there is one, feeds the live view. FFmpeg's RTSP reader
     * takes credentials only inside the URL, so the URL is handed over in a one-entry concat list
     * ({@code .ffconcat}, owner-only) with the RTSP options beside it: FFmpeg opens the camera from the
     * list as it would from {@code -i} and the process's arguments name only the file.
     */
    record Rtsp(String main, String sub, StreamCredentials credentials) implements StreamSource {

        /** What the list's entry may open: the list itself, then RTSP over TCP (or TLS for rtsps). */
        private static final String PROTOCOLS = "file,tcp,tls";

        @Override
        public List<String> inputs(long ioTimeoutMicros, Path privateFolder) throws IOException {
            var args = new ArrayList<String>();
            var urls = sub == null ? List.of(main) : List.of(main, sub);
            for (int i = 0; i < urls.size(); i++) {
                Path list = privateFolder.resolve("stream-" + i + ".ffconcat");
                OwnerOnly.write(list, "ffconcat version 1.0\nfile " + quoted(withCredentials(urls.get(i))) + "\n"
                    + "option rtsp_transport tcp\noption timeout " + ioTimeoutMicros + "\n");
                args.addAll(List.of("-f", "concat", "-safe", "0", "-protocol_whitelist", PROTOCOLS, "-i", list.toString()));
            }
            return args;
        }

        /** A concat-list string: single-quoted, a quote inside written as {@code '\''}. */
        private static String quoted(String text) {
            return "'" + text.replace("'", "'\\''") + "'";
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
        public List<String> inputs(long ioTimeoutMicros, Path privateFolder) {
            return List.of("-re", "-stream_loop", "-1", "-i", clip.toString());
        }

        @Override
        public int liveInput() {
            return 0;
        }
    }
}
