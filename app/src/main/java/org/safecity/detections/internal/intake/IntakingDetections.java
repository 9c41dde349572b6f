package org.safecity.detections.internal.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.safecity.detections.internal.CameraPlacements;
import org.safecity.detections.internal.DetectionSettings;
import org.safecity.detections.internal.storage.SightingRow;
import org.safecity.detections.internal.storage.SightingWriter;
import org.safecity.detections.internal.stream.DetectionStream;
import org.safecity.identity.Actor;
import org.safecity.registry.CameraDirectory;
import org.safecity.shared.InvalidInput;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import org.safecity.detections.AnalyticTypes;
import java.util.Set;

/**
 * A device reports a batch of detections: each valid item is stored once, durably, before the device
 * hears back; repeats are counted, bad items are listed with their reason, and each camera heard from
 * is marked seen.
 */
@Service
class IntakingDetections {

    private final SightingWriter writer;
    private final DetectionStream stream;
    private final org.safecity.cluster.InstanceRoles roles;
    private final CameraPlacements placements;
    private final CameraDirectory cameras;
    private final DetectionSettings settings;
    private final Clock clock;
    private final Map<Long, Long> lastMarkedSeen = new ConcurrentHashMap<>();
    private final Set<String> analytics;

    IntakingDetections(SightingWriter writer, DetectionStream stream, org.safecity.cluster.InstanceRoles roles,
                       CameraPlacements placements, CameraDirectory cameras, DetectionSettings settings, Clock clock,
                       List<AnalyticTypes> otherAnalytics) {
        this.stream = stream;
        this.roles = roles;
        this.analytics = java.util.stream.Stream.concat(ReadingDetections.OWN_ANALYTICS.stream(),
                otherAnalytics.stream().flatMap(a -> a.analyticTypes().stream()))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.writer = writer;
        this.placements = placements;
        this.cameras = cameras;
        this.settings = settings;
        this.clock = clock;
    }

    IntakeOutcome report(Actor.Machine device, JsonNode body) {
        JsonNode items = body == null ? null : body.path("detections");
        if (items == null || !items.isArray()) {
            throw new InvalidInput("detections", "must be an array of 1 to " + settings.maxItems() + " items");
        }
        if (items.isEmpty() || items.size() > settings.maxItems()) {
            throw new InvalidInput("detections", "must hold 1 to " + settings.maxItems() + " items, not " + items.size());
        }
        Instant now = clock.instant();
        var batch = ReadingDetections.read(items, device, id -> placements.placement(id).isPresent(), analytics, now, settings);
        if (batch.valid().isEmpty()) {
            return new IntakeOutcome(0, 0, batch.rejected());
        }
        var rows = new ArrayList<SightingRow>(batch.valid().size());
        for (var item : batch.valid()) {
            rows.add(new SightingRow(device.deviceId(), now, item.detection(),
                placements.placement(item.detection().cameraId()).orElseThrow()));
        }
        if (stream.enabled()) {
            // Stored by a writer of the stream; that one tells the new from the repeats, so all count as accepted here.
            if (!roles.has(org.safecity.cluster.Role.INTAKE)) {
                throw new IntakeBusy("This SafeCity instance (" + roles.instance() + ") does not take detections (its roles: "
                    + roles.words() + "); send them to an instance with the intake role.");
            }
            stream.publish(rows);
            markSeen(rows);
            return new IntakeOutcome(rows.size(), 0, batch.rejected());
        }
        SightingWriter.Written written = await(writer.submit(rows));
        int accepted = (int) written.ids().stream().filter(java.util.Objects::nonNull).count();
        markSeen(rows);
        return new IntakeOutcome(accepted, rows.size() - accepted, batch.rejected());
    }

    private SightingWriter.Written await(java.util.concurrent.CompletableFuture<SightingWriter.Written> pending) {
        try {
            return pending.get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The batch may still commit; the device's retry with the same eventIds is then counted as repeats.
            throw new IntakeBusy("The detections were not confirmed stored in time; retry with the same eventIds.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IntakeRefused refused) {
                throw refused;
            }
            throw e.getCause() instanceof IntakeBusy busy ? busy : new IntakeBusy("The detections could not be stored.", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeBusy("Interrupted while storing detections.");
        }
    }

    /** Once per camera per batch, and at most every {@code seenInterval}: last-seen is a health signal, not a log. */
    private void markSeen(List<SightingRow> rows) {
        long now = System.nanoTime();
        Map<Long, Instant> due = null;
        for (var row : rows) {
            long camera = row.detection().cameraId();
            Long last = lastMarkedSeen.get(camera);
            if (last != null && now - last <= settings.seenInterval().toNanos()) {
                continue; // the usual case: marked a moment ago
            }
            if (due == null) {
                due = new HashMap<>();
            }
            due.merge(camera, row.detection().observedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        if (due == null) {
            return;
        }
        Instant latest = clock.instant();
        due.forEach((camera, at) -> {
            lastMarkedSeen.put(camera, now);
            cameras.markSeen(camera, at.isAfter(latest) ? latest : at);
        });
    }
}
