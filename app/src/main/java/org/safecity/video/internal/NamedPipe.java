package org.safecity.video.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A named pipe (FIFO) FFmpeg writes one of its outputs into and a reader thread of ours drains: the way
 * an FFmpeg that already pulls a camera hands more than one stream to this process without a second pull.
 */
public final class NamedPipe {

    private NamedPipe() {
    }

    /** Makes a fresh owner-only pipe at {@code pipe} (replacing one an earlier run left). */
    public static Path make(Path pipe) throws IOException {
        Files.deleteIfExists(pipe);
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", pipe.toString()).redirectErrorStream(true).start();
            String said = new String(mkfifo.getInputStream().readAllBytes()).strip();
            if (mkfifo.waitFor() != 0) {
                throw new IOException("could not make the pipe " + pipe + ": " + said);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted making the pipe " + pipe, e);
        }
        return pipe;
    }

    /**
     * After FFmpeg has ended: frees a reader still waiting for FFmpeg to open the pipe. Opening for reading
     * and writing never blocks, and counts as the writer the reader's open waits for; closing it is the end
     * of the stream for the reader.
     */
    public static void release(Path pipe) {
        try (var unblock = new RandomAccessFile(pipe.toFile(), "rw")) {
            // opened and closed: that is all
        } catch (IOException e) {
            // already gone: no reader can be waiting on it
        }
    }
}
