package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;

/** The evidence pages as a signed-in investigator sees them in the browser. */
class EvidencePagesTest extends IntegrationTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    record Person(String username, ConsoleSession browser, SafeCityApi api) {
    }

    private Person person(String... roles) {
        String username = "evidence.page." + System.nanoTime() + "." + PEOPLE.incrementAndGet();
        String password = passwordOf(username);
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "SI " + username,
            "password", password, "roles", List.of(roles), "scope", "province"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var browser = ConsoleSession.anonymous(port);
        assertThat(browser.signIn(username, password).status()).isEqualTo(302);
        return new Person(username, browser, anonymous.signIn(username, password));
    }

    private static String openCase(SafeCityApi api, String fir) {
        return api.post("/api/v1/cases", Map.of("firNumber", fir, "policeStation", "Hashtnagri", "offence", "snatching"))
            .json().get("id").asString();
    }

    private static String multipart(String boundary, String kind, String filename, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"
            + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
            + "Content-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    }

    @Test
    void the_case_list_shows_the_person_s_cases_with_links_to_them() {
        var investigator = person("INVESTIGATOR");
        String fir = "PAGE-" + System.nanoTime();
        String caseId = openCase(investigator.api(), fir);

        var page = investigator.browser().get("/evidence");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(fir, "/evidence/cases/" + caseId, "id=\"open-case\"", "Evidence");
    }

    @Test
    void an_upload_from_the_case_page_s_script_is_accepted_with_the_csrf_header() {
        var investigator = person("INVESTIGATOR");
        String caseId = openCase(investigator.api(), "PAGE-UP-" + System.nanoTime());
        String boundary = "pageboundary" + System.nanoTime();

        var answer = investigator.browser().postFromPage("/evidence/cases/" + caseId, "/api/v1/cases/" + caseId + "/items",
            "multipart/form-data; boundary=" + boundary,
            HttpRequest.BodyPublishers.ofString(multipart(boundary, "DOCUMENT", "statement.txt", "Statement of the shopkeeper " + boundary)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.body()).contains("\"mediaType\":\"text/plain\"");
    }

    @Test
    void the_case_page_lists_items_with_their_hashes_and_offers_upload_and_export() {
        var investigator = person("INVESTIGATOR");
        String caseId = openCase(investigator.api(), "PAGE-ITEMS-" + System.nanoTime());
        String boundary = "b" + System.nanoTime();
        var uploaded = investigator.api().post("/api/v1/cases/" + caseId + "/items", "multipart/form-data; boundary=" + boundary,
            multipart(boundary, "DOCUMENT", "notes.txt", "notes " + boundary));

        var page = investigator.browser().get("/evidence/cases/" + caseId);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(uploaded.json().get("sha256").asString(), "notes.txt", "id=\"upload-item\"",
            "id=\"upload-progress\"", "id=\"export-case\"", "/js/evidence.js", "name=\"_csrf\"");
    }

    @Test
    void an_item_page_shows_its_chain_of_custody() {
        var investigator = person("INVESTIGATOR");
        String caseId = openCase(investigator.api(), "PAGE-CUSTODY-" + System.nanoTime());
        String boundary = "c" + System.nanoTime();
        String itemId = investigator.api().post("/api/v1/cases/" + caseId + "/items", "multipart/form-data; boundary=" + boundary,
            multipart(boundary, "DOCUMENT", "notes.txt", "notes " + boundary)).json().get("id").asString();
        investigator.api().post("/api/v1/evidence/" + itemId + "/handovers", Map.of("recipient", "FSL Peshawar", "reason", "analysis"));

        var page = investigator.browser().get("/evidence/items/" + itemId);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Chain of custody", "created", "handed-over", "FSL Peshawar", "id=\"hand-over\"");
    }

    @Test
    void a_case_the_person_is_not_on_is_not_found() {
        var owner = person("INVESTIGATOR");
        var stranger = person("INVESTIGATOR");
        String caseId = openCase(owner.api(), "PAGE-PRIVATE-" + System.nanoTime());

        var page = stranger.browser().get("/evidence/cases/" + caseId);

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("not on its case team");
    }

    @Test
    void the_navigation_offers_evidence_to_investigators_and_not_to_administrators() {
        assertThat(person("INVESTIGATOR").browser().get("/rollout").body()).contains("href=\"/evidence\"");
        var administrator = person("ADMIN");
        assertThat(administrator.browser().get("/rollout").body()).doesNotContain("href=\"/evidence\"");
        assertThat(administrator.browser().get("/evidence").status()).isEqualTo(403);
    }

    @Test
    void the_evidence_script_and_styles_are_served() {
        var investigator = person("INVESTIGATOR");
        var page = investigator.browser().get("/evidence");

        for (String asset : ConsoleSession.assetsOf(page)) {
            assertThat(investigator.browser().get(asset).status()).as(asset).isEqualTo(200);
        }
        assertThat(ConsoleSession.assetsOf(page)).contains("/js/evidence.js");
    }
}
