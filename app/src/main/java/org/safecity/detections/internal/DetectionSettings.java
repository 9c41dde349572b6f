package org.safecity.detections.internal;

import java.time.Duration;
import java.util.Map;
import org.safecity.detections.DetectionKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The intake lane's limits ({@code safecity.detections.*}).
 *
 * @param queueCapacity detections waiting for the writer at most; beyond it devices get 503 and retry
 * @param maxBatchRows detections written in one transaction at most
 * @param maxWait how long the writer waits for more requests to share a transaction
 * @param ackTimeout how long a request waits for its batch to be durable before answering 503
 * @param retryAfter what a refused device is told to wait
 * @param seenInterval a camera's last-seen is written at most this often
 * @param partitionsAhead days of partitions prepared ahead of today
 * @param retentionDays days each kind of sighting is kept; older days are dropped whole
 * @param maxItems items in one batch at most
 * @param repeatWindow how long a (device, eventId) is remembered at least, whatever observedAt or kind it is resent with
 *                     (whole days, at least one; remembered up to twice as long)
 * @param handOverCapacity detections waiting in memory for one consumer at most; beyond it the consumer reads them
 *                         from the table instead
 */
@ConfigurationProperties("safecity.detections")
public record DetectionSettings(@DefaultValue("50000") int queueCapacity,
                                @DefaultValue("5000") int maxBatchRows,
                                @DefaultValue("10ms") Duration maxWait,
                                @DefaultValue("30s") Duration ackTimeout,
                                @DefaultValue("1s") Duration retryAfter,
                                @DefaultValue("10s") Duration seenInterval,
                                @DefaultValue("3") int partitionsAhead,
                                Map<DetectionKind, Integer> retentionDays,
                                @DefaultValue("1000") int maxItems,
                                @DefaultValue("3d") Duration repeatWindow,
                                @DefaultValue("100000") int handOverCapacity) {

    public DetectionSettings {
        retentionDays = retentionDays == null ? Map.of() : Map.copyOf(retentionDays);
        if (repeatWindow.toDays() < 1) {
            throw new IllegalArgumentException("safecity.detections.repeat-window must be at least 1d: it is how long a device's "
                + "resent eventId is recognised, and nothing else recognises it; got " + repeatWindow);
        }
    }

    int retention(DetectionKind kind) {
        return retentionDays.getOrDefault(kind, kind == DetectionKind.PLATE ? 90 : 30);
    }
}
