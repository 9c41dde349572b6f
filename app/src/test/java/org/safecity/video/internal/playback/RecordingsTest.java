package org.safecity.video.internal.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.video.internal.Segment;

class RecordingsTest {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant RUN_1 = T.minusSeconds(60);
    private static final Instant RUN_2 = T.plusSeconds(25);

    private static Segment segment(long id, int from, int to, Instant run) {
        return new Segment(id, 7, T.plusSeconds(from), T.plusSeconds(to), "7/x/" + id + ".ts", 1000, run);
    }

    private final List<Segment> segments = List.of(segment(1, 0, 10, RUN_1), segment(2, 10, 20, RUN_1), segment(3, 30, 40, RUN_2),
        segment(4, 40, 50, RUN_2));

    @Test
    void the_gaps_are_what_no_segment_covers_in_the_range() {
        assertThat(Recordings.gaps(segments, T.minusSeconds(5), T.plusSeconds(60))).containsExactly(
            new Recordings.Gap(T.minusSeconds(5), T), new Recordings.Gap(T.plusSeconds(20), T.plusSeconds(30)),
            new Recordings.Gap(T.plusSeconds(50), T.plusSeconds(60)));
        assertThat(Recordings.gaps(segments, T, T.plusSeconds(20))).isEmpty();
    }

    @Test
    void the_playback_playlist_is_a_vod_list_with_a_discontinuity_where_video_is_missing() {
        assertThat(Recordings.playlist(segments)).isEqualTo("""
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-PLAYLIST-TYPE:VOD
            #EXT-X-TARGETDURATION:10
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-PROGRAM-DATE-TIME:2026-11-25T10:00:00Z
            #EXTINF:10.000,
            segments/1.ts
            #EXTINF:10.000,
            segments/2.ts
            #EXT-X-DISCONTINUITY
            #EXT-X-PROGRAM-DATE-TIME:2026-11-25T10:00:30Z
            #EXTINF:10.000,
            segments/3.ts
            #EXTINF:10.000,
            segments/4.ts
            #EXT-X-ENDLIST
            """);
    }
}
