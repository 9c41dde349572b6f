package org.safecity.partners.internal.cameras;

import static org.safecity.shared.onvif.OnvifSoap.MEDIA;
import static org.safecity.shared.onvif.OnvifSoap.SCHEMA;
import static org.safecity.shared.onvif.OnvifSoap.children;
import static org.safecity.shared.onvif.OnvifSoap.escape;
import static org.safecity.shared.onvif.OnvifSoap.first;
import static org.safecity.shared.onvif.OnvifSoap.text;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.safecity.shared.onvif.OnvifRefusal;
import org.safecity.shared.onvif.OnvifSoap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A small ONVIF Profile S client: finds the media service through the device service (GetCapabilities,
 * then GetServices for a device that answers no capabilities), lists the media profiles (GetProfiles) and
 * each one's RTSP address (GetStreamUri). Requests are signed and answers read by {@link OnvifSoap}.
 */
final class OnvifDevice {

    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    /** One media profile: an encoder's settings for one video source, and where its stream is pulled. */
    record Profile(String token, String name, String videoSource, String encoding, int width, int height, String streamUri) {
    }

    private final URI deviceService;
    private final OnvifSoap soap;

    /** {@code addresses} is asked before every request: a device may name a media service at any address. */
    OnvifDevice(URI deviceService, String username, String password, Clock clock, AddressPolicy addresses) {
        this.deviceService = deviceService;
        this.soap = new OnvifSoap(username, password, clock, addresses::refusal, TIMEOUT);
    }

    /** Every media profile with its RTSP address, in the device's order. */
    List<Profile> profiles() throws OnvifRefusal {
        URI media = mediaService();
        Document answer = soap.call(media, MEDIA + "/GetProfiles", "<trt:GetProfiles/>");
        var profiles = new ArrayList<Profile>();
        for (Element p : children(answer.getDocumentElement(), MEDIA, "Profiles")) {
            String token = p.getAttribute("token");
            Element encoder = first(p, SCHEMA, "VideoEncoderConfiguration");
            if (encoder == null) {
                continue; // audio or metadata only
            }
            Element source = first(p, SCHEMA, "VideoSourceConfiguration");
            Element resolution = first(encoder, SCHEMA, "Resolution");
            Document uri = soap.call(media, MEDIA + "/GetStreamUri", """
                <trt:GetStreamUri><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol>\
                </tt:Transport></trt:StreamSetup><trt:ProfileToken>%s</trt:ProfileToken></trt:GetStreamUri>""".formatted(escape(token)));
            Element mediaUri = first(uri.getDocumentElement(), SCHEMA, "Uri");
            if (mediaUri == null) {
                throw new OnvifRefusal(OnvifRefusal.Why.NOT_ONVIF, "the device named no stream address for profile " + token);
            }
            profiles.add(new Profile(token, text(first(p, SCHEMA, "Name")), source == null ? token : text(first(source, SCHEMA, "SourceToken")),
                text(first(encoder, SCHEMA, "Encoding")), number(first(resolution, SCHEMA, "Width")),
                number(first(resolution, SCHEMA, "Height")), mediaUri.getTextContent().strip()));
        }
        return profiles;
    }

    /** The media service's address: from the device's capabilities, or from its list of services. */
    URI mediaService() throws OnvifRefusal {
        return soap.service(deviceService, "Media", MEDIA);
    }

    private static int number(Node node) {
        try {
            return Integer.parseInt(text(node));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
