package org.safecity.video.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Recording settings ({@code safecity.video.*}); see the README for each.
 *
 * @param recording whether this node records at all (the HTTP API answers either way)
 * @param ffmpegPath an FFmpeg executable to use instead of the one shipped in the build
 * @param ffprobePath the same for ffprobe
 * @param cities the cities this node records; empty = all
 * @param streamPattern only cameras whose main stream address matches this regular expression are recorded
 * @param segmentLength length of a recorded segment (cut at the next key frame)
 * @param liveSegmentLength length of a live HLS segment
 * @param liveSegments how many segments the live playlist lists
 * @param offlineAfter no video for this long marks the camera offline and raises an alert
 * @param retryMin first wait before reconnecting a dropped stream; doubles on each failure
 * @param retryMax longest wait between reconnections
 * @param reconcileInterval how often the list of cameras to record is read again from the registry (at once when a
 *                          recording node joins or leaves)
 * @param retentionDays default days recordings are kept (a city's or camera's own rule wins)
 * @param retentionInterval how often retention runs
 * @param incidentHoldRadius cameras within this many metres of a new incident have their footage held
 * @param incidentHoldBefore footage held before an incident was opened
 * @param incidentHoldAfter footage held after it
 * @param maxClipLength the longest clip one export may ask for
 * @param demoCameras with the Peshawar demo, how many demo cameras get a looping test pattern
 */
@ConfigurationProperties("safecity.video")
public record VideoSettings(@DefaultValue("true") boolean recording,
                     String ffmpegPath,
                     String ffprobePath,
                     @DefaultValue List<String> cities,
                     @DefaultValue(".*") String streamPattern,
                     @DefaultValue("10s") Duration segmentLength,
                     @DefaultValue("2s") Duration liveSegmentLength,
                     @DefaultValue("6") int liveSegments,
                     @DefaultValue("20s") Duration offlineAfter,
                     @DefaultValue("1s") Duration retryMin,
                     @DefaultValue("60s") Duration retryMax,
                     @DefaultValue("30s") Duration reconcileInterval,
                     @DefaultValue("30") int retentionDays,
                     @DefaultValue("10m") Duration retentionInterval,
                     @DefaultValue("300") double incidentHoldRadius,
                     @DefaultValue("30m") Duration incidentHoldBefore,
                     @DefaultValue("2h") Duration incidentHoldAfter,
                     @DefaultValue("1h") Duration maxClipLength,
                     @DefaultValue("9") int demoCameras) {
}
