package org.safecity.partners.internal.cameras;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A small ONVIF Profile S client: finds the media service through the device service (GetCapabilities,
 * then GetServices for a device that answers no capabilities), lists the media profiles (GetProfiles) and
 * each one's RTSP address (GetStreamUri). SOAP 1.2 over the JDK's HTTP client, every request signed with a
 * WS-Security UsernameToken PasswordDigest; answers read with the JDK's namespace-aware parser, without
 * document types (no external entities).
 */
final class OnvifDevice {

    static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String DEVICE = "http://www.onvif.org/ver10/device/wsdl";
    static final String MEDIA = "http://www.onvif.org/ver10/media/wsdl";
    static final String SCHEMA = "http://www.onvif.org/ver10/schema";
    private static final String DIGEST_TYPE =
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    private static final String BASE64_TYPE =
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";
    private static final Duration TIMEOUT = Duration.ofSeconds(8);
    private static final int MAX_ANSWER_BYTES = 1 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One media profile: an encoder's settings for one video source, and where its stream is pulled. */
    record Profile(String token, String name, String videoSource, String encoding, int width, int height, String streamUri) {
    }

    /** Why the device's streams could not be read. */
    static final class Refused extends Exception {
        enum Why { UNREACHABLE, WRONG_CREDENTIALS, NOT_ONVIF, ADDRESS_NOT_ALLOWED }

        final Why why;

        Refused(Why why, String message) {
            super(message);
            this.why = why;
        }
    }

    private final URI deviceService;
    private final String username;
    private final String password;
    private final HttpClient http;
    private final Clock clock;
    private final AddressPolicy addresses;

    /** {@code addresses} is asked before every request: a device may name a media service at any address. */
    OnvifDevice(URI deviceService, String username, String password, Clock clock, AddressPolicy addresses) {
        this.deviceService = deviceService;
        this.addresses = addresses;
        this.username = username;
        this.password = password;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Every media profile with its RTSP address, in the device's order. */
    List<Profile> profiles() throws Refused {
        URI media = mediaService();
        Document answer = call(media, "http://www.onvif.org/ver10/media/wsdl/GetProfiles", "<trt:GetProfiles/>");
        var profiles = new ArrayList<Profile>();
        for (Element p : children(answer.getDocumentElement(), MEDIA, "Profiles")) {
            String token = p.getAttribute("token");
            Element encoder = first(p, SCHEMA, "VideoEncoderConfiguration");
            if (encoder == null) {
                continue; // audio or metadata only
            }
            Element source = first(p, SCHEMA, "VideoSourceConfiguration");
            Element resolution = first(encoder, SCHEMA, "Resolution");
            Document uri = call(media, "http://www.onvif.org/ver10/media/wsdl/GetStreamUri", """
                <trt:GetStreamUri><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol>\
                </tt:Transport></trt:StreamSetup><trt:ProfileToken>%s</trt:ProfileToken></trt:GetStreamUri>""".formatted(escape(token)));
            Element mediaUri = first(uri.getDocumentElement(), SCHEMA, "Uri");
            if (mediaUri == null) {
                throw new Refused(Refused.Why.NOT_ONVIF, "the device named no stream address for profile " + token);
            }
            profiles.add(new Profile(token, text(first(p, SCHEMA, "Name")), source == null ? token : text(first(source, SCHEMA, "SourceToken")),
                text(first(encoder, SCHEMA, "Encoding")), number(first(resolution, SCHEMA, "Width")),
                number(first(resolution, SCHEMA, "Height")), mediaUri.getTextContent().strip()));
        }
        return profiles;
    }

    /** The media service's address: from the device's capabilities, or from its list of services. */
    URI mediaService() throws Refused {
        Document capabilities = call(deviceService, "http://www.onvif.org/ver10/device/wsdl/GetCapabilities",
            "<tds:GetCapabilities><tds:Category>Media</tds:Category></tds:GetCapabilities>");
        Element media = first(capabilities.getDocumentElement(), SCHEMA, "Media");
        Element address = media == null ? null : first(media, SCHEMA, "XAddr");
        if (address == null) {
            Document services = call(deviceService, "http://www.onvif.org/ver10/device/wsdl/GetServices",
                "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>");
            for (Element service : children(services.getDocumentElement(), DEVICE, "Service")) {
                if (MEDIA.equals(text(first(service, DEVICE, "Namespace")))) {
                    address = first(service, DEVICE, "XAddr");
                }
            }
        }
        if (address == null) {
            throw new Refused(Refused.Why.NOT_ONVIF, "the device offers no ONVIF media service");
        }
        try {
            URI uri = URI.create(address.getTextContent().strip());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new Refused(Refused.Why.NOT_ONVIF, "the device named a media service address that is not http(s)");
        }
    }

    private Document call(URI address, String action, String body) throws Refused {
        var refusal = addresses.refusal(address.getHost());
        if (refusal.isPresent()) {
            throw new Refused(Refused.Why.ADDRESS_NOT_ALLOWED, refusal.get());
        }
        var request = HttpRequest.newBuilder(address).timeout(TIMEOUT)
            .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + action + "\"")
            .POST(HttpRequest.BodyPublishers.ofString(envelope(body), StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Refused(Refused.Why.UNREACHABLE, "nothing answered at " + address.getHost() + ":" + port(address));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(Refused.Why.UNREACHABLE, "interrupted");
        }
        if (response.body().length > MAX_ANSWER_BYTES) {
            throw new Refused(Refused.Why.NOT_ONVIF, "the device's answer is larger than an ONVIF answer is");
        }
        Document answer;
        try {
            answer = parse(response.body());
        } catch (Refused e) {
            if (response.statusCode() == 401) {
                throw new Refused(Refused.Why.WRONG_CREDENTIALS, "the device refused the username and password");
            }
            throw e;
        }
        Element fault = first(answer.getDocumentElement(), SOAP, "Fault");
        if (fault != null || response.statusCode() >= 300) {
            String reason = fault == null ? "" : text(first(fault, SOAP, "Text"));
            String codes = fault == null ? "" : text(first(fault, SOAP, "Code"));
            if (response.statusCode() == 401 || codes.contains("NotAuthorized") || codes.contains("FailedAuthentication")) {
                throw new Refused(Refused.Why.WRONG_CREDENTIALS, "the device refused the username and password");
            }
            throw new Refused(Refused.Why.NOT_ONVIF, "the device answered with a fault (HTTP " + response.statusCode() + ")"
                + (reason.isBlank() ? "" : ": " + reason.strip()));
        }
        return answer;
    }

    String envelope(String body) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String created = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <s:Envelope xmlns:s="%s" xmlns:tds="%s" xmlns:trt="%s" xmlns:tt="%s"><s:Header>\
            <wsse:Security xmlns:wsse="%s" xmlns:wsu="%s" s:mustUnderstand="1"><wsse:UsernameToken>\
            <wsse:Username>%s</wsse:Username><wsse:Password Type="%s">%s</wsse:Password>\
            <wsse:Nonce EncodingType="%s">%s</wsse:Nonce><wsu:Created>%s</wsu:Created>\
            </wsse:UsernameToken></wsse:Security></s:Header><s:Body>%s</s:Body></s:Envelope>"""
            .formatted(SOAP, DEVICE, MEDIA, SCHEMA, WSSE, WSU, escape(username), DIGEST_TYPE, digest(nonce, created, password),
                BASE64_TYPE, Base64.getEncoder().encodeToString(nonce), created, body);
    }

    /** WS-Security's PasswordDigest: Base64(SHA-1(nonce + created + password)). */
    static String digest(byte[] nonce, String created, String password) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Namespace-aware, refusing document types, so an answer cannot pull in files or addresses. */
    static Document parse(byte[] xml) throws Refused {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new Refused(Refused.Why.NOT_ONVIF, "the device's answer is not SOAP");
        }
    }

    static Element first(Element under, String namespace, String name) {
        if (under == null) {
            return null;
        }
        var found = under.getElementsByTagNameNS(namespace, name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    static List<Element> children(Element under, String namespace, String name) {
        var found = under.getElementsByTagNameNS(namespace, name);
        var list = new ArrayList<Element>();
        for (int i = 0; i < found.getLength(); i++) {
            list.add((Element) found.item(i));
        }
        return list;
    }

    private static String text(Node node) {
        return node == null ? "" : node.getTextContent().strip();
    }

    private static int number(Node node) {
        try {
            return Integer.parseInt(text(node));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
