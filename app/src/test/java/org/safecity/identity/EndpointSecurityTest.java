package org.safecity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint SafeCity maps and proves it is closed by default: anonymous callers get 401
 * (API) or the sign-in page (console), and a signed-in person whose role the endpoint does not
 * name gets 403. Only the endpoints listed in {@link #PUBLIC} are open, deliberately.
 */
class EndpointSecurityTest extends IntegrationTest {

    /** Deliberately public: sign-in itself. Later public pages (citizen portal) are added here with a reason. */
    private static final Set<String> PUBLIC = Set.of(
        "POST /api/v1/auth/token",  // exchanging a password for a token cannot require a token
        "GET /login",               // the sign-in page
        "GET /api/v1/evidence/public-key",  // a court must verify an evidence bundle without an account
        // the citizen portal (no account; rate-limited; answers only what plate + CNIC or a signed token open)
        "GET /api/public/challans", "GET /api/public/challans/{number}/evidence.jpg", "GET /api/public/challans/{number}/notice.pdf",
        "POST /api/public/challans/{number}/contest", "GET /api/public/notices/verify",
        "POST /api/v1/payments/callback",  // the bank, authenticated by the HMAC signature of the body
        "GET /portal/challans",      // the citizen portal: a citizen looks up challans without an account
        "GET /portal/verify",        // the page a notice's QR code opens, for anyone holding the notice
        // the partner portal: a commercial premises applies to register (rate-limited; the application waits for the Authority)
        "GET /portal/premises/apply", "POST /api/public/premises/applications", "GET /api/public/premises/categories",
        // anyone holding a premises' certificate checks it
        "GET /portal/premises/verify", "GET /api/public/premises/certificates/verify",
        "GET /error"                 // the container's error page, as problem+json: whatever failed was checked before
    );
    private static final Pattern ROLE_LIST = Pattern.compile("hasRole\\('(\\w+)'\\)|hasAnyRole\\(([^)]*)\\)");
    private static final List<Role> WRONG_ROLE_PREFERENCE = List.of(Role.AUDITOR, Role.FIELD_UNIT, Role.PARTNER,
        Role.DISPATCHER, Role.TRAFFIC_REVIEWER, Role.INVESTIGATOR, Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Role, SafeCityApi> signedIn = new EnumMap<>(Role.class);

    record Endpoint(RequestMethod method, String pattern, String contentType, String accept, HandlerMethod handler) {
        String key() {
            return method + " " + pattern;
        }

        String concretePath() {
            return pattern.replaceAll("\\{\\*?\\w+(:[^}]*)?}", "1");
        }

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        /** Pages are asked for as a browser asks; API calls as a program does, for what the endpoint answers with. */
        Map<String, String> headers() {
            return isApi() ? Map.of("Accept", accept) : Map.of("Accept", "text/html,application/xhtml+xml");
        }
    }

    @Test
    void every_endpoint_except_the_deliberately_public_ones_declares_who_may_call_it() {
        var undeclared = endpoints().stream()
            .filter(e -> !PUBLIC.contains(e.key()))
            .filter(e -> preAuthorize(e) == null)
            .map(Endpoint::key).toList();
        var openButNotListed = endpoints().stream()
            .filter(e -> "permitAll()".equals(preAuthorize(e)))
            .filter(e -> !PUBLIC.contains(e.key()))
            .map(Endpoint::key).toList();

        assertThat(endpoints()).hasSizeGreaterThan(5);
        assertThat(undeclared).as("endpoints without @PreAuthorize").isEmpty();
        assertThat(openButNotListed).as("endpoints open to anyone but not listed as deliberately public").isEmpty();
    }

    @Test
    void the_icon_a_browser_asks_for_on_its_own_is_served_without_signing_in() {
        var icon = anonymous.get("/favicon.ico");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.headers().getOrDefault("content-type", "")).contains("icon");
    }

    @Test
    void anonymous_callers_get_401_from_the_api_and_the_sign_in_page_from_the_console() {
        List<String> open = new ArrayList<>();
        for (var endpoint : endpoints()) {
            if (PUBLIC.contains(endpoint.key())) {
                continue;
            }
            var response = anonymous.send(endpoint.method().name(), endpoint.concretePath(), endpoint.contentType(), "{}", endpoint.headers());
            boolean closed = endpoint.isApi()
                ? response.status() == 401 && response.isProblem()
                : response.status() == 302 && response.headers().getOrDefault("location", "").endsWith("/login");
            if (!closed) {
                open.add(endpoint.key() + " -> " + response.status());
            }
        }
        assertThat(open).as("endpoints reachable without signing in").isEmpty();
    }

    @Test
    void a_signed_in_person_without_a_named_role_gets_403_on_every_endpoint() {
        List<String> wronglyAllowed = new ArrayList<>();
        int checked = 0;
        for (var endpoint : endpoints()) {
            var allowed = allowedRoles(endpoint);
            if (allowed == null) {
                continue; // public, or open to anyone signed in
            }
            Role wrong = WRONG_ROLE_PREFERENCE.stream().filter(r -> !allowed.contains(r)).findFirst().orElseThrow();
            var caller = signedIn.computeIfAbsent(wrong, this::as);
            var response = caller.send(endpoint.method().name(), endpoint.concretePath(), endpoint.contentType(), "{}", endpoint.headers());
            checked++;
            boolean denied = response.status() == 403 && (!endpoint.isApi() || response.isProblem());
            if (!denied) {
                wronglyAllowed.add(endpoint.key() + " as " + wrong + " -> " + response.status() + " " + abbreviate(response.body()));
            }
        }
        assertThat(checked).isPositive();
        assertThat(wronglyAllowed).as("endpoints a wrong role could call").isEmpty();
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("org.safecity")) {
                continue;
            }
            var info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty()) {
                methods = EnumSet.of(RequestMethod.GET);
            }
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods) {
                    all.add(new Endpoint(method, pattern, contentType(info), accept(info), entry.getValue()));
                }
            }
        }
        return all;
    }

    /** What the endpoint consumes, so the request reaches it rather than being refused as 415. */
    private static String contentType(RequestMappingInfo info) {
        var consumable = info.getConsumesCondition().getConsumableMediaTypes();
        return consumable.isEmpty() ? "application/json" : consumable.iterator().next().toString();
    }

    /** What the endpoint answers with (a PDF, a picture), or JSON; and a refusal's problem+json either way. */
    private static String accept(RequestMappingInfo info) {
        var producible = info.getProducesCondition().getProducibleMediaTypes();
        return producible.isEmpty() ? "application/json"
            : producible.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", ")) + ", application/problem+json";
    }

    private static String preAuthorize(Endpoint endpoint) {
        var onMethod = endpoint.handler().getMethodAnnotation(PreAuthorize.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        var onType = endpoint.handler().getBeanType().getAnnotation(PreAuthorize.class);
        return onType == null ? null : onType.value();
    }

    /** The roles an endpoint names, or null when it names none (public, or any signed-in person). */
    private static Set<Role> allowedRoles(Endpoint endpoint) {
        String expression = preAuthorize(endpoint);
        if (expression == null || expression.strip().equals("isAuthenticated()") || PUBLIC.contains(endpoint.key())) {
            return null;
        }
        var matcher = ROLE_LIST.matcher(expression);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        while (matcher.find()) {
            String list = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            for (String role : list.split(",")) {
                roles.add(Role.valueOf(role.strip().replace("'", "")));
            }
        }
        assertThat(roles).as(endpoint.key() + " must name its roles with hasRole/hasAnyRole: " + expression).isNotEmpty();
        return roles;
    }

    private static String abbreviate(String body) {
        return body.length() > 120 ? body.substring(0, 120) + "..." : body;
    }
}
