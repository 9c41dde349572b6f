package org.safecity.video.internal.live;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.safecity.video.internal.NamedPipe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera's live picture with little delay, for the console's player (Media Source Extensions). The
 * FFmpeg that already pulls the camera also remuxes its live stream, without re-encoding, into
 * fragmented MP4 with one fragment per frame, written into a named pipe; a reader thread that does
 * nothing else splits it into MP4 boxes ({@link Mp4Boxes}), so FFmpeg, and with it the recording,
 * never waits on a viewer.
 * Each viewer gets the codec, the initialisation segment, the fragments since the last key frame (a
 * picture at once) and then every fragment as it comes. A viewer that falls behind skips to the next
 * key frame instead of lagging or holding up the others. The feed lives as long as its recorder; each
 * FFmpeg run is one stream, and its viewers are told to come back when it ends.
 */
public final class LiveFeed {

    /** Where a viewer's messages go (a WebSocket); called from the viewer's own thread, one message at a time. */
    interface Screen {
        void text(String text) throws IOException;

        void binary(byte[] bytes) throws IOException;

        /** @param comeBack the stream restarts (or the viewing lapsed): connect again */
        void close(boolean comeBack);
    }

    static final String PIPE = "live.mp4.pipe";
    /** About two seconds of video at 25 frames a second: a viewer further behind skips to the next key frame. */
    static final int MOST_QUEUED = 50;
    private static final long MOST_QUEUED_BYTES = 8L << 20;
    /** A group of pictures larger than this is not kept for newcomers (they wait for the next key frame). */
    private static final long MOST_KEPT_BYTES = 16L << 20;
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final long cameraId;
    private final Object lock = new Object();
    private final List<Viewer> viewers = new ArrayList<>();
    /** The stream now running: its codec ({@code avc1.PPCCLL}, or null when not H.264), its initialisation segment. */
    private String codec;
    private byte[] init;
    private int nalLengthSize = 4;
    private final List<byte[]> sinceKey = new ArrayList<>();
    private long sinceKeyBytes;
    private boolean keyKept;
    private boolean stopped;
    private Path pipe;
    private Thread reader;

    public LiveFeed(long cameraId) {
        this.cameraId = cameraId;
    }

    /** FFmpeg's arguments for the feed: the live input's video, copied, as fragmented MP4 into the pipe. */
    public static List<String> output(int liveInput, Path pipe) {
        return List.of("-map", liveInput + ":v:0", "-c", "copy", "-f", "mp4",
            "-movflags", "empty_moov+default_base_moof+frag_every_frame", "-flush_packets", "1", pipe.toString());
    }

    /** Makes this run's pipe in the camera's folder. */
    public Path prepare(Path folder) throws IOException {
        synchronized (lock) {
            pipe = NamedPipe.make(folder.resolve(PIPE));
            return pipe;
        }
    }

    /** Once FFmpeg has started: reads the pipe until FFmpeg closes it. */
    public void start() {
        Path reading;
        synchronized (lock) {
            reading = pipe;
        }
        // a platform thread: it blocks reading a pipe, which would hold a virtual thread's carrier
        reader = Thread.ofPlatform().name("live-" + cameraId).daemon().stackSize(256 * 1024).start(() -> read(reading));
    }

    /** After FFmpeg has ended: the run's stream is over; its viewers are asked to come back for the next. */
    public void end() {
        Path ended;
        synchronized (lock) {
            ended = pipe;
        }
        if (ended != null) {
            NamedPipe.release(ended);
        }
        if (reader != null) {
            try {
                reader.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Viewer> leaving;
        synchronized (lock) {
            newStream(null, null);
            leaving = List.copyOf(viewers);
            viewers.clear();
        }
        leaving.forEach(v -> v.end(true));
    }

    /** The recorder stopped: no stream will come. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
        }
        end();
    }

    /**
     * A new viewer: it gets the stream now running from its last key frame, or the next stream when it
     * starts. It is asked to come back after {@code longest}, so that its access is checked again.
     */
    Viewer watch(Screen screen, Duration longest) {
        var viewer = new Viewer(screen, System.nanoTime() + longest.toNanos());
        synchronized (lock) {
            if (stopped) {
                viewer.end(false); // its thread closes the socket at once
            } else {
                viewers.add(viewer);
                if (init != null) {
                    viewer.begin(codec, init, keyKept ? sinceKey : List.of());
                }
            }
        }
        viewer.start();
        return viewer;
    }

    private void read(Path from) {
        try (var in = new DataInputStream(new BufferedInputStream(new FileInputStream(from.toFile()), 1 << 16))) {
            var ftyp = (byte[]) null;
            var moof = (byte[]) null;
            while (true) {
                byte[] box;
                try {
                    box = Mp4Boxes.next(in);
                } catch (EOFException e) {
                    return; // FFmpeg ended
                }
                switch (Mp4Boxes.type(box)) {
                    case "ftyp" -> ftyp = box;
                    case "moov" -> initialised(ftyp == null ? box : Mp4Boxes.concat(ftyp, box));
                    case "moof" -> moof = box;
                    case "mdat" -> {
                        if (moof != null) {
                            fragment(Mp4Boxes.concat(moof, box), Mp4Boxes.isKey(box, nalLengthSize));
                            moof = null;
                        }
                    }
                    default -> {
                        // styp, sidx, mfra and the like: not needed to play
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: stop reading; FFmpeg then fails on the broken pipe and is restarted
            log.warn("camera {}: live stream unreadable: {}", cameraId, e.toString());
        }
    }

    private void initialised(byte[] segment) {
        var avc = Mp4Boxes.avc(segment);
        String found = avc == null ? null : avc.codec();
        if (avc != null) {
            nalLengthSize = avc.nalLengthSize();
        }
        List<Viewer> waiting;
        synchronized (lock) {
            newStream(found, segment);
            waiting = List.copyOf(viewers);
        }
        for (var viewer : waiting) {
            viewer.begin(found, segment, List.of());
        }
    }

    /** Under the lock: the stream now running is this one (or none), with no fragment yet. */
    private void newStream(String streamCodec, byte[] initialisation) {
        codec = streamCodec;
        init = initialisation;
        sinceKey.clear();
        sinceKeyBytes = 0;
        keyKept = false;
    }

    private void fragment(byte[] fragment, boolean key) {
        List<Viewer> watching;
        synchronized (lock) {
            if (init == null) {
                return;
            }
            if (key) {
                sinceKey.clear();
                sinceKeyBytes = 0;
                keyKept = true;
            }
            if (keyKept && sinceKeyBytes + fragment.length <= MOST_KEPT_BYTES) {
                sinceKey.add(fragment);
                sinceKeyBytes += fragment.length;
            } else {
                keyKept = false;
            }
            watching = List.copyOf(viewers);
        }
        for (var viewer : watching) {
            viewer.offer(fragment, key);
        }
    }

    /** One person's player: its own queue and sending thread, so a slow one holds up nobody. */
    final class Viewer {
        private final Screen screen;
        private final long until;
        private final ArrayDeque<Object> queue = new ArrayDeque<>();
        private long queuedBytes;
        private boolean skipping;
        private boolean ended;
        private boolean comeBack;
        private long skipped;

        private Viewer(Screen screen, long until) {
            this.screen = screen;
            this.until = until;
        }

        /** A stream starts for this viewer: its codec, its initialisation segment and the fragments from its last key frame. */
        private synchronized void begin(String codec, byte[] init, List<byte[]> fromKey) {
            queue.clear();
            queuedBytes = 0;
            queue.add("{\"codec\":" + (codec == null ? "null" : "\"" + codec + "\"") + "}");
            queue.add(init);
            fromKey.forEach(this::enqueue);
            skipping = fromKey.isEmpty();
            notifyAll();
        }

        private synchronized void offer(byte[] fragment, boolean key) {
            if (ended || (skipping && !key)) {
                return;
            }
            skipping = false;
            if (queue.size() >= MOST_QUEUED || queuedBytes + fragment.length > MOST_QUEUED_BYTES) {
                // behind: what waits is dropped, and it goes on from a key frame (this one, or the next)
                dropFragments();
                skipped++;
                if (!key) {
                    skipping = true;
                    return;
                }
            }
            enqueue(fragment);
            notifyAll();
        }

        /** Drops queued fragments, keeping a codec and initialisation segment not yet sent. */
        private void dropFragments() {
            var kept = new ArrayDeque<Object>();
            boolean initNext = false;
            for (Object message : queue) {
                if (message instanceof String) {
                    kept.add(message);
                    initNext = true;
                } else if (initNext) {
                    kept.add(message);
                    initNext = false;
                }
            }
            queue.clear();
            queue.addAll(kept);
            queuedBytes = 0;
        }

        private void enqueue(byte[] fragment) {
            queue.add(fragment);
            queuedBytes += fragment.length;
        }

        private void start() {
            Thread.ofVirtual().name("live-" + cameraId + "-viewer").start(this::send);
        }

        /** How many times this viewer fell behind and skipped to a key frame. */
        synchronized long skipped() {
            return skipped;
        }

        /** The viewer left (its socket closed). */
        void leave() {
            synchronized (lock) {
                viewers.remove(this);
            }
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }

        private synchronized void end(boolean comeBackLater) {
            if (!ended) {
                ended = true;
                comeBack = comeBackLater;
                notifyAll();
            }
        }

        private void send() {
            try {
                while (true) {
                    Object message;
                    synchronized (this) {
                        while (queue.isEmpty() && !ended && System.nanoTime() < until) {
                            wait(Math.max(1, Math.min(1_000, (until - System.nanoTime()) / 1_000_000)));
                        }
                        if (ended || System.nanoTime() >= until) {
                            break;
                        }
                        message = queue.poll();
                        if (message instanceof byte[] bytes) {
                            queuedBytes -= bytes.length;
                        }
                    }
                    if (message instanceof String text) {
                        screen.text(text);
                    } else if (message instanceof byte[] bytes) {
                        screen.binary(bytes);
                    }
                }
            } catch (IOException e) {
                // the viewer went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean again;
            synchronized (this) {
                again = !ended || comeBack; // a lapsed viewing comes back too, to be checked again
                ended = true;
            }
            synchronized (lock) {
                viewers.remove(this);
            }
            screen.close(again);
        }
    }
}
