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
 * @param writers writer threads, each with its own connection and transaction
 * @param writeMethod how a group reaches the table: {@code COPY} into a staging table then one INSERT, or one INSERT from
 *                    column arrays ({@code ARRAYS}); see docs/BENCHMARKS.md for what each achieved here
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
                                @DefaultValue("COPY") WriteMethod writeMethod,
                                @DefaultValue("1") int writers) {

    /** How the writer moves a group into the partitioned table. */
    public enum WriteMethod { COPY, ARRAYS }

    public DetectionSettings {
        retentionDays = retentionDays == null ? Map.of() : Map.copyOf(retentionDays);
    }

    int retention(DetectionKind kind) {
        return retentionDays.getOrDefault(kind, kind == DetectionKind.PLATE ? 90 : 30);
    }
}
