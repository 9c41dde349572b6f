package org.safecity.storage;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded server running: checks every {@code interval} that it takes connections, and
 * starts it again when it died. Requests meanwhile fail fast with 503 (the pool's short connection
 * timeout); once the server is back the pool connects again by itself, and no restart of SafeCity is needed.
 */
final class EmbeddedPostgresWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresWatch.class);
    private final EmbeddedPostgres server;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean stopping;

    EmbeddedPostgresWatch(EmbeddedPostgres server, Duration interval) {
        this.server = server;
        this.interval = interval;
        this.thread = Thread.ofPlatform().name("embedded-postgres-watch").daemon().start(this::run);
    }

    private void run() {
        while (!stopping) {
            try {
                Thread.sleep(interval);
                // two misses in a row: one refused connection may be a server that is just busy accepting
                if (!stopping && !server.accepting() && !server.accepting()) {
                    log.error("Embedded PostgreSQL does not answer on 127.0.0.1:{}; starting it again", server.port());
                    server.restartAfterCrash();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.error("Could not restart the embedded PostgreSQL; trying again in {}: {}", interval, e.getMessage());
            }
        }
    }

    /** Stops watching before the server is stopped on purpose, so the stop is not taken for a crash. */
    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
