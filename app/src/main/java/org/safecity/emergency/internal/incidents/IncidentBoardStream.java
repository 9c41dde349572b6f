package org.safecity.emergency.internal.incidents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.safecity.cluster.EveryInstance;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.InstanceNotices;
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
 * the change is committed. The browser reloads what it shows; EventSource reconnects by itself. A
 * change made through another instance reaches this one's listeners by a PostgreSQL notice.
 */
@RestController
@Tag(name = "Incidents")
class IncidentBoardStream implements SmartLifecycle {

    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private record Listener(SseEmitter emitter, Jurisdiction scope) {
    }

    /** Every change is told to the other instances too: their listeners hear of changes made through this one. */
    static final String TOPIC = "incident-changed";

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private final InstanceNotices notices;
    private volatile boolean running;

    IncidentBoardStream(InstanceNotices notices) {
        this.notices = notices;
        notices.listen(TOPIC, new InstanceNotices.Listener() {
            @Override
            public void heard(String body) {
                var fields = body.split("\t", 4);
                publish(new IncidentChanged(Long.parseLong(fields[0]), blankIsNull(fields[1]), blankIsNull(fields[2]), fields[3]));
            }

            @Override
            public void mayHaveMissed() {
                // a page reloads on the next change it hears of; nothing is kept here to start again from
            }
        });
    }

    private static String blankIsNull(String text) {
        return text.isEmpty() ? null : text;
    }

    @GetMapping(path = "/api/v1/incidents/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN')")
    @Operation(operationId = "incidentStream", summary = "Live incident changes in your jurisdiction (text/event-stream)")
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

    /** Sent after the commit, so a page that reloads on the event sees the change; the other instances hear of it then too. */
    @EventListener
    void on(IncidentChanged change) {
        notices.tell(TOPIC, change.incidentId() + "\t" + nullIsBlank(change.cityCode()) + "\t" + nullIsBlank(change.zoneCode()) + "\t"
            + change.what().replace('\t', ' '));
        Runnable publish = () -> publish(change);
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
    private static String nullIsBlank(String text) {
        return text == null ? "" : text;
    }

    private void publish(IncidentChanged change) {
        listeners.stream()
            .filter(l -> l.scope().covers(change.cityCode(), change.zoneCode()))
            .forEach(l -> send(l, SseEmitter.event().name("incident")
                .data(Map.of("incidentId", change.incidentId(), "what", change.what()), MediaType.APPLICATION_JSON)));
    }

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
