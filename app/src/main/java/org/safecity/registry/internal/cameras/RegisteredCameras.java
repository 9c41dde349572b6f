package org.safecity.registry.internal.cameras;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraStreams;
import org.safecity.registry.CameraInstallationChanged;
import org.safecity.registry.CameraPresence;
import org.safecity.registry.CameraPresenceChanged;
import org.safecity.registry.CameraSummary;
import org.safecity.registry.StreamCredentials;
import org.safecity.registry.internal.demo.DemoNetwork;
import org.safecity.registry.internal.presence.PresenceLog;
import org.safecity.shared.GeoPoint;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The camera network as other modules read it, and where they report that a camera was heard from. */
@Service
class RegisteredCameras implements CameraDirectory {

    private static final double METRES_PER_DEGREE_LAT = 111_320;

    private final CameraStore cameras;
    private final CredentialCipher cipher;
    private final ApplicationEventPublisher events;
    private final PresenceLog presence;

    RegisteredCameras(CameraStore cameras, CredentialCipher cipher, ApplicationEventPublisher events, PresenceLog presence) {
        this.cameras = cameras;
        this.presence = presence;
        this.cipher = cipher;
        this.events = events;
    }

    @Override
    public Optional<CameraSummary> find(long id) {
        return cameras.find(id).filter(c -> !c.retired()).map(RegisteredCameras::summary);
    }

    @Override
    public List<CameraSummary> near(GeoPoint point, double metres) {
        if (!(metres >= 0)) {
            throw new IllegalArgumentException("the distance must be 0 metres or more");
        }
        double dLat = metres / METRES_PER_DEGREE_LAT;
        double dLon = metres / (METRES_PER_DEGREE_LAT * Math.max(0.01, Math.cos(Math.toRadians(point.lat()))));
        return cameras.inBox(point.lat() - dLat, point.lat() + dLat, point.lon() - dLon, point.lon() + dLon).stream()
            .filter(c -> c.location().metresTo(point) <= metres)
            .sorted(Comparator.comparingDouble(c -> c.location().metresTo(point)))
            .map(RegisteredCameras::summary)
            .toList();
    }

    @Override
    @Transactional
    public void markSeen(long cameraId, Instant at) {
        seen(cameraId, at, at);
    }

    private void seen(long cameraId, Instant at, Instant heardUntil) {
        var camera = cameras.find(cameraId).filter(c -> !c.retired());
        if (camera.isEmpty()) {
            return;
        }
        var next = InstallationPolicy.whenSeen(camera.get().installation());
        var before = cameras.markSeen(cameraId, at, next);
        if (presence.heard(cameraId, at, heardUntil)) {
            events.publishEvent(new CameraPresenceChanged(cameraId, CameraPresence.Observed.ONLINE, at));
        }
        if (before.isPresent() && next != null && before.get() != next) {
            events.publishEvent(new CameraInstallationChanged(cameraId, before.get(), next, at));
        }
    }

    @Override
    @Transactional
    public void markChecked(long cameraId, Instant at, Duration holdsFor) {
        seen(cameraId, at, at.plus(holdsFor));
    }

    @Override
    @Transactional
    public void markSilent(long cameraId, Instant at) {
        if (presence.silent(cameraId)) {
            events.publishEvent(new CameraPresenceChanged(cameraId, CameraPresence.Observed.OFFLINE, at));
        }
    }

    @Override
    public Optional<CameraStreams> streams(long cameraId) {
        return cameras.find(cameraId).filter(c -> !c.retired()).map(RegisteredCameras::streams);
    }

    @Override
    public List<CameraStreams> streams() {
        return cameras.recordedInstalled().stream().map(RegisteredCameras::streams).toList();
    }

    private static CameraStreams streams(Camera c) {
        return new CameraStreams(summary(c), c.mainStream(), c.subStream(), DemoNetwork.isDemoAddress(c.mainStream()), c.onvifAddress());
    }

    @Override
    public Optional<StreamCredentials> streamCredentials(long cameraId) {
        return cameras.credentials(cameraId).map(cipher::decrypt);
    }

    static CameraSummary summary(Camera c) {
        return new CameraSummary(c.id(), c.name(), c.siteId(), c.siteName(), c.cityCode(), c.zoneCode(), c.phase(), c.type(),
            c.installation(), c.location(), c.heading(), c.fieldOfView(), c.partnerId(), c.lastSeen());
    }
}
