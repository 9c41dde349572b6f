package org.safecity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;

/**
 * SafeCity behind the operator's reverse proxy. The tests' trusted proxy is 127.0.0.2
 * ({@code safecity.trusted-proxies} in TestDatabase); a connection from 127.0.0.3 is anyone else.
 */
class ReverseProxyTest extends IntegrationTest {

    private static final String TRUSTED_PROXY = "127.0.0.2";
    private static final String STRANGER = "127.0.0.3";

    @Test
    void a_forwarded_for_header_from_an_untrusted_address_does_not_change_the_client_so_the_portal_limit_stays_shared()
        throws Exception {
        awaitFreshMinute();
        int allowed = requestsUntilRefused(STRANGER, i -> Map.of("X-Forwarded-For", "198.51.100." + (i % 250 + 1)));

        assertThat(allowed).as("one limit for the connection, whatever it claims to forward").isEqualTo(60);
        assertThat(portal(STRANGER, Map.of("X-Forwarded-For", "198.51.100.251")).statusCode()).isEqualTo(429);
    }

    @Test
    void behind_a_trusted_proxy_each_forwarded_client_has_its_own_portal_limit() throws Exception {
        awaitFreshMinute();
        int allowed = requestsUntilRefused(TRUSTED_PROXY, i -> Map.of("X-Forwarded-For", "203.0.113.7"));

        assertThat(allowed).isEqualTo(60);
        assertThat(portal(TRUSTED_PROXY, Map.of("X-Forwarded-For", "203.0.113.8")).statusCode())
            .as("another client behind the same proxy").isEqualTo(200);
        assertThat(portal(TRUSTED_PROXY, Map.of("Forwarded", "for=\"203.0.113.7:4711\";proto=https")).statusCode())
            .as("the standard Forwarded header names the same client").isEqualTo(429);
    }

    @Test
    void a_session_cookie_is_secure_and_hsts_is_sent_when_a_trusted_proxy_received_the_request_over_https() throws Exception {
        var viaProxy = get(TRUSTED_PROXY, "/login", Map.of("X-Forwarded-For", "203.0.113.20", "X-Forwarded-Proto", "https"));
        var viaForwarded = get(TRUSTED_PROXY, "/login", Map.of("Forwarded", "for=203.0.113.21;proto=https"));

        for (var response : java.util.List.of(viaProxy, viaForwarded)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));
            assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                assertThat(hsts).contains("max-age="));
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        }
    }

    @Test
    void a_forwarded_proto_from_an_untrusted_address_makes_nothing_secure_yet_the_referrer_policy_is_always_sent() throws Exception {
        var response = get(STRANGER, "/login", Map.of("X-Forwarded-Proto", "https", "Forwarded", "for=203.0.113.22;proto=https"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
            assertThat(cookie).startsWith("JSESSIONID=").doesNotContainIgnoringCase("secure"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }

    /** Portal requests from one connection address until the first 429; answers how many were served. */
    private int requestsUntilRefused(String from, java.util.function.IntFunction<Map<String, String>> headers) throws Exception {
        for (int i = 0; i < 200; i++) {
            int status = portal(from, headers.apply(i)).statusCode();
            if (status == 429) {
                return i;
            }
            assertThat(status).isEqualTo(200);
        }
        return 200;
    }

    private HttpResponse<String> portal(String from, Map<String, String> headers) throws IOException, InterruptedException {
        return get(from, "/api/public/notices/verify?n=NONE&s=x", headers);
    }

    private HttpResponse<String> get(String from, String path, Map<String, String> headers) throws IOException, InterruptedException {
        try (var client = HttpClient.newBuilder().localAddress(InetAddress.getByName(from)).connectTimeout(Duration.ofSeconds(5)).build()) {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            headers.forEach(request::header);
            return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The portal counts per clock minute: start a count with time to spare before the next. */
    private static void awaitFreshMinute() throws InterruptedException {
        long second = Instant.now().getEpochSecond() % 60;
        if (second > 40) {
            Thread.sleep((61 - second) * 1000);
        }
    }
}
