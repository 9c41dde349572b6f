package org.safecity.video.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.safecity.identity.AuditTrail;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraStreams;
import org.safecity.registry.CameraSummary;
import org.safecity.registry.CameraType;
import org.safecity.registry.StreamCredentials;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.shared.onvif.OnvifRefusal;
import org.safecity.shared.onvif.OnvifSoap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * An operator steers a PTZ camera of their jurisdiction through its ONVIF device: moves, stops and presets. Only an
 * Authority camera of type PTZ with an ONVIF address and stored credentials can be steered. Every command is
 * audited with what was asked and what became of it, also when the camera did not answer; the camera is asked
 * nothing until the request is found sound.
 */
@Service
public class SteeringCameras {

    /** A camera that answers later than this is answered as a gateway timeout: a held arrow must not hang. */
    static final Duration DEVICE_PATIENCE = Duration.ofSeconds(5);
    static final Duration DEFAULT_MOVE = Duration.ofSeconds(2);
    static final Duration LONGEST_MOVE = Duration.ofSeconds(10);
    static final Duration SHORTEST_MOVE = Duration.ofMillis(500);

    /** What an operator asks a camera to do, as it is audited. */
    record Move(double pan, double tilt, double zoom, Duration timeout) {
    }

    /** A camera's device as last used: kept while its address and credentials stay the same. */
    private record Device(String address, StreamCredentials credentials, OnvifPtz ptz) {
    }

    private final CameraDirectory cameras;
    private final CamerasInReach reach;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<Long, Device> devices = new ConcurrentHashMap<>();

    SteeringCameras(CameraDirectory cameras, CamerasInReach reach, AuditTrail audit, Clock clock) {
        this.cameras = cameras;
        this.reach = reach;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks a move as an operator sends it; every axis left out is still, a timeout left out is {@link #DEFAULT_MOVE}. */
    static Move checkedMove(Double pan, Double tilt, Double zoom, Double seconds) {
        var errors = new ArrayList<InvalidInput.FieldError>();
        double p = velocity("pan", pan, errors);
        double t = velocity("tilt", tilt, errors);
        double z = velocity("zoom", zoom, errors);
        Duration timeout = DEFAULT_MOVE;
        if (seconds != null) {
            if (!Double.isFinite(seconds) || seconds * 1000 < SHORTEST_MOVE.toMillis() || seconds * 1000 > LONGEST_MOVE.toMillis()) {
                errors.add(new InvalidInput.FieldError("seconds", "must be between 0.5 and " + LONGEST_MOVE.toSeconds()
                    + ": how long the camera keeps moving unless stopped"));
            } else {
                timeout = Duration.ofMillis(Math.round(seconds * 1000));
            }
        }
        if (errors.isEmpty() && p == 0 && t == 0 && z == 0) {
            errors.add(new InvalidInput.FieldError("pan", "a move needs pan, tilt or zoom other than 0; to halt the camera, stop it"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Move(p, t, z, timeout);
    }

    private static double velocity(String axis, Double value, List<InvalidInput.FieldError> errors) {
        if (value == null) {
            return 0;
        }
        if (!Double.isFinite(value) || value < -1 || value > 1) {
            errors.add(new InvalidInput.FieldError(axis, "must be a velocity from -1 to 1 (negative: "
                + switch (axis) { case "pan" -> "left"; case "tilt" -> "down"; default -> "zoom out"; } + ")"));
            return 0;
        }
        return value;
    }

    /** Checked after the camera is found in the caller's jurisdiction, so another city's camera is not found whatever is sent. */
    void move(long cameraId, Double pan, Double tilt, Double zoom, Double seconds) {
        var camera = reach.camera(cameraId);
        var move = checkedMove(pan, tilt, zoom, seconds);
        var details = new LinkedHashMap<String, Object>(Map.of("pan", move.pan(), "tilt", move.tilt(), "zoom", move.zoom(),
            "seconds", move.timeout().toMillis() / 1000.0));
        command(camera, "video.ptz-moved", details, ptz -> {
            ptz.move(move.pan(), move.tilt(), move.zoom(), move.timeout());
            return null;
        });
    }

    void stop(long cameraId) {
        command(reach.camera(cameraId), "video.ptz-stopped", new LinkedHashMap<>(), ptz -> {
            ptz.stop();
            return null;
        });
    }

    List<OnvifPtz.Preset> presets(long cameraId) {
        var camera = reach.camera(cameraId);
        var device = device(camera);
        try {
            return device.presets();
        } catch (OnvifRefusal refusal) {
            throw refused(camera, refusal, null);
        }
    }

    void goTo(long cameraId, String presetToken) {
        var camera = reach.camera(cameraId);
        if (presetToken == null || !presetToken.matches("[\\w.:\\-]{1,64}")) {
            throw new InvalidInput("preset", "is not a preset's token (up to 64 letters, digits, '.', ':', '-' or '_')");
        }
        command(camera, "video.ptz-preset-recalled", new LinkedHashMap<>(Map.of("preset", presetToken)), ptz -> {
            ptz.goTo(presetToken);
            return null;
        });
    }

    OnvifPtz.Preset save(long cameraId, String name) {
        var camera = reach.camera(cameraId);
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "is required: what the position shows, such as 'Gate 2'");
        }
        String shown = name.strip();
        if (shown.length() > 64 || shown.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("name", "must be one line of at most 64 characters");
        }
        return command(camera, "video.ptz-preset-saved", new LinkedHashMap<>(Map.of("name", shown)), ptz -> ptz.save(shown));
    }

    @FunctionalInterface
    private interface Command<T> {
        T send(OnvifPtz ptz) throws OnvifRefusal;
    }

    /** Sends one command and audits it, done or not; a refusal becomes the problem the operator sees. */
    private <T> T command(CameraSummary camera, String action, Map<String, Object> details, Command<T> command) {
        var ptz = device(camera);
        try {
            T result = command.send(ptz);
            if (result instanceof OnvifPtz.Preset saved) {
                details.put("preset", saved.token());
            }
            details.put("outcome", "done");
            audit.record(action, "camera", Long.toString(camera.id()), null, details);
            return result;
        } catch (OnvifRefusal refusal) {
            details.put("outcome", refusal.why().name());
            details.put("problem", refusal.getMessage());
            audit.record(action, "camera", Long.toString(camera.id()), null, details);
            throw refused(camera, refusal, (String) details.get("preset"));
        }
    }

    /** Whether the camera is one SafeCity steers (what its device offers is known only when it is asked). */
    public static boolean steerable(CameraStreams camera) {
        return camera.camera().type() == CameraType.PTZ && camera.camera().partnerId() == null && camera.onvifAddress() != null;
    }

    /** The camera's PTZ device, once it is found one that can be steered. */
    private OnvifPtz device(CameraSummary camera) {
        String name = "Camera " + camera.id() + " (" + camera.name() + ")";
        if (camera.partnerId() != null) {
            throw new Conflict(name + " belongs to a commercial premises; SafeCity steers only the Authority's cameras.");
        }
        if (camera.type() != CameraType.PTZ) {
            throw new Conflict(name + " is a " + camera.type() + " camera; only a PTZ camera can be panned, tilted or zoomed.");
        }
        var streams = cameras.streams(camera.id()).orElseThrow(() -> new NotFound("camera", camera.id()));
        if (streams.onvifAddress() == null) {
            throw new Conflict(name + " has no ONVIF address; an administrator sets its onvifAddress (the device service, "
                + "such as http://10.20.1.11/onvif/device_service) to steer it.");
        }
        var credentials = cameras.streamCredentials(camera.id()).orElseThrow(() -> new Conflict(name
            + " has no stored credentials; its ONVIF device answers to the stream credentials, which an administrator sets."));
        var known = devices.get(camera.id());
        if (known != null && known.address().equals(streams.onvifAddress()) && known.credentials().equals(credentials)) {
            return known.ptz();
        }
        var soap = new OnvifSoap(credentials.username(), credentials.password(), clock, OnvifSoap.HostCheck.ANY, DEVICE_PATIENCE);
        var device = new Device(streams.onvifAddress(), credentials, new OnvifPtz(URI.create(streams.onvifAddress()), soap));
        devices.put(camera.id(), device);
        return device.ptz();
    }

    private RuntimeException refused(CameraSummary camera, OnvifRefusal refusal, String preset) {
        if (refusal.why() != OnvifRefusal.Why.FAULT) {
            devices.remove(camera.id()); // found again next time: the camera may have been replaced or reconfigured
        }
        String name = "Camera " + camera.id() + " (" + camera.name() + ")";
        return switch (refusal.why()) {
            case TIMED_OUT -> new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, name + " did not answer in time: "
                + refusal.getMessage() + ". Nothing is known to have moved; try again.");
            case UNREACHABLE -> new ResponseStatusException(HttpStatus.BAD_GATEWAY, name + " could not be reached: "
                + refusal.getMessage() + ". Check that the camera is on and its onvifAddress is right.");
            case WRONG_CREDENTIALS -> new ResponseStatusException(HttpStatus.BAD_GATEWAY, name
                + " refused its stored credentials; an administrator checks the camera's username and password.");
            case NO_SUCH_SERVICE -> new Conflict(name + " cannot be steered: " + refusal.getMessage() + ".");
            case FAULT -> preset != null && refusal.faultCode().contains("NoEntity")
                ? new NotFound("preset of camera " + camera.id(), preset)
                : new ResponseStatusException(HttpStatus.BAD_GATEWAY, name + " refused the command: " + refusal.getMessage() + ".");
            case NOT_ONVIF, ADDRESS_NOT_ALLOWED -> new ResponseStatusException(HttpStatus.BAD_GATEWAY, name
                + " did not answer as an ONVIF camera does: " + refusal.getMessage() + ".");
        };
    }
}
