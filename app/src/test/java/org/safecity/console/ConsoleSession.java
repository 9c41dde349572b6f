package org.safecity.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser session without the browser: a cookie jar, the sign-in form with its CSRF
 * token, and pages fetched without following redirects so tests can see where they lead.
 */
final class ConsoleSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/(?:webjars|js|css|img)/[^\"]+)\"");

    private final String base;
    private final HttpClient http;

    private ConsoleSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    }

    static ConsoleSession anonymous(int port) {
        return new ConsoleSession(port);
    }

    /** A new account with these roles over the whole province, made by an administrator, signed in here. */
    static ConsoleSession newAccount(int port, org.safecity.SafeCityApi admin, org.safecity.identity.Role... roles) {
        String username = "page." + java.util.Arrays.stream(roles).map(r -> r.name().toLowerCase().replace('_', '-'))
            .collect(Collectors.joining(".")) + "." + System.nanoTime();
        String password = org.safecity.IntegrationTest.passwordOf(username);
        var account = new java.util.HashMap<String, Object>(Map.of("username", username, "displayName", "Page " + username,
            "password", password, "roles", java.util.Arrays.stream(roles).map(Enum::name).toList(), "scope", "province"));
        if (java.util.Arrays.asList(roles).contains(org.safecity.identity.Role.PARTNER)) {
            account.put("partnerId", 1);
        }
        var created = admin.post("/api/v1/accounts", account);
        if (created.status() != 201) {
            throw new IllegalStateException("could not create account " + username + ": " + created);
        }
        var session = new ConsoleSession(port);
        var answer = session.signIn(username, password);
        if (!"/".equals(answer.redirectPath())) {
            throw new IllegalStateException("sign-in of " + username + " led to " + answer);
        }
        return session;
    }

    /** Fills in and submits the sign-in form; the answer is the form's redirect. */
    Page signIn(String username, String password) {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    /** Submits a form found on {@code formPage}, with that page's CSRF token, as a browser would. */
    Page submit(String formPage, String action, Map<String, String> fields) {
        var form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrfTokenOn(formPage));
        String body = form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * POSTs as a page's script does: the body as given, and the CSRF token from the page's
     * {@code <meta name="_csrf">} sent in the header the page names.
     */
    Page postFromPage(String page, String path, String contentType, HttpRequest.BodyPublisher body) {
        String html = get(page).body();
        var token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
        var header = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"").matcher(html);
        if (!token.find() || !header.find()) {
            throw new IllegalStateException("no CSRF meta tags on " + page);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
            .header(header.group(1), token.group(1)).POST(body));
    }

    /** POSTs with the session's cookie but no CSRF token, as a forged cross-site request would. */
    Page postWithoutToken(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Where the scripts and stylesheets a page links to point: paths on this server. */
    static java.util.List<String> assetsOf(Page page) {
        return ASSET.matcher(page.body()).results().map(m -> m.group(1)).toList();
    }

    private String csrfTokenOn(String path) {
        var page = get(path);
        var match = CSRF_FIELD.matcher(page.body());
        if (!match.find()) {
            throw new IllegalStateException("no CSRF field on " + path + ": " + page.status());
        }
        return match.group(1) != null ? match.group(1) : match.group(2);
    }

    private Page send(HttpRequest.Builder request) {
        // a browser's Accept header, which is what makes the server answer with pages and redirects
        request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        try {
            var response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(""),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response as a browser receives it: status, where a redirect points, and the body. */
    record Page(int status, String location, String contentType, String body) {

        /** The path a redirect points to, without scheme and host. */
        String redirectPath() {
            return location.isEmpty() ? "" : URI.create(location).getRawPath()
                + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery());
        }

        @Override
        public String toString() {
            return status + (location.isEmpty() ? "" : " -> " + location);
        }
    }
}
