package org.safecity.detections.internal;

import java.time.Duration;
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
                                @DefaultValue RetentionDays retentionDays,
                                @DefaultValue("1000") int maxItems,
                                @DefaultValue("3d") Duration repeatWindow,
                                @DefaultValue("100000") int handOverCapacity) {

    public DetectionSettings {
        if (repeatWindow.toDays() < 1) {
            throw new IllegalArgumentException("safecity.detections.repeat-window must be at least 1d: it is how long a device's "
                + "resent eventId is recognised, and nothing else recognises it; got " + repeatWindow);
        }
    }

    public int retention(DetectionKind kind) {
        return retentionDays.of(kind);
    }

    /** Days each kind of sighting is kept ({@code safecity.detections.retention-days.plate}, ...). */
    public record RetentionDays(@DefaultValue("90") int plate, @DefaultValue("30") int object, @DefaultValue("30") int face,
                                @DefaultValue("90") int analytic, @DefaultValue("180") int signal, @DefaultValue("180") int speed) {

        int of(DetectionKind kind) {
            return switch (kind) {
                case PLATE -> plate;
                case OBJECT -> object;
                case FACE -> face;
                case ANALYTIC -> analytic;
                case SIGNAL -> signal;
                case SPEED -> speed;
            };
        }
    }
}
