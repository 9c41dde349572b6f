package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.Chromium;
import org.safecity.traffic.Roadside;
import tools.jackson.databind.JsonNode;

/**
 * An analyst confirms, in the console, the link weak keys proposed between a missing-person report
 * without a CNIC and a known person; the person's profile then shows the record with who linked it and
 * why, expands the link view a step, adds the profile to a case as a sealed extract, and undoes the merge.
 */
class LinksInBrowserTest extends BrowserTest {

    private static final String PURPOSE = "FIR 77/2026 missing boy";

    @Test
    void an_analyst_confirms_a_proposed_link_and_undoes_the_merge_from_the_profile() {
        var admin = admin();
        String cnic = Roadside.cnic().replace("-", "");
        String father = "Gul " + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        long persons = source("persons", "PERSON");
        admin.post("/api/v1/records/sources/" + persons + "/imports", Map.of("records", List.of(
            Map.of("id", "K-1", "cnic", cnic, "name", "Muhammad Khan", "fatherName", father, "phone", "0312-7654321"))));
        long rescue = source("rescue", "MISSING_PERSON");
        admin.post("/api/v1/records/sources/" + rescue + "/imports", Map.of("records", List.of(
            Map.of("id", "M-1", "name", "Mohammad Khaan", "fatherName", father, "status", "OPEN"))));
        String username = "browser.links." + System.nanoTime();
        assertThat(admin.post("/api/v1/accounts", Map.of("username", username, "displayName", "SI Links", "password", passwordOf(username),
            "roles", List.of("INVESTIGATOR"), "scope", "province")).status()).isEqualTo(201);
        var analyst = anonymous.signIn(username, passwordOf(username));
        String personId = personOf(analyst, cnic);
        long proposal = 0;
        for (JsonNode p : analyst.get("/api/v1/records/link-proposals").json()) {
            if (p.get("personId").asString().equals(personId)) {
                proposal = p.get("id").asLong();
            }
        }
        assertThat(proposal).as("a proposal for person " + personId).isPositive();
        var kase = analyst.post("/api/v1/cases", Map.of("firNumber", "FIR-" + System.nanoTime() % 100000 + "/2026", "policeStation", "Saddar",
            "offence", "missing person"));
        assertThat(kase.status()).as(kase.toString()).isEqualTo(201);

        chromium.signIn(port, username, passwordOf(username));
        browser.get(url("/records/links"));
        waitFor(driver -> "true".equals(driver.findElement(By.id("links-page")).getDomAttribute("data-loaded")));
        var row = browser.findElement(By.cssSelector("li[data-proposal='" + proposal + "']"));
        assertThat(row.getText()).contains("person " + personId, "father's name");
        row.findElement(By.cssSelector("input[name=reason]")).sendKeys("same father and village, verified by phone");
        row.findElement(By.cssSelector("button[data-action=confirm]")).click();
        waitFor(driver -> driver.findElement(By.id("links-notice")).getText().startsWith("Confirmed"));
        assertThat(browser.findElements(By.cssSelector("li[data-proposal='" + proposal + "']"))).isEmpty();
        chromium.screenshot("records-links");

        browser.get(url("/records/persons/" + personId));
        var purpose = browser.findElement(By.cssSelector("#profile-purpose input[name=purpose]"));
        purpose.clear();
        purpose.sendKeys(PURPOSE);
        browser.findElement(By.cssSelector("#profile-purpose button")).click();
        waitFor(driver -> driver.findElement(By.id("profile-body")).getText().contains("MISSING_PERSON")
            || driver.findElement(By.id("profile-body")).getText().contains("Mohammad Khaan"));
        var merged = browser.findElement(By.cssSelector("li[data-kind=MISSING_PERSON]"));
        assertThat(merged.getText()).contains("by an analyst", username, "same father and village");

        browser.findElement(By.cssSelector("section[data-section=Links] button[data-action=expand]")).click();
        waitFor(driver -> !driver.findElements(By.cssSelector("li[data-node='phone:3127654321']")).isEmpty());

        browser.findElement(By.cssSelector("#profile-extract input[name=caseId]")).sendKeys(kase.json().get("id").asString());
        browser.findElement(By.cssSelector("#profile-extract button")).click();
        waitFor(driver -> driver.findElement(By.id("extract-result")).getText().contains("sealed SHA-256"));
        String item = browser.findElement(By.id("extract-result")).getDomAttribute("data-item");
        assertThat(analyst.get("/api/v1/cases/" + kase.json().get("id").asString()).body()).contains(item);
        chromium.screenshot("records-profile-merged");

        merged.findElement(By.cssSelector("input[name=reason]")).sendKeys("the family says it is a cousin");
        merged.findElement(By.cssSelector("button[data-action=undo]")).click();
        waitFor(driver -> driver.findElements(By.cssSelector("li[data-kind=MISSING_PERSON]")).isEmpty());
        assertThat(analyst.get("/api/v1/persons/" + personId + "?purpose=" + PURPOSE.replace(' ', '+')).json().get("records").toString())
            .doesNotContain("MISSING_PERSON");
        assertThat(chromium.severeMessages()).isEmpty();
    }

    private long source(String prefix, String kind) {
        String code = prefix + "-" + System.nanoTime() % 1_000_000;
        var created = admin().post("/api/v1/records/sources", Map.of("code", code, "name", "Browser feed " + code, "owner", "Test department",
            "retentionDays", 3650, "kinds", List.of(kind)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static String personOf(org.safecity.SafeCityApi reader, String cnic) {
        var found = reader.get("/api/v1/search?q=" + cnic + "&purpose=" + PURPOSE.replace(' ', '+')).json();
        for (JsonNode g : found.get("groups")) {
            if (g.get("type").asString().equals("person")) {
                return g.get("results").get(0).get("id").asString();
            }
        }
        throw new AssertionError("no person for " + cnic + ": " + found);
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Chromium.PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }
}
