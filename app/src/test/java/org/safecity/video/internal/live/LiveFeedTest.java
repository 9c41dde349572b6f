package org.safecity.video.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safecity.video.internal.Ffmpeg;
import org.safecity.video.internal.RtspTestServer;
import org.safecity.video.internal.recording.RecordingBenchmark;

/**
 * The live feed on what the shipped FFmpeg writes with the feed's own arguments (a 640x360 H.264 clip, a
 * key frame every 2 s, remuxed to fragmented MP4): every viewer gets the codec, the initialisation
 * segment and whole fragments starting on a key frame; one that cannot keep up skips to key frames
 * while a quick one beside it gets every fragment; and when the stream ends both are told to come back.
 */
class LiveFeedTest {

    @TempDir
    Path folder;

    /** A screen that records what it is sent, taking {@code pause} over each binary message. */
    private static final class Recorded implements LiveFeed.Screen {
        final List<Object> messages = new CopyOnWriteArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);
        volatile Boolean comeBack;
        private final Duration pause;

        Recorded(Duration pause) {
            this.pause = pause;
        }

        @Override
        public void text(String text) {
            messages.add(text);
        }

        @Override
        public void binary(byte[] bytes) throws IOException {
            messages.add(bytes);
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void close(boolean again) {
            comeBack = again;
            closed.countDown();
        }

        List<byte[]> fragments() {
            return messages.stream().filter(m -> m instanceof byte[]).map(m -> (byte[]) m).skip(1).toList();
        }
    }

    @Test
    void viewers_get_the_codec_the_initialisation_and_fragments_from_key_frames_and_a_slow_one_skips_rather_than_lags() throws Exception {
        byte[] stream = fragmentedMp4();
        var feed = new LiveFeed(7);
        Path pipe = feed.prepare(folder);
        feed.start();
        var quick = new Recorded(Duration.ZERO);
        var slow = new Recorded(Duration.ofMillis(40));
        feed.watch(quick, Duration.ofMinutes(1));
        feed.watch(slow, Duration.ofMinutes(1));
        // the clip at 200 frames a second, eight times real time: the slow viewer cannot keep up
        try (OutputStream out = Files.newOutputStream(pipe)) {
            int at = 0;
            for (int end : fragmentEnds(stream)) {
                out.write(stream, at, end - at);
                out.flush();
                at = end;
                Thread.sleep(5);
            }
        }
        Thread.sleep(2_000);
        feed.end();

        assertThat(quick.closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(slow.closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(quick.comeBack).as("the stream ended: come back for the next").isTrue();
        for (var viewer : List.of(quick, slow)) {
            assertThat((String) viewer.messages.getFirst()).matches("\\{\"codec\":\"avc1\\.[0-9a-f]{6}\"}");
            assertThat(type((byte[]) viewer.messages.get(1))).isEqualTo("ftyp");
            assertThat(viewer.fragments()).allSatisfy(f -> assertThat(type(f)).isEqualTo("moof"));
            assertThat(key(viewer.fragments().getFirst())).isTrue();
        }
        int all = countFragments(stream);
        assertThat(quick.fragments()).as("the quick viewer gets every frame").hasSize(all);
        assertThat(slow.fragments().size()).as("the slow viewer dropped what it could not take").isLessThan(all);
        // each run of frames the slow viewer got after a gap starts on a key frame: a decoder never starts mid-group
        var received = new ArrayList<Integer>();
        for (byte[] f : slow.fragments()) {
            received.add(sequence(f));
        }
        for (int i = 1; i < received.size(); i++) {
            if (received.get(i) != received.get(i - 1) + 1) {
                assertThat(key(slow.fragments().get(i))).as("fragment %d after a gap", received.get(i)).isTrue();
            }
        }
    }

    @Test
    void a_viewer_joining_a_running_stream_starts_at_its_last_key_frame_and_a_stopped_feed_turns_viewers_away() throws Exception {
        byte[] stream = fragmentedMp4();
        var feed = new LiveFeed(8);
        Path pipe = feed.prepare(folder);
        feed.start();
        // three seconds of the clip (a key frame every 2 s): the last key frame is some way back
        int cut = fragmentEnds(stream).get(75 - 1);
        var out = Files.newOutputStream(pipe);
        out.write(stream, 0, cut);
        out.flush();
        Thread.sleep(1_000);
        var late = new Recorded(Duration.ZERO);
        feed.watch(late, Duration.ofMinutes(1));
        Thread.sleep(1_000);
        out.close();
        feed.stop();

        assertThat(late.closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(late.fragments()).isNotEmpty();
        assertThat(key(late.fragments().getFirst())).isTrue();
        int lastKey = 0;
        for (int n = 1; n <= 75; n++) {
            if (key(fragment(stream, n))) {
                lastKey = n;
            }
        }
        assertThat(lastKey).as("a key frame after the first").isGreaterThan(1);
        assertThat(sequence(late.fragments().getFirst())).as("the group of pictures since the last key frame").isEqualTo(lastKey);
        assertThat(late.fragments()).hasSize(75 - lastKey + 1);

        var turnedAway = new Recorded(Duration.ZERO);
        feed.watch(turnedAway, Duration.ofMinutes(1));
        assertThat(turnedAway.closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(turnedAway.messages).isEmpty();
    }

    /** Ten seconds of a 25 frame/s clip, remuxed by the shipped FFmpeg with the feed's own arguments. */
    private static byte[] fragmentedMp4() throws IOException {
        Path clip = RtspTestServer.clip("clip-640x360-10s", "640x360", 10, "1M");
        Path out = clip.resolveSibling("live-feed.mp4");
        if (!Files.exists(out)) {
            var settings = RecordingBenchmark.settings();
            var ffmpeg = new Ffmpeg(settings, new org.safecity.storage.StorageSettings(Path.of("target", "video-test").toAbsolutePath(),
                new org.safecity.storage.StorageSettings.Database(null, null, null, 0, 1)));
            var args = new ArrayList<>(List.of("-hide_banner", "-loglevel", "error", "-y", "-i", clip.toString()));
            args.addAll(LiveFeed.output(0, out));
            ffmpeg.run(args, 60);
        }
        return Files.readAllBytes(out);
    }

    private static String type(byte[] box) {
        return new String(box, 4, 4, StandardCharsets.US_ASCII);
    }

    /** The fragment's sequence number (mfhd, the first box in moof). */
    private static int sequence(byte[] fragment) {
        return ByteBuffer.wrap(fragment, 8 + 12, 4).getInt();
    }

    private static boolean key(byte[] fragment) {
        int at = new String(fragment, StandardCharsets.ISO_8859_1).indexOf("mdat") + 4;
        while (at + 4 < fragment.length) {
            int length = ByteBuffer.wrap(fragment, at, 4).getInt();
            if ((fragment[at + 4] & 0x1f) == 5) {
                return true;
            }
            at += 4 + length;
        }
        return false;
    }

    private static int countFragments(byte[] stream) {
        int count = 0;
        for (int at = 0; at < stream.length; at += ByteBuffer.wrap(stream, at, 4).getInt()) {
            if (new String(stream, at + 4, 4, StandardCharsets.US_ASCII).equals("moof")) {
                count++;
            }
        }
        return count;
    }

    /** Where each fragment (moof and mdat; the first after the initialisation) ends. */
    private static List<Integer> fragmentEnds(byte[] stream) {
        var ends = new ArrayList<Integer>();
        for (int at = 0; at < stream.length; at += ByteBuffer.wrap(stream, at, 4).getInt()) {
            String type = new String(stream, at + 4, 4, StandardCharsets.US_ASCII);
            if (type.equals("mdat") || type.equals("moov")) {
                ends.add(at + ByteBuffer.wrap(stream, at, 4).getInt());
            }
        }
        return ends.subList(1, ends.size()); // the first end is the initialisation's
    }

    /** The n-th fragment (1 first), moof and mdat. */
    private static byte[] fragment(byte[] stream, int n) {
        var ends = fragmentEnds(stream);
        int from = n == 1 ? initialisationEnd(stream) : ends.get(n - 2);
        return java.util.Arrays.copyOfRange(stream, from, ends.get(n - 1));
    }

    private static int initialisationEnd(byte[] stream) {
        for (int at = 0; at < stream.length; at += ByteBuffer.wrap(stream, at, 4).getInt()) {
            if (new String(stream, at + 4, 4, StandardCharsets.US_ASCII).equals("moov")) {
                return at + ByteBuffer.wrap(stream, at, 4).getInt();
            }
        }
        throw new IllegalArgumentException("no moov");
    }
}
