package org.safecity.emergency.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.safecity.cluster.EveryInstance;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates for the incident board and incident pages (Server-Sent Events): each change to an
 * incident in the listener's jurisdiction is sent as an {@code incident} event with its id, once
 * the change is committed. The browser reloads what it shows; EventSource reconnects by itself.
 */
@RestController
@Tag(name = "Incidents")
class IncidentBoardStream implements SmartLifecycle {

    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private record Listener(SseEmitter emitter, Jurisdiction scope) {
    }

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    @GetMapping(path = "/api/v1/incidents/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN')")
    @Operation(summary = "Live incident changes in your jurisdiction (text/event-stream)")
    SseEmitter stream() {
        var emitter = new SseEmitter(LIFETIME.toMillis());
        var listener = new Listener(emitter, CurrentActor.jurisdiction());
        listeners.add(listener);
        emitter.onCompletion(() -> listeners.remove(listener));
        emitter.onTimeout(() -> listeners.remove(listener));
        emitter.onError(e -> listeners.remove(listener));
        send(listener, SseEmitter.event().name("hello").data(Map.of("listening", true)));
        return emitter;
    }

    /** Sent after the commit, so a page that reloads on the event sees the change. */
    @EventListener
    void on(IncidentChanged change) {
        Runnable publish = () -> listeners.stream()
            .filter(l -> l.scope().covers(change.cityCode(), change.zoneCode()))
            .forEach(l -> send(l, SseEmitter.event().name("incident")
                .data(Map.of("incidentId", change.incidentId(), "what", change.what()), MediaType.APPLICATION_JSON)));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish.run();
                }
            });
        } else {
            publish.run();
        }
    }

    /** A comment line now and then keeps proxies from closing an idle stream. */
    @EveryInstance("keeps this instance's own live connections open")
    @Scheduled(fixedDelay = 20_000)
    void keepAlive() {
        listeners.forEach(l -> send(l, SseEmitter.event().comment("keep-alive")));
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends the open streams before the web server's graceful shutdown, which would otherwise wait
     * its full time for these never-ending requests; browsers reconnect to the next instance.
     */
    @Override
    public void stop() {
        running = false;
        listeners.forEach(l -> l.emitter().complete());
        listeners.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void send(Listener listener, SseEmitter.SseEventBuilder event) {
        try {
            listener.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            listeners.remove(listener);
        }
    }
}
