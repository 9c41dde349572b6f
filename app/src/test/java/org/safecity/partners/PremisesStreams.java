package org.safecity.partners;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.safecity.video.internal.RtspTestServer;

/**
 * Two real RTSP streams as a premises' cameras send them (GStreamer's RTSP server, H.264), started before
 * a test class and stopped after it ({@code @RegisterExtension}): {@link #hd} at 1280x720 (path {@code /main}),
 * enough for every category of the demo schedule but banks, and {@link #low} at 640x360 (path {@code /sub}),
 * too small for any. Without GStreamer the class is skipped, except in CI, where it fails.
 */
public final class PremisesStreams implements BeforeAllCallback, AfterAllCallback {

    private RtspTestServer hd;
    private RtspTestServer low;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        RtspTestServer.assumeAvailable();
        hd = new RtspTestServer(RtspTestServer.clip("clip-1280x720", "1280x720", 60, "2M"), List.of("/main"));
        hd.start();
        low = new RtspTestServer(RtspTestServer.clip("clip-640x360", "640x360", 180, "1M"), List.of("/sub"));
        low.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (hd != null) {
            hd.close();
        }
        if (low != null) {
            low.close();
        }
    }

    /** The 1280x720 stream's address. */
    public String hd() {
        return hd.url("/main");
    }

    /** The 640x360 stream's address. */
    public String low() {
        return low.url("/sub");
    }
}
