package org.safecity.registry.internal.cameras;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.safecity.registry.CameraInstallation;
import org.safecity.registry.CameraType;
import org.safecity.registry.StreamCredentials;
import org.safecity.registry.internal.Checked;
import org.safecity.registry.internal.Choices;
import org.safecity.registry.internal.NetworkReference;
import org.safecity.registry.internal.Visibility;
import org.safecity.registry.internal.sites.SiteRules;
import org.safecity.shared.GeoPoint;
import org.safecity.shared.InvalidInput.FieldError;

/**
 * What makes a camera acceptable: a site in service the person may see, make, model and a
 * resolution such as 3840x2160, a type, where it faces (a PTZ turns, so it may leave that out),
 * RTSP streams, an ONVIF device service if it has one, an owner (a premises camera names its partner), and a status the policy allows.
 */
public final class CameraRules {

    /** A camera standing apart from its site's point stays near it; further away it is another site. */
    static final double MAX_OFFSET_METRES = 1000;

    private CameraRules() {
    }

    public static Checked<CameraDraft> check(CameraInput in, NetworkReference.Snapshot ref, Camera existing, Visibility visibility,
                                      LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        NetworkReference.SiteRef site = site(in, ref, visibility, errors);
        String name = required(in.name(), "name", 120, errors);
        String make = required(in.make(), "make", 60, errors);
        String model = required(in.model(), "model", 80, errors);
        String resolution = required(in.resolution(), "resolution", 20, errors);
        if (resolution != null) {
            resolution = resolution.toLowerCase(Locale.ROOT);
            if (!resolution.matches("[1-9]\\d{2,4}x[1-9]\\d{2,4}")) {
                errors.add(new FieldError("resolution", "must be width x height in pixels, such as 3840x2160"));
            }
        }
        CameraType type = null;
        if (in.type() == null || in.type().isBlank()) {
            errors.add(new FieldError("type", "is required: one of " + Choices.of(CameraType.class)));
        } else {
            type = Choices.parse(CameraType.class, in.type()).orElse(null);
            if (type == null) {
                errors.add(new FieldError("type", "must be one of " + Choices.of(CameraType.class) + ", got '" + in.type().strip() + "'"));
            }
        }
        if (in.heading() == null) {
            if (type != null && type != CameraType.PTZ) {
                errors.add(new FieldError("heading", "is required for a " + type + " camera: compass degrees 0 to 359"));
            }
        } else if (in.heading() < 0 || in.heading() > 359) {
            errors.add(new FieldError("heading", "must be between 0 and 359"));
        }
        if (in.fieldOfView() == null) {
            if (type != null && type != CameraType.PTZ) {
                errors.add(new FieldError("fieldOfView", "is required for a " + type + " camera: degrees 1 to 360"));
            }
        } else if (in.fieldOfView() < 1 || in.fieldOfView() > 360) {
            errors.add(new FieldError("fieldOfView", "must be between 1 and 360"));
        }
        String main = stream(in.mainStream(), "mainStream", true, errors);
        String sub = stream(in.subStream(), "subStream", false, errors);
        String onvif = onvifAddress(in.onvifAddress(), errors);
        StreamCredentials credentials = null;
        if (in.credentials() != null) {
            String user = in.credentials().username();
            String password = in.credentials().password();
            if (user == null || user.isBlank()) {
                errors.add(new FieldError("credentials.username", "is required with a password"));
            } else if (user.contains("\n") || user.length() > 100) {
                errors.add(new FieldError("credentials.username", "must be one line of at most 100 characters"));
            }
            if (password == null || password.isEmpty()) {
                errors.add(new FieldError("credentials.password", "is required with a username"));
            } else if (password.length() > 200) {
                errors.add(new FieldError("credentials.password", "must be at most 200 characters"));
            }
            if (user != null && !user.isBlank() && password != null && !password.isEmpty()) {
                credentials = new StreamCredentials(user.strip(), password);
            }
        }
        boolean clear = Boolean.TRUE.equals(in.clearCredentials());
        if (clear && credentials != null) {
            errors.add(new FieldError("clearCredentials", "cannot be set together with new credentials"));
        }
        Owner owner = Owner.AUTHORITY;
        if (in.owner() != null && !in.owner().isBlank()) {
            owner = Choices.parse(Owner.class, in.owner()).orElse(null);
            if (owner == null) {
                errors.add(new FieldError("owner", "must be one of " + Choices.of(Owner.class) + ", got '" + in.owner().strip() + "'"));
            }
        }
        if (owner == Owner.PREMISES && in.partnerId() == null) {
            errors.add(new FieldError("partnerId", "is required for a PREMISES camera: the partner that owns it"));
        }
        if (owner == Owner.AUTHORITY && in.partnerId() != null) {
            errors.add(new FieldError("partnerId", "must be empty for an AUTHORITY camera"));
        }
        CameraInstallation status = existing == null ? CameraInstallation.PLANNED : existing.installation();
        if (in.installation() != null && !in.installation().isBlank()) {
            String given = in.installation().strip();
            status = Choices.parse(CameraInstallation.class, given).orElse(null);
            if (given.equalsIgnoreCase("ONLINE") || given.equalsIgnoreCase("OFFLINE")) {
                errors.add(new FieldError("installation", "a camera's being online or offline is observed from its video and "
                    + "detections, not set; give its installation: " + Choices.of(CameraInstallation.class)));
            } else if (status == null) {
                errors.add(new FieldError("installation", "must be one of " + Choices.of(CameraInstallation.class) + ", got '" + given + "'"));
            } else if (existing != null && InstallationPolicy.decide(existing.installation(), status) instanceof InstallationPolicy.Refused refused) {
                errors.add(new FieldError("installation", refused.reason()));
            }
        }
        LocalDate installedOn = in.installedOn();
        if (installedOn != null && installedOn.isAfter(today)) {
            errors.add(new FieldError("installedOn", "cannot be in the future"));
        }
        if (status == CameraInstallation.PLANNED && installedOn != null) {
            errors.add(new FieldError("installedOn", "must be empty while the camera is PLANNED"));
        }
        if (status != null && status.isInstalled() && installedOn == null) {
            installedOn = existing != null && existing.installedOn() != null ? existing.installedOn() : today;
        }
        GeoPoint location = null;
        if (in.lat() != null || in.lon() != null) {
            location = SiteRules.location(in.lat(), in.lon(), errors);
            if (location != null && site != null
                && location.metresTo(new GeoPoint(site.lat(), site.lon())) > MAX_OFFSET_METRES) {
                errors.add(new FieldError("lat", "must be within " + (int) MAX_OFFSET_METRES + " m of the camera's site"));
            }
        }
        if (!errors.isEmpty()) {
            return new Checked.Invalid<>(errors);
        }
        return new Checked.Valid<>(new CameraDraft(site.id(), name, make, model, resolution, type, in.heading(),
            in.fieldOfView(), main, sub, credentials, clear, owner, in.partnerId(), status, installedOn, location, onvif));
    }

    private static NetworkReference.SiteRef site(CameraInput in, NetworkReference.Snapshot ref, Visibility visibility,
                                                 List<FieldError> errors) {
        NetworkReference.SiteRef site;
        if (in.siteId() != null) {
            site = ref.site(in.siteId()).orElse(null);
            if (site == null || !visibility.covers(site.cityCode(), site.zoneCode())) {
                errors.add(new FieldError("siteId", "is not a site in service: " + in.siteId()));
                return null;
            }
            return site;
        }
        if (in.siteName() == null || in.siteName().isBlank()) {
            errors.add(new FieldError("siteId", "is required (or siteName with city)"));
            return null;
        }
        var city = ref.city(in.city());
        if (city.isEmpty()) {
            errors.add(new FieldError("city", in.city() == null || in.city().isBlank()
                ? "is required with siteName" : "is not a known city: '" + in.city().strip() + "'"));
            return null;
        }
        site = ref.site(city.get().code(), in.siteName()).orElse(null);
        if (site == null || !visibility.covers(site.cityCode(), site.zoneCode())) {
            errors.add(new FieldError("siteName", "is not a site in service in " + city.get().name() + ": '" + in.siteName().strip() + "'"));
            return null;
        }
        return site;
    }

    private static String required(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (value.strip().length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return value.strip();
    }

    /**
     * An ONVIF device service: an http(s) address with a host, such as http://10.20.1.11/onvif/device_service; the
     * device answers to the stream credentials, so none belong in the address. Blank means none.
     */
    private static String onvifAddress(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > 500) {
            errors.add(new FieldError("onvifAddress", "must be at most 500 characters"));
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                errors.add(new FieldError("onvifAddress", "must be an http:// or https:// address, such as http://10.20.1.11/onvif/device_service"));
            } else if (uri.getHost() == null) {
                errors.add(new FieldError("onvifAddress", "must name a host, such as http://10.20.1.11/onvif/device_service"));
            } else if (uri.getUserInfo() != null) {
                errors.add(new FieldError("onvifAddress", "must not carry a username or password: the device answers to the stream credentials"));
            } else if (uri.getFragment() != null) {
                errors.add(new FieldError("onvifAddress", "must not end in a #fragment"));
            } else {
                return scheme + text.substring(scheme.length()); // the database checks the scheme in lower case
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError("onvifAddress", "is not a valid address: " + e.getReason()));
        }
        return null;
    }

    /** An RTSP address with a host; credentials belong in their own fields, not in the address. */
    private static String stream(String value, String field, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required: an rtsp:// address"));
            }
            return null;
        }
        String text = value.strip();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("rtsp") && !scheme.equals("rtsps")) {
                errors.add(new FieldError(field, "must be an rtsp:// or rtsps:// address"));
            } else if (uri.getHost() == null) {
                errors.add(new FieldError(field, "must name a host, such as rtsp://10.20.1.11:554/Streaming/Channels/101"));
            } else if (uri.getUserInfo() != null) {
                errors.add(new FieldError(field, "must not carry a username or password; put them in credentials"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError(field, "is not a valid address: " + e.getReason()));
        }
        return text;
    }
}
