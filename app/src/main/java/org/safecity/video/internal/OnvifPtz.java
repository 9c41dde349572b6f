package org.safecity.video.internal;

import static org.safecity.shared.onvif.OnvifSoap.MEDIA;
import static org.safecity.shared.onvif.OnvifSoap.PTZ;
import static org.safecity.shared.onvif.OnvifSoap.SCHEMA;
import static org.safecity.shared.onvif.OnvifSoap.children;
import static org.safecity.shared.onvif.OnvifSoap.escape;
import static org.safecity.shared.onvif.OnvifSoap.first;
import static org.safecity.shared.onvif.OnvifSoap.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.safecity.shared.onvif.OnvifRefusal;
import org.safecity.shared.onvif.OnvifSoap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One camera's ONVIF PTZ service (ONVIF PTZ Service Specification, ver20): continuous moves with a timeout, stop,
 * and presets, on the first media profile that has a PTZ configuration. The PTZ service and that profile are found
 * once (GetCapabilities or GetServices, then GetProfiles) and kept, so a held arrow costs one request.
 *
 * <p>Every request goes to the host and port the camera was registered with: the services' addresses a device
 * names are taken for their paths only, since a device behind NAT names addresses SafeCity cannot reach, and a
 * device is not to send SafeCity's requests elsewhere.
 */
final class OnvifPtz {

    /** A position the camera keeps under a token of its own choosing. */
    record Preset(String token, String name) {
    }

    /** The PTZ service and the media profile it steers. */
    private record Target(URI service, String profile) {
    }

    private final URI deviceService;
    private final OnvifSoap soap;
    private volatile Target target;

    OnvifPtz(URI deviceService, OnvifSoap soap) {
        this.deviceService = deviceService;
        this.soap = soap;
    }

    /** Moves at these velocities (each -1 to 1; 0 leaves that axis still) until stopped or {@code timeout} passes. */
    void move(double pan, double tilt, double zoom, Duration timeout) throws OnvifRefusal {
        var t = target();
        var velocity = new StringBuilder();
        if (pan != 0 || tilt != 0) {
            velocity.append("<tt:PanTilt x=\"").append(number(pan)).append("\" y=\"").append(number(tilt)).append("\"/>");
        }
        if (zoom != 0) {
            velocity.append("<tt:Zoom x=\"").append(number(zoom)).append("\"/>");
        }
        soap.call(t.service(), PTZ + "/ContinuousMove", """
            <tptz:ContinuousMove><tptz:ProfileToken>%s</tptz:ProfileToken><tptz:Velocity>%s</tptz:Velocity>\
            <tptz:Timeout>%s</tptz:Timeout></tptz:ContinuousMove>""".formatted(escape(t.profile()), velocity, timeout));
    }

    /** Stops every movement: pan, tilt and zoom. */
    void stop() throws OnvifRefusal {
        var t = target();
        soap.call(t.service(), PTZ + "/Stop", """
            <tptz:Stop><tptz:ProfileToken>%s</tptz:ProfileToken><tptz:PanTilt>true</tptz:PanTilt><tptz:Zoom>true</tptz:Zoom>\
            </tptz:Stop>""".formatted(escape(t.profile())));
    }

    /** The presets in the camera's order. */
    List<Preset> presets() throws OnvifRefusal {
        var t = target();
        Document answer = soap.call(t.service(), PTZ + "/GetPresets",
            "<tptz:GetPresets><tptz:ProfileToken>%s</tptz:ProfileToken></tptz:GetPresets>".formatted(escape(t.profile())));
        var presets = new ArrayList<Preset>();
        for (Element p : children(answer.getDocumentElement(), PTZ, "Preset")) {
            presets.add(new Preset(p.getAttribute("token"), text(first(p, SCHEMA, "Name"))));
        }
        return presets;
    }

    void goTo(String presetToken) throws OnvifRefusal {
        var t = target();
        soap.call(t.service(), PTZ + "/GotoPreset", """
            <tptz:GotoPreset><tptz:ProfileToken>%s</tptz:ProfileToken><tptz:PresetToken>%s</tptz:PresetToken>\
            </tptz:GotoPreset>""".formatted(escape(t.profile()), escape(presetToken)));
    }

    /** Saves the present position as a new preset named {@code name}; the camera chooses its token. */
    Preset save(String name) throws OnvifRefusal {
        var t = target();
        Document answer = soap.call(t.service(), PTZ + "/SetPreset", """
            <tptz:SetPreset><tptz:ProfileToken>%s</tptz:ProfileToken><tptz:PresetName>%s</tptz:PresetName>\
            </tptz:SetPreset>""".formatted(escape(t.profile()), escape(name)));
        String token = text(first(answer.getDocumentElement(), PTZ, "PresetToken"));
        if (token.isEmpty()) {
            throw new OnvifRefusal(OnvifRefusal.Why.NOT_ONVIF, "the camera saved the preset but named no token for it");
        }
        return new Preset(token, name);
    }

    private Target target() throws OnvifRefusal {
        var known = target;
        if (known != null) {
            return known;
        }
        URI ptz = here(soap.service(deviceService, "PTZ", PTZ));
        URI media = here(soap.service(deviceService, "Media", MEDIA));
        Document profiles = soap.call(media, MEDIA + "/GetProfiles", "<trt:GetProfiles/>");
        for (Element p : children(profiles.getDocumentElement(), MEDIA, "Profiles")) {
            if (first(p, SCHEMA, "PTZConfiguration") != null && !p.getAttribute("token").isEmpty()) {
                target = new Target(ptz, p.getAttribute("token"));
                return target;
            }
        }
        throw new OnvifRefusal(OnvifRefusal.Why.NO_SUCH_SERVICE, "no media profile of the device has a PTZ configuration");
    }

    /** The path the device named, at the host and port the camera was registered with. */
    private URI here(URI named) throws OnvifRefusal {
        try {
            return new URI(deviceService.getScheme(), null, deviceService.getHost(), deviceService.getPort(),
                named.getPath() == null || named.getPath().isEmpty() ? "/" : named.getPath(), named.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new OnvifRefusal(OnvifRefusal.Why.NOT_ONVIF, "the device named a service address that cannot be read");
        }
    }

    /** A velocity as xs:float, to a thousandth, never in exponent form. */
    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
