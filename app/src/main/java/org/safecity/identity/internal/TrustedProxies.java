package org.safecity.identity.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Who the caller really is behind the operator's reverse proxy. {@code X-Forwarded-For},
 * {@code X-Forwarded-Proto} (and the standard {@code Forwarded}) are believed only when the
 * connection comes from an address in {@code safecity.trusted-proxies} ({@code SAFECITY_TRUSTED_PROXIES},
 * comma-separated addresses or CIDRs; empty = none, the headers are ignored). Then the client's address
 * is what rate limits, sign-in throttling and the audit trail see, and a request the proxy received over
 * HTTPS is secure: its session cookie is {@code Secure} and it gets HSTS.
 * Done in Tomcat (its RemoteIpValve), before Tomcat decides the session cookie's flags.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final String cidrs;

    TrustedProxies(@Value("${safecity.trusted-proxies:}") String proxies) {
        this.cidrs = cidrs(proxies);
    }

    /** {@code 10.0.0.5, 192.168.1.0/24} as CIDRs: a bare address is a network of one. */
    static String cidrs(String proxies) {
        var list = new ArrayList<String>();
        for (String entry : (proxies == null ? "" : proxies).split("[,\\s]+")) {
            if (!entry.isBlank()) {
                list.add(entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32"));
            }
        }
        return String.join(",", list);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        var valve = new ForwardedValve();
        // "" trusts nobody; Tomcat reads a value containing "/" as CIDRs rather than a regular expression
        valve.setInternalProxies(cidrs);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setProtocolHeaderHttpsValue("https");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        factory.addEngineValves(valve);
    }

    /**
     * The RemoteIpValve, also reading RFC 7239's {@code Forwarded} when a proxy sends that instead of
     * the {@code X-Forwarded-*} pair. The valve itself decides whether the sender is trusted.
     */
    static final class ForwardedValve extends RemoteIpValve {

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            String forwarded = request.getHeader("Forwarded");
            if (forwarded != null && request.getHeader("X-Forwarded-For") == null) {
                var headers = request.getCoyoteRequest().getMimeHeaders();
                var elements = Forwarded.parse(forwarded);
                if (!elements.isEmpty()) {
                    headers.addValue("X-Forwarded-For").setString(String.join(", ", elements.stream().map(Forwarded::client).toList()));
                    String proto = elements.getFirst().proto();
                    if (proto != null && request.getHeader("X-Forwarded-Proto") == null) {
                        headers.addValue("X-Forwarded-Proto").setString(proto);
                    }
                }
            }
            super.invoke(request, response);
        }
    }

    /** One element of a {@code Forwarded} header: the client it was for, and the protocol it came in by. */
    record Forwarded(String client, String proto) {

        /** The elements that name a client, nearest the client first; an element without {@code for=} is skipped. */
        static List<Forwarded> parse(String header) {
            var elements = new ArrayList<Forwarded>();
            for (String element : header.split(",")) {
                String client = null;
                String proto = null;
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq < 0) {
                        continue;
                    }
                    String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                    String value = unquote(pair.substring(eq + 1).strip());
                    if (name.equals("for")) {
                        client = address(value);
                    } else if (name.equals("proto")) {
                        proto = value.toLowerCase(Locale.ROOT);
                    }
                }
                if (client != null && !client.isEmpty()) {
                    elements.add(new Forwarded(client, proto));
                }
            }
            return elements;
        }

        private static String unquote(String value) {
            return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
        }

        /** {@code [2001:db8::1]:4711} or {@code 192.0.2.60:80} without the port; an IPv6 address without its brackets. */
        private static String address(String value) {
            if (value.startsWith("[")) {
                int end = value.indexOf(']');
                return end > 0 ? value.substring(1, end) : value;
            }
            long colons = value.chars().filter(c -> c == ':').count();
            return colons == 1 ? value.substring(0, value.indexOf(':')) : value;
        }
    }
}
