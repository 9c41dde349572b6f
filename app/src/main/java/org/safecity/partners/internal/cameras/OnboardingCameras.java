package org.safecity.partners.internal.cameras;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.safecity.partners.internal.Access;
import org.safecity.partners.internal.compliance.EvaluatingCompliance;
import org.safecity.partners.internal.compliance.Requirement;
import org.safecity.partners.internal.compliance.Requirements;
import org.safecity.partners.internal.premises.Premises;
import org.safecity.partners.internal.premises.PremisesStore;
import org.safecity.partners.internal.premises.Registration;
import org.safecity.registry.PartnerCameraRegister;
import org.safecity.registry.StreamCredentials;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.shared.TimeConfiguration;
import org.safecity.shared.onvif.OnvifRefusal;
import org.safecity.video.StreamProbe;
import org.springframework.stereotype.Service;

/**
 * A premises' manager (or the compliance staff) adds its cameras: each stream is probed before it is
 * accepted and joins the registry as a partner camera, recorded or view-only as its category says.
 * Given an ONVIF device (a camera or an NVR), its stream addresses are read from it: per video source
 * (an NVR's channel) the profile of the highest resolution is the one added.
 */
@Service
class OnboardingCameras {

    private static final int MAX_ADDRESS = 500;

    /** What became of one stream: accepted (and its camera), or refused and why. */
    record Outcome(String name, String stream, StreamAcceptance.Verdict verdict, Long cameraId, boolean created) {
    }

    private final PremisesStore premises;
    private final Requirements requirements;
    private final StreamProbe probe;
    private final PartnerCameraRegister register;
    private final EvaluatingCompliance evaluating;
    private final Clock clock;
    private final AddressPolicy addresses;
    private final CheckingViewOnlyCameras checks;

    OnboardingCameras(PremisesStore premises, Requirements requirements, StreamProbe probe, PartnerCameraRegister register,
                      EvaluatingCompliance evaluating, Clock clock, AddressPolicy addresses, CheckingViewOnlyCameras checks) {
        this.addresses = addresses;
        this.checks = checks;
        this.premises = premises;
        this.requirements = requirements;
        this.probe = probe;
        this.register = register;
        this.evaluating = evaluating;
        this.clock = clock;
    }

    Outcome addStream(long premisesId, String name, String address, String username, String password) {
        var p = registered(premisesId);
        String stream = rtspAddress(address);
        addresses.refusal(URI.create(stream).getHost()).ifPresent(refusal -> {
            throw new InvalidInput("streamAddress", refusal);
        });
        String cameraName = cameraName(name);
        var outcome = probeAndEnrol(p, cameraName, stream, credentials(username, password));
        evaluating.evaluate(p.id());
        return outcome;
    }

    List<Outcome> addOnvifDevice(long premisesId, String name, String deviceAddress, String username, String password) {
        var p = registered(premisesId);
        URI device = deviceAddress(deviceAddress);
        String prefix = cameraName(name);
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new InvalidInput("username", "and password are required: the ONVIF account of the camera or recorder");
        }
        List<OnvifDevice.Profile> profiles;
        try {
            profiles = new OnvifDevice(device, username.strip(), password, clock, addresses).profiles();
        } catch (OnvifRefusal refused) {
            throw new InvalidInput("deviceAddress", switch (refused.why()) {
                case UNREACHABLE, TIMED_OUT -> "Nothing answered at this address: check the address and port, and that the device "
                    + "can be reached from the Safe City network.";
                case WRONG_CREDENTIALS -> "The device refused the username and password.";
                case NOT_ONVIF, NO_SUCH_SERVICE, FAULT -> "The device did not answer as an ONVIF camera or recorder does: " + refused.getMessage() + ".";
                case ADDRESS_NOT_ALLOWED -> refused.getMessage();
            });
        }
        // per video source the profile of the most pixels: the main stream of a camera or an NVR's channel
        var bySource = new LinkedHashMap<String, OnvifDevice.Profile>();
        for (var profile : profiles) {
            bySource.merge(profile.videoSource(), profile, (a, b) -> pixels(b) > pixels(a) ? b : a);
        }
        if (bySource.isEmpty()) {
            throw new InvalidInput("deviceAddress", "The device has no video profile.");
        }
        var credentials = new StreamCredentials(username.strip(), password);
        var outcomes = new ArrayList<Outcome>();
        int n = 0;
        for (var profile : bySource.values()) {
            n++;
            String cameraName = bySource.size() == 1 ? prefix : prefix + " " + n;
            String stream;
            try {
                stream = rtspAddress(profile.streamUri());
            } catch (InvalidInput e) {
                outcomes.add(new Outcome(cameraName, profile.streamUri(),
                    new StreamAcceptance.Refused("The device named a stream address that is not RTSP."), null, false));
                continue;
            }
            var refusal = addresses.refusal(URI.create(stream).getHost());
            if (refusal.isPresent()) {
                outcomes.add(new Outcome(cameraName, stream, new StreamAcceptance.Refused(refusal.get()), null, false));
                continue;
            }
            outcomes.add(probeAndEnrol(p, cameraName, stream, credentials));
        }
        evaluating.evaluate(p.id());
        return outcomes;
    }

    private Outcome probeAndEnrol(Premises p, String name, String stream, StreamCredentials credentials) {
        Optional<Requirement> requirement = Requirement.inForce(requirements.all(), p.category(), LocalDate.now(clock.withZone(
            TimeConfiguration.DISPLAY_ZONE)));
        var verdict = StreamAcceptance.judge(probe.probe(stream, credentials), requirement);
        if (!(verdict instanceof StreamAcceptance.Accepted accepted)) {
            return new Outcome(name, stream, verdict, null, false);
        }
        var enrolled = register.enrol(
            new PartnerCameraRegister.Premises(p.id(), p.name(), p.cityCode(), p.zoneCode(), p.location().lat(), p.location().lon()),
            new PartnerCameraRegister.NewCamera(name, stream, credentials, accepted.resolution(), "not stated", "not stated",
                accepted.recorded()));
        if (!accepted.recorded()) {
            // the probe that accepted it heard it: a view-only camera counts as heard from until its first check
            checks.answered(enrolled.cameraId(), clock.instant());
        }
        return new Outcome(name, stream, verdict, enrolled.cameraId(), enrolled.created());
    }

    /** The premises if the caller reaches it and it is on the register; cameras join only a registered premises. */
    private Premises registered(long id) {
        var p = Access.reach(premises.find(id).orElseThrow(() -> new NotFound("premises", id)));
        if (p.registration() != Registration.REGISTERED) {
            throw new Conflict("Premises " + id + " is " + p.registration() + ": cameras join once it is registered.");
        }
        return p;
    }

    private static String cameraName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "is required: what the camera shows, e.g. \"Main entrance\"");
        }
        if (name.strip().length() > 100) {
            throw new InvalidInput("name", "must be at most 100 characters");
        }
        return name.strip();
    }

    static String rtspAddress(String address) {
        if (address == null || address.isBlank()) {
            throw new InvalidInput("streamAddress", "is required: the camera's RTSP address, e.g. rtsp://192.0.2.10:554/stream1");
        }
        String a = address.strip();
        URI uri;
        try {
            uri = new URI(a);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInput("streamAddress", "is not an address: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (a.length() > MAX_ADDRESS || !scheme.equals("rtsp") && !scheme.equals("rtsps") || uri.getHost() == null) {
            throw new InvalidInput("streamAddress", "must be an rtsp:// or rtsps:// address with a host, of at most " + MAX_ADDRESS
                + " characters");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInput("streamAddress", "must not hold the username and password: give them as username and password");
        }
        return a;
    }

    private static URI deviceAddress(String address) {
        if (address == null || address.isBlank()) {
            throw new InvalidInput("deviceAddress", "is required: the device service, e.g. http://192.0.2.10/onvif/device_service");
        }
        try {
            URI uri = new URI(address.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (address.length() > MAX_ADDRESS || !scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
                throw new java.net.URISyntaxException(address, "not an http(s) address");
            }
            if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
                uri = uri.resolve("/onvif/device_service");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInput("deviceAddress", "must be the device's http:// or https:// address without credentials, of at most "
                + MAX_ADDRESS + " characters");
        }
    }

    private static StreamCredentials credentials(String username, String password) {
        boolean user = username != null && !username.isBlank();
        boolean pass = password != null && !password.isEmpty();
        if (user != pass) {
            throw new InvalidInput(user ? "password" : "username", "is required with the " + (user ? "username" : "password"));
        }
        if (user && (username.strip().length() > 100 || password.length() > 200)) {
            throw new InvalidInput("username", "must be at most 100 characters, and the password at most 200");
        }
        return user ? new StreamCredentials(username.strip(), password) : null;
    }

    private static long pixels(OnvifDevice.Profile p) {
        return (long) p.width() * p.height();
    }

    static Map<String, Object> view(Outcome o) {
        var row = new LinkedHashMap<String, Object>();
        row.put("name", o.name());
        row.put("streamAddress", o.stream());
        switch (o.verdict()) {
            case StreamAcceptance.Accepted a -> {
                row.put("accepted", true);
                row.put("cameraId", o.cameraId());
                row.put("created", o.created());
                row.put("codec", a.codec());
                row.put("resolution", a.resolution());
                row.put("frameRate", a.frameRate());
                row.put("bitrate", a.bitrate());
                row.put("recorded", a.recorded());
            }
            case StreamAcceptance.Refused r -> {
                row.put("accepted", false);
                row.put("reason", r.reason());
            }
        }
        return row;
    }

}
