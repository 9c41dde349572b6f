package org.safecity.partners.internal.cameras;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.safecity.cluster.OncePerCluster;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.PartnerCameras;
import org.safecity.registry.PartnerCameras.PartnerCamera;
import org.safecity.video.StreamProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * A view-only partner camera (its category lets the Authority only view it on demand) is pulled by no
 * recorder, so nothing would ever hear from it and it would count as silent for being left alone. Every
 * {@code interval} its stream is probed as at onboarding (a few seconds read, nothing decoded or kept):
 * answering, it counts as heard from until two intervals later; not answering, it is silent from now. Its
 * premises is then judged on what could be observed of it, as a recorded camera is on its recording.
 */
@Service
class CheckingViewOnlyCameras {

    private static final Logger log = LoggerFactory.getLogger(CheckingViewOnlyCameras.class);

    /** What one check found. */
    enum Found { ANSWERING, SILENT, NOT_CHECKED }

    private final PartnerCameras cameras;
    private final CameraDirectory directory;
    private final StreamProbe probe;
    private final AddressPolicy addresses;
    private final Clock clock;
    private final Duration holdsFor;
    private final int parallel;
    private final OncePerCluster oncePerCluster;

    /**
     * @param interval how often each view-only camera is checked; shorter than the silence a premises is allowed
     * @param parallel how many streams are probed at once (each is one short ffprobe process)
     */
    CheckingViewOnlyCameras(PartnerCameras cameras, CameraDirectory directory, StreamProbe probe, AddressPolicy addresses, Clock clock,
                            @Value("${safecity.partners.view-only-check-interval}") Duration interval,
                            @Value("${safecity.partners.view-only-checks-at-once}") int parallel, OncePerCluster oncePerCluster) {
        this.cameras = cameras;
        this.directory = directory;
        this.probe = probe;
        this.addresses = addresses;
        this.clock = clock;
        // a check holds until the next is late by a whole interval: a slow round never leaves a gap
        this.holdsFor = interval.multipliedBy(2);
        this.parallel = Math.max(1, parallel);
        this.oncePerCluster = oncePerCluster;
    }

    @Scheduled(initialDelayString = "${safecity.partners.view-only-check-interval}",
        fixedDelayString = "${safecity.partners.view-only-check-interval}")
    void checkOnSchedule() {
        if (oncePerCluster.mine("partners view-only camera checks")) {
            var found = check(viewOnly());
            long silent = found.values().stream().filter(f -> f == Found.SILENT).count();
            if (silent > 0) {
                log.info("View-only partner cameras checked: {}, of which silent: {}", found.size(), silent);
            }
        }
    }

    /** Checks each camera, a few at once; what each check found, by camera id. */
    Map<Long, Found> check(Collection<PartnerCamera> list) {
        Map<Long, Found> found = new ConcurrentHashMap<>();
        var slots = new Semaphore(parallel);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PartnerCamera camera : list) {
                executor.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        found.put(camera.id(), check(camera.id()));
                    } catch (RuntimeException e) {
                        log.warn("Checking partner camera {} failed: {}", camera.id(), e.toString());
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        return new LinkedHashMap<>(found);
    }

    /** Probes one camera's main stream and records what was found as its presence. */
    Found check(long cameraId) {
        var streams = directory.streams(cameraId);
        if (streams.isEmpty() || streams.get().demo()) {
            return Found.NOT_CHECKED;
        }
        String address = streams.get().mainStream();
        var refusal = addresses.refusal(URI.create(address).getHost());
        if (refusal.isPresent()) {
            // accepted once, the address now leads where SafeCity does not go (its name moved, or the policy changed)
            log.warn("Partner camera {} not checked: {}", cameraId, refusal.get());
            directory.markSilent(cameraId, clock.instant());
            return Found.SILENT;
        }
        var result = probe.probe(address, directory.streamCredentials(cameraId).orElse(null));
        Instant at = clock.instant();
        if (result instanceof StreamProbe.Playable) {
            answered(cameraId, at);
            return Found.ANSWERING;
        }
        directory.markSilent(cameraId, at);
        return Found.SILENT;
    }

    /** The stream answered a probe at {@code at} (a check, or the probe that accepted it). */
    void answered(long cameraId, Instant at) {
        directory.markChecked(cameraId, at, holdsFor);
    }

    /** The partner cameras in service that no recorder pulls. */
    List<PartnerCamera> viewOnly() {
        return cameras.all().stream().filter(c -> !c.recorded()).toList();
    }
}
