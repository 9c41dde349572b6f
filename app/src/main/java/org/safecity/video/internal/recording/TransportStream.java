package org.safecity.video.internal.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a recorded MPEG-TS segment's packet headers (no decoding): the video is the PID with the most
 * packets, and each of its PES starts is one frame, as FFmpeg's muxer writes them.
 */
final class TransportStream {

    private static final int PACKET = 188;

    private TransportStream() {
    }

    /** Frames in the file, or 0 when it cannot be read as MPEG-TS. */
    static int frames(Path file) {
        int[] packets = new int[8192];
        int[] starts = new int[8192];
        byte[] buffer = new byte[PACKET * 512];
        try (InputStream in = Files.newInputStream(file)) {
            int filled = 0;
            int n;
            while ((n = in.read(buffer, filled, buffer.length - filled)) > 0) {
                filled += n;
                int whole = filled - filled % PACKET;
                for (int p = 0; p < whole; p += PACKET) {
                    if (buffer[p] != 0x47) {
                        return 0;
                    }
                    int pid = ((buffer[p + 1] & 0x1F) << 8) | (buffer[p + 2] & 0xFF);
                    packets[pid]++;
                    if ((buffer[p + 1] & 0x40) != 0) {
                        starts[pid]++;
                    }
                }
                System.arraycopy(buffer, whole, buffer, 0, filled - whole);
                filled -= whole;
            }
        } catch (IOException e) {
            return 0;
        }
        int video = 0;
        for (int pid = 1; pid < packets.length; pid++) {
            if (packets[pid] > packets[video]) {
                video = pid;
            }
        }
        return packets[video] == 0 ? 0 : starts[video];
    }
}
