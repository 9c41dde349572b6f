package org.safecity.partners;

import java.io.IOException;
import java.util.List;
import org.safecity.video.internal.RtspTestServer;

/**
 * Two real RTSP streams as a premises' cameras send them (GStreamer's RTSP server, H.264): {@code hd}
 * at 1280x720 (path {@code /main}), enough for every category of the demo schedule but banks, and
 * {@code low} at 640x360 (path {@code /sub}), too small for any.
 */
final class PremisesStreams implements AutoCloseable {

    final RtspTestServer hd;
    final RtspTestServer low;

    private PremisesStreams(RtspTestServer hd, RtspTestServer low) {
        this.hd = hd;
        this.low = low;
    }

    /** Skips the calling test (fails it in CI) when GStreamer's RTSP server cannot run here. */
    static PremisesStreams start() throws IOException {
        RtspTestServer.assumeAvailable();
        var hd = new RtspTestServer(RtspTestServer.clip("clip-1280x720", "1280x720", 60, "2M"), List.of("/main"));
        hd.start();
        var low = new RtspTestServer(RtspTestServer.clip("clip-640x360", "640x360", 180, "1M"), List.of("/sub"));
        low.start();
        return new PremisesStreams(hd, low);
    }

    @Override
    public void close() throws InterruptedException {
        hd.close();
        low.close();
    }
}
