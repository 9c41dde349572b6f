package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;

/** The e-challan console pages open to exactly their roles; the citizen portal is public and outside the console. */
class ChallanPagesTest extends IntegrationTest {

    private static final Map<String, Set<Role>> PAGES = Map.of(
        "/challans/review", EnumSet.of(Role.TRAFFIC_REVIEWER, Role.SUPERVISOR, Role.ADMIN),
        "/challans", EnumSet.of(Role.TRAFFIC_REVIEWER, Role.SUPERVISOR, Role.ADMIN, Role.INVESTIGATOR),
        "/challans/PSH-2026-000123", EnumSet.of(Role.TRAFFIC_REVIEWER, Role.SUPERVISOR, Role.ADMIN, Role.INVESTIGATOR),
        "/challans/contests", EnumSet.of(Role.TRAFFIC_REVIEWER, Role.SUPERVISOR, Role.ADMIN),
        "/challans/reports", EnumSet.of(Role.TRAFFIC_REVIEWER, Role.SUPERVISOR, Role.ADMIN));
    private static final Set<Role> OTHERS = EnumSet.of(Role.OPERATOR, Role.INVESTIGATOR, Role.AUDITOR, Role.PARTNER, Role.DISPATCHER);

    private final Map<Role, ConsoleSession> sessions = new EnumMap<>(Role.class);

    private ConsoleSession as(Role role) {
        return sessions.computeIfAbsent(role, r -> ConsoleSession.newAccount(port, admin(), r));
    }

    @Test
    void each_challan_page_answers_to_its_roles_and_refuses_the_others() {
        for (var page : PAGES.entrySet()) {
            for (Role role : page.getValue()) {
                var answer = as(role).get(page.getKey());
                assertThat(answer.status()).as(page.getKey() + " as " + role).isEqualTo(200);
                assertThat(answer.body()).as(page.getKey()).contains("class=\"shell-nav\"", "data-loaded=\"false\"").doesNotContain("<script>");
            }
            for (Role role : EnumSet.complementOf(EnumSet.copyOf(page.getValue()))) {
                if (!OTHERS.contains(role)) {
                    continue;
                }
                var answer = as(role).get(page.getKey());
                assertThat(answer.status()).as(page.getKey() + " as " + role).isEqualTo(403);
                assertThat(answer.body()).contains("You do not have access to this page");
            }
        }
    }

    @Test
    void an_anonymous_visit_to_a_challan_page_is_sent_to_sign_in() {
        for (String path : PAGES.keySet()) {
            var answer = ConsoleSession.anonymous(port).get(path);
            assertThat(answer.status()).as(path).isEqualTo(302);
            assertThat(answer.redirectPath()).as(path).isEqualTo("/login");
        }
    }

    @Test
    void a_traffic_reviewer_is_offered_the_four_challan_pages_and_an_investigator_only_the_search() {
        var reviewer = as(Role.TRAFFIC_REVIEWER).get("/challans/review").body();
        var investigator = as(Role.INVESTIGATOR).get("/challans").body();

        assertThat(reviewer).contains("href=\"/challans/review\"", "href=\"/challans\"", "href=\"/challans/contests\"",
            "href=\"/challans/reports\"", "aria-current=\"page\"");
        assertThat(investigator).contains("href=\"/challans\"").doesNotContain("href=\"/challans/review\"", "href=\"/challans/contests\"");
    }

    @Test
    void the_pages_carry_their_scripts_and_the_review_page_its_decision_forms() {
        var reviewer = as(Role.TRAFFIC_REVIEWER);

        assertThat(reviewer.get("/challans/review").body()).contains("/js/challan-review.js", "id=\"approve-form\"", "id=\"reject-form\"",
            "name=\"reason\" id=\"reason-input\" required", "Needs a second reviewer");
        assertThat(reviewer.get("/challans/PSH-2026-000123").body()).contains("data-number=\"PSH-2026-000123\"",
            "/api/v1/challans/PSH-2026-000123/notice.pdf", "/js/challans.js");
        assertThat(reviewer.get("/challans/reports").body()).contains("/dist/chart.umd.js\"", "/js/traffic-reports.js", "id=\"reviewer-chart\"");
        assertThat(reviewer.get("/challans/contests").body()).contains("/js/contests.js", "id=\"contest-list\"");
    }

    @Test
    void every_script_and_stylesheet_the_challan_pages_and_the_portal_link_to_is_served() {
        var reviewer = as(Role.TRAFFIC_REVIEWER);
        var citizen = ConsoleSession.anonymous(port);

        for (String path : List.of("/challans/review", "/challans", "/challans/PSH-2026-000123", "/challans/contests", "/challans/reports",
            "/portal/challans", "/portal/verify")) {
            var session = path.startsWith("/portal") ? citizen : reviewer;
            var assets = ConsoleSession.assetsOf(session.get(path));
            assertThat(assets).as(path).isNotEmpty();
            for (String asset : assets) {
                assertThat(citizen.get(asset).status()).as(path + " links " + asset).isEqualTo(200);
            }
        }
        for (String module : List.of("/js/traffic.js", "/js/portal-api.js", "/js/console.js")) {
            assertThat(citizen.get(module).status()).as(module).isEqualTo(200);
        }
    }

    @Test
    void the_citizen_portal_opens_without_an_account_in_its_own_frame() {
        var citizen = ConsoleSession.anonymous(port);

        var lookup = citizen.get("/portal/challans");
        var inUrdu = citizen.get("/portal/challans?lang=ur");
        var verify = citizen.get("/portal/verify?n=PSH-2026-000001&s=abc");

        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.body()).contains("id=\"lookup\"", "name=\"plate\"", "name=\"cnic\"", "/js/portal.js", "name=\"viewport\"");
        assertThat(inUrdu.body()).contains("dir=\"rtl\"", "گاڑی نمبر");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.body()).contains("id=\"verdict\"", "/js/portal-verify.js");
        for (var page : List.of(lookup, inUrdu, verify)) {
            assertThat(page.body()).doesNotContain("class=\"shell-nav\"", "href=\"/map\"", "Sign out", "<script>", "_csrf");
        }
    }

    @Test
    void a_citizen_s_visit_to_the_portal_opens_no_server_session() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/portal/challans", "/portal/verify?n=PSH-2026-000001&s=abc")) {
            var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
    }

    @Test
    void a_signed_in_officer_who_opens_the_portal_sees_the_citizens_page_not_the_console() {
        var page = as(Role.OPERATOR).get("/portal/challans");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"lookup\"").doesNotContain("class=\"shell-nav\"", "viewer-name");
    }
}
