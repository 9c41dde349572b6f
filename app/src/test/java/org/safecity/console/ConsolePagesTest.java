package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.TestDatabase;
import org.safecity.identity.Role;

class ConsolePagesTest extends IntegrationTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Test
    void an_anonymous_visit_to_the_map_is_sent_to_the_sign_in_page() {
        var page = ConsoleSession.anonymous(port).get("/map");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.redirectPath()).isEqualTo("/login");
    }

    @Test
    void the_sign_in_page_is_styled_and_carries_a_csrf_protected_form() {
        var page = ConsoleSession.anonymous(port).get("/login");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/css/console.css", "name=\"_csrf\"", "name=\"username\"", "name=\"password\"");
    }

    @Test
    void the_sign_in_page_explains_a_lockout_and_a_sign_out() {
        var session = ConsoleSession.anonymous(port);

        assertThat(session.get("/login?locked=30").body()).contains("Too many failed sign-ins. Try again in 30 seconds.");
        assertThat(session.get("/login?signedOut").body()).contains("You have signed out.");
    }

    @Test
    void a_wrong_password_sends_the_person_back_to_sign_in_with_an_error() {
        var session = ConsoleSession.anonymous(port);

        var answer = session.signIn("nobody.console." + PEOPLE.incrementAndGet(), "not-the-password");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.redirectPath()).isEqualTo("/login?error");
        assertThat(session.get("/login?error").body()).contains("The username or password is not right.");
    }

    @Test
    void signing_in_leads_to_the_operations_map() {
        var session = signedInAsAdmin();

        var home = session.get("/");

        assertThat(home.status()).isEqualTo(302);
        assertThat(home.redirectPath()).isEqualTo("/map");
    }

    @Test
    void the_map_page_shows_the_navigation_the_signed_in_person_and_a_sign_out_button() {
        var page = signedInAsAdmin().get("/map");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
            .contains("href=\"/map\"", "href=\"/rollout\"", "aria-current=\"page\"")
            .contains("<span class=\"viewer-name\">admin</span>", "Admin · Khyber Pakhtunkhwa")
            .contains("action=\"/logout\"")
            .contains("id=\"camera-count\"", "data-loaded=\"false\"", "data-cameras-shown=\"0\"")
            .contains("/leaflet.js\"", "/js/operations-map.js");
        assertThat(page.body()).doesNotContain("<script>");
    }

    @Test
    void the_rollout_page_renders_with_its_charts_library() {
        var page = signedInAsAdmin().get("/rollout");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Rollout</h1>", "id=\"cameras-chart\"", "/dist/chart.umd.js\"", "/js/rollout.js");
    }

    @Test
    void the_pages_scripts_and_libraries_are_served_without_signing_in() {
        var session = ConsoleSession.anonymous(port);

        for (String asset : List.of("/webjars/leaflet/dist/leaflet.js", "/webjars/leaflet/dist/leaflet.css",
            "/webjars/chart.js/dist/chart.umd.js", "/js/console.js", "/js/operations-map.js", "/js/rollout.js", "/css/console.css")) {
            var answer = session.get(asset);
            assertThat(answer.status()).as(asset).isEqualTo(200);
        }
        assertThat(session.get("/js/operations-map.js").contentType()).contains("javascript");
    }

    @Test
    void every_script_and_stylesheet_a_page_links_to_is_served() {
        var session = signedInAsAdmin();

        for (String path : List.of("/map", "/rollout", "/login")) {
            var assets = ConsoleSession.assetsOf(session.get(path));
            assertThat(assets).as(path).isNotEmpty();
            for (String asset : assets) {
                assertThat(session.get(asset).status()).as(path + " links " + asset).isEqualTo(200);
            }
        }
    }

    @Test
    void an_auditor_lands_on_a_page_that_explains_the_audit_trail() {
        var session = signedIn(Role.AUDITOR);

        var home = session.get("/");
        var access = session.get("/access");

        assertThat(home.redirectPath()).isEqualTo("/access");
        assertThat(access.status()).isEqualTo(200);
        assertThat(access.body()).contains("Audit trail", "/api/v1/audit", "/api/v1/audit/verify");
        assertThat(access.body()).doesNotContain("href=\"/map\"");
    }

    @Test
    void an_auditor_who_opens_the_map_is_told_it_is_not_theirs() {
        var page = signedIn(Role.AUDITOR).get("/map");

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("You do not have access to this page");
    }

    @Test
    void an_operator_sees_the_map_and_the_rollout_in_the_navigation() {
        var session = signedIn(Role.OPERATOR);

        assertThat(session.get("/").redirectPath()).isEqualTo("/map");
        assertThat(session.get("/rollout").body()).contains("href=\"/map\"", "href=\"/rollout\"", "Operator");
    }

    @Test
    void a_commercial_partner_opens_the_map_but_not_the_authoritys_rollout() {
        var session = signedIn(Role.PARTNER);

        var map = session.get("/map");

        assertThat(map.status()).isEqualTo(200);
        assertThat(map.body()).contains("href=\"/map\"").doesNotContain("href=\"/rollout\"");
        assertThat(session.get("/rollout").status()).isEqualTo(403);
    }

    @Test
    void the_watchlists_page_offers_making_a_list_to_supervisors_entries_to_investigators_and_nothing_to_operators() {
        var supervisor = signedIn(Role.SUPERVISOR).get("/watchlists");
        var investigator = signedIn(Role.INVESTIGATOR).get("/watchlists");

        assertThat(supervisor.status()).isEqualTo(200);
        assertThat(supervisor.body()).contains("id=\"new-list\"", "id=\"add-entry\"", "href=\"/watchlists\"", "/js/watchlists.js");
        assertThat(investigator.status()).isEqualTo(200);
        assertThat(investigator.body()).contains("id=\"add-entry\"").doesNotContain("id=\"new-list\"");
        assertThat(signedIn(Role.OPERATOR).get("/watchlists").status()).isEqualTo(403);
    }

    @Test
    void signing_out_ends_the_session() {
        var session = signedInAsAdmin();

        var answer = session.submit("/map", "/logout", Map.of());

        assertThat(answer.redirectPath()).isEqualTo("/login?signedOut");
        assertThat(session.get("/map").redirectPath()).isEqualTo("/login");
    }

    private ConsoleSession signedInAsAdmin() {
        var session = ConsoleSession.anonymous(port);
        var answer = session.signIn("admin", TestDatabase.ADMIN_PASSWORD);
        assertThat(answer.redirectPath()).as("admin sign-in").isEqualTo("/");
        return session;
    }

    private ConsoleSession signedIn(Role role) {
        return ConsoleSession.newAccount(port, admin(), role);
    }
}
