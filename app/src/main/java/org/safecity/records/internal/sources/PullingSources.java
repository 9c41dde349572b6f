package org.safecity.records.internal.sources;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.safecity.shared.InvalidInput;
import org.safecity.cluster.OncePerCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Pulls each source that has a {@code pullUrl} every {@code pullEveryMinutes}: one GET answering JSON
 * records (an array, or an object whose {@code records} is one), taken as an import of its own. A
 * department that answers the same records again adds nothing; one that is down is tried at the next turn.
 */
@Service
class PullingSources {

    private static final Logger log = LoggerFactory.getLogger(PullingSources.class);

    private final SourceStore sources;
    private final ReceivingRecords receiving;
    private final Clock clock;
    private final long mostBytes;
    private final OncePerCluster oncePerCluster;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();

    PullingSources(SourceStore sources, ReceivingRecords receiving, Clock clock,
                   @Value("${safecity.records.pull-max-bytes}") long mostBytes, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.sources = sources;
        this.receiving = receiving;
        this.clock = clock;
        this.mostBytes = mostBytes;
    }

    @Scheduled(initialDelayString = "${safecity.records.pull-check}", fixedDelayString = "${safecity.records.pull-check}")
    void pullDue() {
        if (!oncePerCluster.mine("records pull")) {
            return;
        }
        for (var source : sources.all()) {
            if (!source.pullDue(clock.instant())) {
                continue;
            }
            try {
                var report = pull(source);
                log.info("Pulled {} from {}: {} added, {} unchanged, {} refused", report.rows(), source.code(), report.added(),
                    report.unchanged(), report.refused());
            } catch (RuntimeException e) {
                log.warn("Pulling records from {} failed; will try again at its next turn: {}", source.code(), e.getMessage());
            }
        }
    }

    /** Pulls the source now; the answer it could not read is refused in words, naming the source's address. */
    ImportReport pull(Source source) {
        if (source.pullUrl() == null) {
            throw new InvalidInput("pullUrl", "is not set for source " + source.code() + ": it is not pulled");
        }
        sources.pulled(source.id(), clock.instant());
        String body;
        try {
            var request = HttpRequest.newBuilder(URI.create(source.pullUrl())).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").GET().build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new InvalidInput("pullUrl", source.pullUrl() + " answered " + response.statusCode() + ", not 200");
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, mostBytes + 1));
                if (bytes.length > mostBytes) {
                    throw new InvalidInput("pullUrl", source.pullUrl() + " answered more than " + mostBytes + " bytes");
                }
                body = new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new InvalidInput("pullUrl", source.pullUrl() + " could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pulling " + source.code(), e);
        }
        return receiving.receive(source, ReceivingRecords.Via.PULL, source.pullUrl(), FileRows.json(body), 0);
    }
}
