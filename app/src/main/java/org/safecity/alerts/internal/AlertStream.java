package org.safecity.alerts.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.safecity.identity.Actor;
import org.safecity.identity.Role;
import org.safecity.shared.InstanceNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live feed: one pump reads the alert timeline in sequence order after each commit (and once a
 * second regardless) and sends each event to every connected viewer allowed to see it. The timeline
 * sequence is the event id, so a console reconnecting with {@code Last-Event-ID} is first sent what it
 * missed, from the database, and then joins the live events without a gap or a repeat. Every instance's
 * pump reads the same timeline, and a commit on any instance wakes them all (a PostgreSQL notice), so a
 * console connected to any instance sees every alert as it happens.
 */
@Component
class AlertStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertStream.class);
    private static final int PAGE = 500;
    private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(15);

    /** A connected console, and the last event it was sent. */
    private static final class Viewer {
        final SseEmitter emitter;
        final Actor actor;
        long lastSent;

        Viewer(SseEmitter emitter, Actor actor, long lastSent) {
            this.emitter = emitter;
            this.actor = actor;
            this.lastSent = lastSent;
        }
    }

    /** What the feed sends: one timeline step and the alert as it is after it. */
    record FeedEvent(long seq, String kind, String actor, String note, Instant at, Alert alert) {
    }

    /** Told with every commit that appended to the timeline, so the feeds of the other instances send it at once too. */
    static final String TOPIC = "alert-timeline";

    private final AlertStore store;
    private final AlertSettings settings;
    private final InstanceNotices notices;
    private final Set<Viewer> viewers = new CopyOnWriteArraySet<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private long delivered = -1;
    private Thread pump;

    AlertStream(AlertStore store, AlertSettings settings, InstanceNotices notices) {
        this.store = store;
        this.settings = settings;
        this.notices = notices;
        notices.listen(TOPIC, new InstanceNotices.Listener() {
            @Override
            public void heard(String body) {
                wake.release();
            }

            @Override
            public void mayHaveMissed() {
                wake.release(); // the pump reads the timeline from where it stands: nothing is missed
            }
        });
    }

    /** Sends what the current transaction appended once it has committed, here and on every other instance. */
    void wakeAfterCommit() {
        notices.tell(TOPIC, "");
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.release();
                }
            });
        } else {
            wake.release();
        }
    }

    /** Who sees what: alerts of their jurisdiction; a dispatcher without an operator's role only escalated ones. */
    static boolean maySee(Actor actor, Alert alert) {
        if (!actor.jurisdiction().covers(alert.placement().cityCode(), alert.placement().zoneCode())) {
            return false;
        }
        boolean watchesAll = actor.has(Role.OPERATOR) || actor.has(Role.SUPERVISOR) || actor.has(Role.ADMIN);
        return watchesAll || alert.status() == AlertStatus.ESCALATED;
    }

    synchronized SseEmitter subscribe(Actor actor, Long lastEventId) throws IOException {
        ensurePosition();
        var emitter = new SseEmitter(settings.streamTimeout().toMillis());
        var viewer = new Viewer(emitter, actor, delivered);
        emitter.send(SseEmitter.event().comment("connected"));
        if (lastEventId != null && lastEventId < delivered) {
            long from = lastEventId;
            while (from < delivered) {
                var missed = store.after(from, PAGE);
                if (missed.isEmpty()) {
                    break;
                }
                for (var event : missed) {
                    if (event.seq() > delivered) {
                        break;
                    }
                    send(viewer, event);
                    from = event.seq();
                }
            }
            viewer.lastSent = delivered;
        }
        emitter.onCompletion(() -> viewers.remove(viewer));
        emitter.onTimeout(() -> viewers.remove(viewer));
        emitter.onError(e -> viewers.remove(viewer));
        viewers.add(viewer);
        return emitter;
    }

    int viewers() {
        return viewers.size();
    }

    private synchronized void ensurePosition() {
        if (delivered < 0) {
            delivered = store.lastSeq();
        }
    }

    private synchronized void pumpOnce() {
        ensurePosition();
        while (true) {
            List<AlertStore.TimelineEvent> events = store.after(delivered, PAGE);
            for (var event : events) {
                for (var viewer : viewers) {
                    if (event.seq() > viewer.lastSent) {
                        send(viewer, event);
                    }
                }
                delivered = event.seq();
            }
            if (events.size() < PAGE) {
                return;
            }
        }
    }

    private void send(Viewer viewer, AlertStore.TimelineEvent event) {
        viewer.lastSent = Math.max(viewer.lastSent, event.seq());
        if (!maySee(viewer.actor, event.alert())) {
            return;
        }
        try {
            viewer.emitter.send(SseEmitter.event().id(Long.toString(event.seq())).name("alert")
                .data(new FeedEvent(event.seq(), event.kind(), event.actor(), event.note(), event.at(), event.alert()),
                    MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            viewers.remove(viewer); // the console went away; it reconnects with Last-Event-ID
        }
    }

    private synchronized void heartbeat() {
        for (var viewer : viewers) {
            try {
                viewer.emitter.send(SseEmitter.event().comment("still here"));
            } catch (IOException | IllegalStateException e) {
                viewers.remove(viewer);
            }
        }
    }

    private void run() {
        long lastBeat = System.nanoTime();
        while (running) {
            try {
                wake.tryAcquire(1, TimeUnit.SECONDS);
                wake.drainPermits();
                pumpOnce();
                if (System.nanoTime() - lastBeat > HEARTBEAT_NANOS) {
                    heartbeat();
                    lastBeat = System.nanoTime();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Live alert feed could not read the timeline; retrying: {}", e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        pump = Thread.ofPlatform().name("alert-feed").daemon().start(this::run);
    }

    /** Ends every open feed (consoles reconnect to another instance or after restart) and stops the pump. */
    @Override
    public void stop() {
        running = false;
        if (pump != null) {
            pump.interrupt();
        }
        viewers.forEach(v -> v.emitter.complete());
        viewers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
