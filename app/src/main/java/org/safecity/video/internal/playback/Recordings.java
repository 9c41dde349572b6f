package org.safecity.video.internal.playback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.safecity.video.internal.Segment;

/** What is recorded in a range: the segments, the gaps between them, and the VOD playlist that plays them. */
final class Recordings {

    /** Segments closer than this are continuous: the cut between them is FFmpeg's, not a loss of video. */
    static final Duration CONTINUOUS = Duration.ofMillis(1500);

    record Gap(Instant start, Instant end) {
    }

    private Recordings() {
    }

    /** The stretches of {@code [from, to)} no segment covers. */
    static List<Gap> gaps(List<Segment> segments, Instant from, Instant to) {
        var gaps = new ArrayList<Gap>();
        Instant covered = from;
        for (var s : segments) {
            if (!s.start().isBefore(to)) {
                break;
            }
            if (Duration.between(covered, s.start()).compareTo(CONTINUOUS) > 0) {
                gaps.add(new Gap(covered, s.start()));
            }
            if (s.end().isAfter(covered)) {
                covered = s.end();
            }
        }
        if (Duration.between(covered, to).compareTo(CONTINUOUS) > 0) {
            gaps.add(new Gap(covered, to));
        }
        return gaps;
    }

    /**
     * An HLS VOD playlist of the segments (URLs {@code segments/{id}.ts}, relative to the playlist), with a
     * discontinuity wherever video is missing or a new recording run starts (its timestamps start afresh),
     * and each run's wall-clock time so a player can show when it is.
     */
    static String playlist(List<Segment> segments) {
        double longest = segments.stream().mapToDouble(Segment::seconds).max().orElse(1);
        var m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-PLAYLIST-TYPE:VOD\n")
            .append("#EXT-X-TARGETDURATION:").append((long) Math.ceil(Math.max(1, longest))).append('\n')
            .append("#EXT-X-MEDIA-SEQUENCE:0\n");
        Segment previous = null;
        for (var s : segments) {
            boolean broken = previous == null || !previous.runStartedAt().equals(s.runStartedAt())
                || Duration.between(previous.end(), s.start()).compareTo(CONTINUOUS) > 0;
            if (previous != null && broken) {
                m3u8.append("#EXT-X-DISCONTINUITY\n");
            }
            if (broken) {
                m3u8.append("#EXT-X-PROGRAM-DATE-TIME:").append(s.start()).append('\n');
            }
            m3u8.append(String.format(Locale.ROOT, "#EXTINF:%.3f,", s.seconds())).append("\nsegments/").append(s.id()).append(".ts\n");
            previous = s;
        }
        return m3u8.append("#EXT-X-ENDLIST\n").toString();
    }
}
