package org.safecity.partners;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An ONVIF camera or recorder as SafeCity meets one: a JDK HTTP server answering the device service's
 * GetCapabilities, GetServices and GetDeviceInformation and the media service's GetProfiles and
 * GetStreamUri (and GetVideoSources) over SOAP 1.2. Made with a PTZ profile, it is a PTZ camera too: that
 * profile carries a PTZ configuration and a PTZ service answers ContinuousMove, Stop, GetPresets, GotoPreset
 * and SetPreset, recording each command ({@link #ptz}) and keeping its presets. Every request but
 * GetSystemDateAndTime must carry a WS-Security UsernameToken whose PasswordDigest
 * (Base64(SHA-1(nonce + created + password))) matches; otherwise it answers a SOAP fault
 * {@code ter:NotAuthorized} (HTTP 400), as devices do.
 */
public final class OnvifDeviceDouble implements AutoCloseable {

    static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    /** A media profile: its video source (an NVR's channel), encoder settings and the stream it names. */
    public record Profile(String token, String name, String source, int width, int height, String streamUri) {
    }

    /** One PTZ command as the double read it; what a command does not carry is null. */
    public record PtzCommand(String operation, String profile, Double pan, Double tilt, Double zoom, String timeout,
                             String preset, String presetName) {
    }

    static final String PTZ = "http://www.onvif.org/ver20/ptz/wsdl";
    static final String SCHEMA = "http://www.onvif.org/ver10/schema";

    private final HttpServer server;
    private final String username;
    private final String password;
    private final List<Profile> profiles;
    private final String ptzProfile;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean silent;
    /** The operations asked, in order, with whether they were signed correctly. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** The PTZ commands asked and signed correctly, in order. */
    public final List<PtzCommand> ptz = new CopyOnWriteArrayList<>();
    /** The presets kept, token to name, in the order made. */
    private final Map<String, String> presets = new LinkedHashMap<>();

    public OnvifDeviceDouble(String username, String password, List<Profile> profiles) throws IOException {
        this(username, password, profiles, null);
    }

    /** A PTZ camera whose profile {@code ptzProfile} (one of {@code profiles}) has the PTZ configuration; null: none. */
    public OnvifDeviceDouble(String username, String password, List<Profile> profiles, String ptzProfile) throws IOException {
        this.username = username;
        this.password = password;
        this.profiles = List.copyOf(profiles);
        this.ptzProfile = ptzProfile;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/onvif/device_service", this::device);
        server.createContext("/onvif/media_service", this::media);
        if (ptzProfile != null) {
            server.createContext("/onvif/ptz_service", this::ptzService);
        }
        server.start();
    }

    /** Keeps a preset, as if saved on the camera before. */
    public synchronized OnvifDeviceDouble withPreset(String token, String name) {
        presets.put(token, name);
        return this;
    }

    public synchronized Map<String, String> presets() {
        return Map.copyOf(presets);
    }

    /** From now on takes every request and answers none, as a device that hangs does. */
    public void answerNothing() {
        silent = true;
    }

    /** The PTZ commands named {@code operation}, in order. */
    public List<PtzCommand> ptz(String operation) {
        return ptz.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    public String deviceAddress() {
        return base() + "/onvif/device_service";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void device(HttpExchange exchange) throws IOException {
        var request = read(exchange);
        if (request == null) {
            return;
        }
        String operation = operation(request);
        switch (operation) {
            case "GetCapabilities" -> answer(exchange, 200, """
                <tds:GetCapabilitiesResponse><tds:Capabilities>\
                <tt:Device><tt:XAddr>%1$s/onvif/device_service</tt:XAddr></tt:Device>\
                <tt:Media><tt:XAddr>%1$s/onvif/media_service</tt:XAddr><tt:StreamingCapabilities>\
                <tt:RTPMulticast>false</tt:RTPMulticast><tt:RTP_TCP>true</tt:RTP_TCP><tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP>\
                </tt:StreamingCapabilities></tt:Media>%2$s</tds:Capabilities></tds:GetCapabilitiesResponse>""".formatted(base(),
                ptzProfile == null ? "" : "<tt:PTZ><tt:XAddr>" + base() + "/onvif/ptz_service</tt:XAddr></tt:PTZ>"));
            case "GetServices" -> answer(exchange, 200, """
                <tds:GetServicesResponse><tds:Service><tds:Namespace>http://www.onvif.org/ver10/device/wsdl</tds:Namespace>\
                <tds:XAddr>%1$s/onvif/device_service</tds:XAddr><tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version>\
                </tds:Service><tds:Service><tds:Namespace>http://www.onvif.org/ver10/media/wsdl</tds:Namespace>\
                <tds:XAddr>%1$s/onvif/media_service</tds:XAddr><tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version>\
                </tds:Service>%2$s</tds:GetServicesResponse>""".formatted(base(), ptzProfile == null ? "" : """
                <tds:Service><tds:Namespace>http://www.onvif.org/ver20/ptz/wsdl</tds:Namespace>\
                <tds:XAddr>%s/onvif/ptz_service</tds:XAddr><tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version>\
                </tds:Service>""".formatted(base())));
            case "GetDeviceInformation" -> answer(exchange, 200, """
                <tds:GetDeviceInformationResponse><tds:Manufacturer>SafeCity</tds:Manufacturer><tds:Model>Double</tds:Model>\
                <tds:FirmwareVersion>1.0</tds:FirmwareVersion><tds:SerialNumber>0001</tds:SerialNumber>\
                <tds:HardwareId>1</tds:HardwareId></tds:GetDeviceInformationResponse>""");
            case "GetSystemDateAndTime" -> {
                var now = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
                answer(exchange, 200, """
                    <tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType>\
                    <tt:DaylightSavings>false</tt:DaylightSavings><tt:TimeZone><tt:TZ>UTC</tt:TZ></tt:TimeZone><tt:UTCDateTime>\
                    <tt:Time><tt:Hour>%d</tt:Hour><tt:Minute>%d</tt:Minute><tt:Second>%d</tt:Second></tt:Time>\
                    <tt:Date><tt:Year>%d</tt:Year><tt:Month>%d</tt:Month><tt:Day>%d</tt:Day></tt:Date></tt:UTCDateTime>\
                    </tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>""".formatted(now.getHour(), now.getMinute(),
                    now.getSecond(), now.getYear(), now.getMonthValue(), now.getDayOfMonth()));
            }
            default -> fault(exchange, "ter:ActionNotSupported", "no such operation: " + operation);
        }
    }

    private void media(HttpExchange exchange) throws IOException {
        var request = read(exchange);
        if (request == null) {
            return;
        }
        String operation = operation(request);
        switch (operation) {
            case "GetProfiles" -> {
                var xml = new StringBuilder("<trt:GetProfilesResponse>");
                for (var p : profiles) {
                    xml.append("""
                        <trt:Profiles token="%1$s" fixed="true"><tt:Name>%2$s</tt:Name>\
                        <tt:VideoSourceConfiguration token="vsc-%3$s"><tt:Name>%3$s</tt:Name><tt:UseCount>1</tt:UseCount>\
                        <tt:SourceToken>%3$s</tt:SourceToken><tt:Bounds x="0" y="0" width="%4$d" height="%5$d"/></tt:VideoSourceConfiguration>\
                        <tt:VideoEncoderConfiguration token="vec-%1$s"><tt:Name>%1$s</tt:Name><tt:UseCount>1</tt:UseCount>\
                        <tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>%4$d</tt:Width><tt:Height>%5$d</tt:Height></tt:Resolution>\
                        <tt:Quality>5</tt:Quality><tt:RateControl><tt:FrameRateLimit>25</tt:FrameRateLimit>\
                        <tt:EncodingInterval>1</tt:EncodingInterval><tt:BitrateLimit>2048</tt:BitrateLimit></tt:RateControl>\
                        <tt:H264><tt:GovLength>50</tt:GovLength><tt:H264Profile>Main</tt:H264Profile></tt:H264>\
                        <tt:SessionTimeout>PT60S</tt:SessionTimeout></tt:VideoEncoderConfiguration>%6$s</trt:Profiles>"""
                        .formatted(p.token(), p.name(), p.source(), p.width(), p.height(), p.token().equals(ptzProfile) ? """
                            <tt:PTZConfiguration token="ptz-1"><tt:Name>PTZ</tt:Name><tt:UseCount>1</tt:UseCount>\
                            <tt:NodeToken>ptz-node-1</tt:NodeToken>\
                            <tt:DefaultContinuousPanTiltVelocitySpace>http://www.onvif.org/ver10/tptz/PanTiltSpaces/VelocityGenericSpace\
                            </tt:DefaultContinuousPanTiltVelocitySpace>\
                            <tt:DefaultContinuousZoomVelocitySpace>http://www.onvif.org/ver10/tptz/ZoomSpaces/VelocityGenericSpace\
                            </tt:DefaultContinuousZoomVelocitySpace><tt:DefaultPTZTimeout>PT5S</tt:DefaultPTZTimeout>\
                            </tt:PTZConfiguration>""" : ""));
                }
                answer(exchange, 200, xml.append("</trt:GetProfilesResponse>").toString());
            }
            case "GetVideoSources" -> {
                var xml = new StringBuilder("<trt:GetVideoSourcesResponse>");
                profiles.stream().map(Profile::source).distinct().forEach(source -> {
                    var p = profiles.stream().filter(q -> q.source().equals(source)).findFirst().orElseThrow();
                    xml.append("""
                        <trt:VideoSources token="%s"><tt:Framerate>25</tt:Framerate><tt:Resolution><tt:Width>%d</tt:Width>\
                        <tt:Height>%d</tt:Height></tt:Resolution></trt:VideoSources>""".formatted(source, p.width(), p.height()));
                });
                answer(exchange, 200, xml.append("</trt:GetVideoSourcesResponse>").toString());
            }
            case "GetStreamUri" -> {
                String token = text(request, "http://www.onvif.org/ver10/media/wsdl", "ProfileToken");
                var profile = profiles.stream().filter(p -> p.token().equals(token)).findFirst();
                if (profile.isEmpty()) {
                    fault(exchange, "ter:NoProfile", "no profile " + token);
                    return;
                }
                answer(exchange, 200, """
                    <trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>%s</tt:Uri><tt:InvalidAfterConnect>false</tt:InvalidAfterConnect>\
                    <tt:InvalidAfterReboot>false</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout></trt:MediaUri>\
                    </trt:GetStreamUriResponse>""".formatted(profile.get().streamUri().replace("&", "&amp;")));
            }
            default -> fault(exchange, "ter:ActionNotSupported", "no such operation: " + operation);
        }
    }

    private void ptzService(HttpExchange exchange) throws IOException {
        var request = read(exchange);
        if (request == null) {
            return;
        }
        String operation = operation(request);
        String profile = text(request, PTZ, "ProfileToken");
        if (!List.of("ContinuousMove", "Stop", "GetPresets", "GotoPreset", "SetPreset").contains(operation)) {
            fault(exchange, "ter:ActionNotSupported", "no such operation: " + operation);
            return;
        }
        if (!ptzProfile.equals(profile)) {
            fault(exchange, "ter:NoProfile", "no PTZ profile " + profile);
            return;
        }
        switch (operation) {
            case "ContinuousMove" -> {
                Element panTilt = element(request, SCHEMA, "PanTilt");
                Element zoom = element(request, SCHEMA, "Zoom");
                ptz.add(new PtzCommand(operation, profile, attribute(panTilt, "x"), attribute(panTilt, "y"), attribute(zoom, "x"),
                    text(request, PTZ, "Timeout"), null, null));
                answer(exchange, 200, "<tptz:ContinuousMoveResponse/>");
            }
            case "Stop" -> {
                ptz.add(new PtzCommand(operation, profile, null, null, null, null, null, null));
                answer(exchange, 200, "<tptz:StopResponse/>");
            }
            case "GetPresets" -> {
                ptz.add(new PtzCommand(operation, profile, null, null, null, null, null, null));
                var xml = new StringBuilder("<tptz:GetPresetsResponse>");
                synchronized (this) {
                    presets.forEach((token, name) -> xml.append("<tptz:Preset token=\"").append(token).append("\"><tt:Name>")
                        .append(name.replace("&", "&amp;").replace("<", "&lt;")).append("</tt:Name></tptz:Preset>"));
                }
                answer(exchange, 200, xml.append("</tptz:GetPresetsResponse>").toString());
            }
            case "GotoPreset" -> {
                String token = text(request, PTZ, "PresetToken");
                ptz.add(new PtzCommand(operation, profile, null, null, null, null, token, null));
                boolean known;
                synchronized (this) {
                    known = presets.containsKey(token);
                }
                if (known) {
                    answer(exchange, 200, "<tptz:GotoPresetResponse/>");
                } else {
                    fault(exchange, "ter:NoEntity", "no preset " + token);
                }
            }
            default -> {
                String name = text(request, PTZ, "PresetName");
                String token;
                synchronized (this) {
                    token = text(request, PTZ, "PresetToken");
                    if (token == null) {
                        token = "preset-" + (presets.size() + 1);
                    }
                    presets.put(token, name);
                }
                ptz.add(new PtzCommand(operation, profile, null, null, null, null, token, name));
                answer(exchange, 200, "<tptz:SetPresetResponse><tptz:PresetToken>" + token + "</tptz:PresetToken></tptz:SetPresetResponse>");
            }
        }
    }

    private static Element element(Document document, String namespace, String name) {
        var found = document.getElementsByTagNameNS(namespace, name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    private static Double attribute(Element element, String name) {
        return element == null || !element.hasAttribute(name) ? null : Double.valueOf(element.getAttribute(name));
    }

    /** The request's envelope when its UsernameToken is right; otherwise answers the fault and gives null. */
    private Document read(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (silent) {
            try {
                closed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return null;
        }
        Document request;
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            request = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            fault(exchange, "ter:WellFormed", "not XML");
            return null;
        }
        String operation = operation(request);
        // the device's clock is read before signing, to sign with its time (ONVIF Core: no authentication)
        if (!operation.equals("GetSystemDateAndTime") && !signed(request)) {
            calls.add(operation + " refused");
            fault(exchange, "ter:NotAuthorized", "Sender not authorized");
            return null;
        }
        calls.add(operation);
        return request;
    }

    private boolean signed(Document request) {
        try {
            String user = text(request, WSSE, "Username");
            String digest = text(request, WSSE, "Password");
            String nonce = text(request, WSSE, "Nonce");
            String created = text(request, WSU, "Created");
            if (user == null || digest == null || nonce == null || created == null || !user.equals(username)) {
                return false;
            }
            if (Duration.between(Instant.parse(created), Instant.now()).abs().compareTo(Duration.ofMinutes(5)) > 0) {
                return false;
            }
            var sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(Base64.getDecoder().decode(nonce));
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(Base64.getEncoder().encodeToString(sha1.digest()).getBytes(StandardCharsets.US_ASCII),
                digest.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            return false;
        }
    }

    private static String operation(Document request) {
        var bodies = request.getElementsByTagNameNS(SOAP, "Body");
        if (bodies.getLength() == 0) {
            return "";
        }
        var children = bodies.item(0).getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e) {
                return e.getLocalName();
            }
        }
        return "";
    }

    private static String text(Document document, String namespace, String name) {
        var found = document.getElementsByTagNameNS(namespace, name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().strip();
    }

    private static void fault(HttpExchange exchange, String subcode, String reason) throws IOException {
        answer(exchange, 400, """
            <s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>%s</s:Value></s:Subcode></s:Code>\
            <s:Reason><s:Text xml:lang="en">%s</s:Text></s:Reason></s:Fault>""".formatted(subcode, reason));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("""
            <?xml version="1.0" encoding="UTF-8"?>
            <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" \
            xmlns:trt="http://www.onvif.org/ver10/media/wsdl" xmlns:tptz="http://www.onvif.org/ver20/ptz/wsdl" \
            xmlns:tt="http://www.onvif.org/ver10/schema" \
            xmlns:ter="http://www.onvif.org/ver10/error"><s:Body>""" + body + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

}
