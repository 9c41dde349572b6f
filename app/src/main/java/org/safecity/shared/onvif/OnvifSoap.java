package org.safecity.shared.onvif;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * One ONVIF device's account, and the requests made with it: SOAP 1.2 over the JDK's HTTP client, every request
 * signed with a WS-Security UsernameToken PasswordDigest; answers read with the JDK's namespace-aware parser,
 * without document types (no external entities). The envelope declares the prefixes {@code tds} (device),
 * {@code trt} (media), {@code tptz} (PTZ) and {@code tt} (schema) for the bodies written in them.
 */
public final class OnvifSoap {

    public static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public static final String DEVICE = "http://www.onvif.org/ver10/device/wsdl";
    public static final String MEDIA = "http://www.onvif.org/ver10/media/wsdl";
    public static final String PTZ = "http://www.onvif.org/ver20/ptz/wsdl";
    public static final String SCHEMA = "http://www.onvif.org/ver10/schema";
    private static final String DIGEST_TYPE =
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    private static final String BASE64_TYPE =
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_ANSWER_BYTES = 1 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One client for every device: it keeps connections to a device it is asked again and again (a PTZ held down).
     * HTTP/1.1 only, since a camera's small web server may not take the offer of an upgrade to HTTP/2.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    /** Why SafeCity will not connect to a host, asked before every request; empty when it may. */
    @FunctionalInterface
    public interface HostCheck {
        HostCheck ANY = host -> Optional.empty();

        Optional<String> refusal(String host);
    }

    private final String username;
    private final String password;
    private final Clock clock;
    private final HostCheck hosts;
    private final Duration timeout;

    /** {@code hosts} is asked before every request: a device may name a service at any address. */
    public OnvifSoap(String username, String password, Clock clock, HostCheck hosts, Duration timeout) {
        this.username = username;
        this.password = password;
        this.clock = clock;
        this.hosts = hosts;
        this.timeout = timeout;
    }

    /**
     * The address of one of the device's services: from its capabilities ({@code category} as GetCapabilities names
     * it, e.g. {@code Media} or {@code PTZ}), or else from its list of services ({@code namespace}).
     */
    public URI service(URI deviceService, String category, String namespace) throws OnvifRefusal {
        Element address = null;
        try {
            Document capabilities = call(deviceService, DEVICE + "/GetCapabilities",
                "<tds:GetCapabilities><tds:Category>" + escape(category) + "</tds:Category></tds:GetCapabilities>");
            address = first(first(capabilities.getDocumentElement(), SCHEMA, category), SCHEMA, "XAddr");
        } catch (OnvifRefusal e) {
            // a device without the category answers a fault (ter:NoSuchService); its list of services is asked instead
            if (e.why() != OnvifRefusal.Why.FAULT) {
                throw e;
            }
        }
        if (address == null) {
            Document services = call(deviceService, DEVICE + "/GetServices",
                "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>");
            for (Element service : children(services.getDocumentElement(), DEVICE, "Service")) {
                if (namespace.equals(text(first(service, DEVICE, "Namespace")))) {
                    address = first(service, DEVICE, "XAddr");
                }
            }
        }
        String what = category.equals("PTZ") ? "PTZ" : category.toLowerCase(java.util.Locale.ROOT);
        if (address == null) {
            throw new OnvifRefusal(OnvifRefusal.Why.NO_SUCH_SERVICE, "the device offers no ONVIF " + what + " service");
        }
        try {
            URI uri = URI.create(address.getTextContent().strip());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new OnvifRefusal(OnvifRefusal.Why.NOT_ONVIF, "the device named a " + what + " service address that is not http(s)");
        }
    }

    /** Sends {@code body} (written with the envelope's prefixes) to {@code address} as the SOAP action {@code action}. */
    public Document call(URI address, String action, String body) throws OnvifRefusal {
        var refusal = hosts.refusal(address.getHost());
        if (refusal.isPresent()) {
            throw new OnvifRefusal(OnvifRefusal.Why.ADDRESS_NOT_ALLOWED, refusal.get());
        }
        var request = HttpRequest.newBuilder(address).timeout(timeout)
            .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + action + "\"")
            .POST(HttpRequest.BodyPublishers.ofString(envelope(body), StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new OnvifRefusal(OnvifRefusal.Why.TIMED_OUT, "the device at " + address.getHost() + ":" + port(address)
                + " did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new OnvifRefusal(OnvifRefusal.Why.UNREACHABLE, "nothing answered at " + address.getHost() + ":" + port(address));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnvifRefusal(OnvifRefusal.Why.UNREACHABLE, "interrupted");
        }
        if (response.body().length > MAX_ANSWER_BYTES) {
            throw new OnvifRefusal(OnvifRefusal.Why.NOT_ONVIF, "the device's answer is larger than an ONVIF answer is");
        }
        Document answer;
        try {
            answer = parse(response.body());
        } catch (OnvifRefusal e) {
            if (response.statusCode() == 401) {
                throw new OnvifRefusal(OnvifRefusal.Why.WRONG_CREDENTIALS, "the device refused the username and password");
            }
            throw e;
        }
        Element fault = first(answer.getDocumentElement(), SOAP, "Fault");
        if (fault != null || response.statusCode() >= 300) {
            String reason = fault == null ? "" : text(first(fault, SOAP, "Text"));
            String codes = fault == null ? "" : text(first(fault, SOAP, "Code")).replaceAll("\\s+", " ");
            if (response.statusCode() == 401 || codes.contains("NotAuthorized") || codes.contains("FailedAuthentication")) {
                throw new OnvifRefusal(OnvifRefusal.Why.WRONG_CREDENTIALS, "the device refused the username and password");
            }
            String message = "the device answered with a fault (HTTP " + response.statusCode() + ")"
                + (reason.isBlank() ? "" : ": " + reason.strip());
            throw fault == null ? new OnvifRefusal(OnvifRefusal.Why.NOT_ONVIF, message)
                : new OnvifRefusal(OnvifRefusal.Why.FAULT, message, codes);
        }
        return answer;
    }

    String envelope(String body) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String created = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <s:Envelope xmlns:s="%s" xmlns:tds="%s" xmlns:trt="%s" xmlns:tptz="%s" xmlns:tt="%s"><s:Header>\
            <wsse:Security xmlns:wsse="%s" xmlns:wsu="%s" s:mustUnderstand="1"><wsse:UsernameToken>\
            <wsse:Username>%s</wsse:Username><wsse:Password Type="%s">%s</wsse:Password>\
            <wsse:Nonce EncodingType="%s">%s</wsse:Nonce><wsu:Created>%s</wsu:Created>\
            </wsse:UsernameToken></wsse:Security></s:Header><s:Body>%s</s:Body></s:Envelope>"""
            .formatted(SOAP, DEVICE, MEDIA, PTZ, SCHEMA, WSSE, WSU, escape(username), DIGEST_TYPE, digest(nonce, created, password),
                BASE64_TYPE, Base64.getEncoder().encodeToString(nonce), created, body);
    }

    /** WS-Security's PasswordDigest: Base64(SHA-1(nonce + created + password)). */
    public static String digest(byte[] nonce, String created, String password) {
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
    public static Document parse(byte[] xml) throws OnvifRefusal {
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
            throw new OnvifRefusal(OnvifRefusal.Why.NOT_ONVIF, "the device's answer is not SOAP");
        }
    }

    /** The first element {@code name} anywhere under {@code under}, or null. */
    public static Element first(Element under, String namespace, String name) {
        if (under == null) {
            return null;
        }
        var found = under.getElementsByTagNameNS(namespace, name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    /** Every element {@code name} under {@code under}, in document order. */
    public static List<Element> children(Element under, String namespace, String name) {
        var found = under.getElementsByTagNameNS(namespace, name);
        var list = new ArrayList<Element>();
        for (int i = 0; i < found.getLength(); i++) {
            list.add((Element) found.item(i));
        }
        return list;
    }

    /** The node's text, stripped; empty for no node. */
    public static String text(Node node) {
        return node == null ? "" : node.getTextContent().strip();
    }

    /** Text made safe inside an element or a double-quoted attribute. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
